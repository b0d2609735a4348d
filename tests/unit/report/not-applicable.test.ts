// Checks that cannot apply are not passes (issue 24): on Linux, Windows S mode, activation and
// test-signing and macOS Screen Recording are `not-applicable` with the reason — left out of the
// counts and the verdict, one line in the CLI text, collapsed in the HTML report, counted apart
// in the cohort dashboard — and a report written before the status existed still opens.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { countByStatus, verdictOf } from '../../../shared/check';
import { createI18n } from '../../../shared/i18n';
import { findProfile } from '../../../shared/profile/load';
import { reportOf } from '../../../shared/pipeline';
import { ReportSchema } from '../../../shared/report/model';
import { renderText } from '../../../shared/report/render-text';
import { renderHtml } from '../../../shared/report/render-html';
import { compareResults } from '../../../shared/report/compare';
import { createCohort } from '../../../shared/cohort/accumulator';
import { renderCohortHtml } from '../../../shared/cohort/render-html';
import { ALL_OS_STATE_RULES, windowsTroubled, withOsState } from '../../fixtures/facts/os-state';
import { verdictTitle } from '../../../shared/report/verdict-line';
import { renderMsg } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';

const T = '2026-11-20T10:00:00.000Z';
const profile = () => {
  const p = structuredClone(findProfile('mitx-sds-capstone')!);
  p.requirements.osState = ALL_OS_STATE_RULES;
  return p;
};
const linuxReport = () => reportOf(profile(), { facts: machines.linux() }, { appVersion: '1.0.0', createdAt: T });
const WINDOWS_ONLY = ['osstate.smode', 'osstate.activation', 'osstate.testsigning'];

describe('not-applicable', () => {
  it('on Linux the Windows and macOS states are not applicable, with the reason, and never counted', () => {
    const r = linuxReport();
    const na = r.results.filter((x) => x.status === 'not-applicable').map((x) => x.id);
    expect(na.sort()).toEqual([...WINDOWS_ONLY, 'osstate.screenrecording'].sort());
    const smode = r.results.find((x) => x.id === 'osstate.smode')!;
    expect(smode).toMatchObject({
      observed: null,
      expected: null,
      fix: null,
      evidence: [{ key: 'checks:common.notApplicable', params: { platform: 'Linux', platforms: 'Windows' } }],
    });
    const counts = countByStatus(r.results);
    expect(counts.pass + counts.warn + counts.fail + counts.unknown).toBe(r.results.length - na.length);
    // dropping them changes nothing in the verdict
    expect(verdictOf(r.results.filter((x) => x.status !== 'not-applicable'))).toBe(r.verdict);
  });

  it('the CLI text names them in one line instead of a row each', () => {
    const text = renderText(linuxReport(), createI18n('en'));
    expect(text).not.toMatch(/✓ Pass\s+Windows S mode/);
    const line = text.split('\n').filter((l) => l.includes('do not apply'));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/^4 checks do not apply to this computer: .*S mode/);
    expect(text).not.toMatch(/Not applicable \d/);
  });

  it('the HTML report collapses them with their reason, outside the tables and the chart', () => {
    const html = renderHtml(linuxReport(), createI18n('es'));
    const details = html.match(/<details class="not-applicable" data-not-applicable="4">([\s\S]*?)<\/details>/);
    expect(details?.[1]).toContain('4 comprobaciones no corresponden a esta computadora');
    expect(details?.[1]).toContain('Linux no tiene este ajuste');
    expect(html.match(/<tr data-check-id="osstate\.smode"/g)).toBeNull();
  });

  it('a report written before the status existed still opens; one with it validates', () => {
    const old = JSON.parse(readFileSync('tests/fixtures/reports/report-facts-v1.json', 'utf8'));
    expect(ReportSchema.safeParse(old).success).toBe(true);
    expect(ReportSchema.safeParse(JSON.parse(JSON.stringify(linuxReport()))).success).toBe(true);
  });

  it('compare: a failure that no longer applies is fixed, a not-applicable check that fails broke', () => {
    const r = linuxReport().results.find((x) => x.id === 'osstate.smode')!;
    const failed = { ...r, status: 'fail' as const };
    expect(compareResults([failed], [r])[0]!.change).toBe('fixed');
    expect(compareResults([r], [failed])[0]!.change).toBe('broke');
  });

  it('the cohort counts them apart from the machines a check ran on', () => {
    const c = createCohort();
    c.add('linux.json', linuxReport());
    c.add('win.json', reportOf(profile(), { facts: machines.good() }, { appVersion: '1.0.0', createdAt: T }));
    const s = c.summary();
    const smode = s.checks.find((x) => x.id === 'osstate.smode')!;
    expect(smode.total).toBe(1);
    expect(smode.counts['not-applicable']).toBe(1);
    expect(renderCohortHtml(s, createI18n('pt'), '1.0.0')).toContain('não se aplica a 1 computador');
  });

  it('the verdict line makes warnings visible: "Ready — N warnings to read before exam day", the same words in text and HTML', () => {
    // every OS state advisory (the fixture profile), S mode off: ready, with warnings
    const facts = withOsState(machines.good(), { ...windowsTroubled(), sMode: { value: false, via: 'reg' } });
    const r = reportOf(profile(), { facts }, { appVersion: '1.0.0', createdAt: T });
    const warnings = r.results.filter((x) => x.status === 'warn').length;
    expect(r.verdict).toBe('ready');
    expect(warnings).toBeGreaterThan(1);
    const es = createI18n('es');
    const title = renderMsg(es, verdictTitle(r.verdict, r.results));
    expect(title).toBe(`Listo — ${warnings} advertencias para leer antes del día del examen`);
    expect(renderHtml(r, es)).toContain(title);
    expect(renderText(r, createI18n('en'))).toContain(`Ready — ${warnings} warnings to read before exam day:`);
    // no warnings: the plain words
    expect(renderMsg(es, verdictTitle('ready', []))).toBe('Listo');
  });
});
