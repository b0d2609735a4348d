// OS states in the CLI text and the HTML report, in every language, with values from the machine
// treated as data (escaped in HTML, control characters stripped in a terminal).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/model';
import { renderHtml } from '../../../shared/report/render-html';
import { renderText } from '../../../shared/report/render-text';
import { createI18n, LANGUAGES } from '../../../shared/i18n';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { osStateMachines, windowsTroubled, withOsState } from '../../fixtures/facts/os-state';
import { machines } from '../../fixtures/facts/machines';

const POM = findProfile('mitx-pom-final')!;
const TITLES = { en: 'Windows S mode', es: 'Windows en modo S', pt: 'Windows no modo S' };

describe('OS states in reports', () => {
  it("the CLI text and the HTML report name each state in the reader's language", () => {
    const facts = osStateMachines.windowsTroubled();
    const report = buildReport({ profile: POM, facts, results: evaluate(POM, facts), appVersion: '1.0.0', createdAt: '2026-11-25T10:00:00.000Z' });
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      const text = renderText(report, i18n);
      const html = renderHtml(report, i18n);
      expect(text, lang).toContain(TITLES[lang]);
      expect(html, lang).toContain(TITLES[lang]);
      expect(text + html, lang).not.toMatch(/osstate:|\{\{/);
    }
  });

  it('a hostile value read from the machine is escaped in HTML and stripped of control characters in the terminal', () => {
    const facts = withOsState(machines.good(), {
      ...windowsTroubled(),
      restartPending: { value: true, via: 'reg', details: ['<img src=x onerror=alert(1)>\u001b[2J'] },
    });
    const report = buildReport({
      profile: POM,
      facts,
      results: evaluate(POM, facts),
      appVersion: '1.0.0',
      createdAt: '2026-11-25T10:00:00.000Z',
      includePersonal: true,
    });
    const i18n = createI18n('en');
    const html = renderHtml(report, i18n);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    expect(renderText(report, i18n, { colour: false })).not.toContain('\u001b[2J');
  });
});
