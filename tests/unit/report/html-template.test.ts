// The html`` template escapes every value; only raw() and nested templates pass as markup. And the
// HTML report, built with it, keeps hostile strings from a report file as text.
import { describe, expect, it } from 'vitest';
import { concat, escapeHtml, html, raw } from '../../../shared/report/html';
import { renderHtml } from '../../../shared/report/render-html';
import { buildReport } from '../../../shared/report/model';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { createI18n } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;already&gt;',
  '</style><script>x</script>',
  '<!--',
  ']]>',
  '`${x}`',
];

describe('html template', () => {
  it('escapes every interpolated value, in content and in attributes', () => {
    for (const h of HOSTILE) {
      const out = html`<p title="${h}">${h}</p>`.text;
      expect(out).toBe(`<p title="${escapeHtml(h)}">${escapeHtml(h)}</p>`);
      expect(out).not.toMatch(/<(script|img)|on\w+='|"\s*on\w+=/i);
    }
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('numbers, arrays, nested templates; null, undefined and false render nothing', () => {
    expect(html`${1}${[html`<b>${'<'}</b>`, '<i>']}${null}${undefined}${false}${0}`.text).toBe('1<b>&lt;</b>&lt;i&gt;0');
    expect(String(html`<a>${'x'}</a>`)).toBe('<a>x</a>');
  });

  it('only raw() and nested templates are trusted — a lookalike object is not', () => {
    expect(html`${raw('<style>b{}</style>')}`.text).toBe('<style>b{}</style>');
    expect(html`${{ text: '<script>', toString: () => '<script>' }}`.text).toBe('&lt;script&gt;');
    expect(concat(html`<a>`, html`${'<'}`).text).toBe('<a>&lt;');
  });

  it('the HTML report keeps hostile values from facts, results and the profile title as text', () => {
    const profile = findProfile('mitx-pom-final')!;
    const facts = machines.good();
    facts.device.hostname = HOSTILE[0]!;
    facts.os.name = HOSTILE[1]!;
    facts.browsers.browsers = [{ id: 'chrome', name: HOSTILE[4]!, version: HOSTILE[2]!, path: '/x', via: 'path' } as never];
    const results = evaluate(profile, facts);
    results[0]!.evidence.push({ key: 'checks:common.notReported', params: { x: HOSTILE[1]! } });
    const report = {
      ...buildReport({ profile, facts, results, appVersion: HOSTILE[3]!, createdAt: '2026-11-20T10:00:00.000Z', includePersonal: true }),
      checkId: HOSTILE[1]!,
    };
    for (const lang of ['en', 'es', 'pt'] as const) {
      const page = renderHtml({ ...report, profile: { ...report.profile, id: 'unknown<x>', title: HOSTILE[0]! } }, createI18n(lang));
      expect(page).not.toMatch(/<script|<img|onmouseover='/i); // all still there, as text
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.match(/<style>/g)).toHaveLength(1);
    }
  });
});
