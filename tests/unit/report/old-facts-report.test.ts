// A report saved by the version before OS states (facts format 1, tests/fixtures/reports/
// report-facts-v1.json, written by that version's own code) still opens in the viewer, verifies,
// renders, and re-evaluates: the OS-state checks then say the states were not read, never "pass".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportHandlers, openReportText } from '../../../electron/handlers/report';
import { readJudgeable } from '../../../electron/cli/inputs';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { renderHtml } from '../../../shared/report/render-html';
import { renderText } from '../../../shared/report/render-text';
import type { Report } from '../../../shared/report/model';

const FILE = path.join(__dirname, '../../fixtures/reports/report-facts-v1.json');
const text = readFileSync(FILE, 'utf8');

describe('a report from before OS states (facts format 1)', () => {
  it('opens, unflagged, with its facts read as the current format', () => {
    expect(JSON.parse(text).facts.schemaVersion).toBe(1);
    const o = openReportText(text, 'old.json');
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.value.tampered).toBeNull();
    expect(o.value.report.facts.schemaVersion).toBe(3);
    expect(o.value.report.facts.osState.probe).toMatchObject({ status: 'error', error: expect.stringContaining('earlier version') });
    expect(o.value.report.results.some((r) => r.id.startsWith('osstate.'))).toBe(false);
    const en = createI18n('en');
    expect(renderHtml(o.value.report, en)).toContain('Principles of Manufacturing');
    expect(renderText(o.value.report, en)).toContain('EP-');
  });

  it("re-evaluated against today's profile: every OS-state check is unknown with the reason; S mode, required since issue 24, makes it incomplete", async () => {
    const h = createReportHandlers({ dataDir: '/nonexistent', appVersion: '1.1.0', emit: () => {}, now: () => Date.parse('2026-11-25T10:00:00Z') });
    const r = await h.reevaluateReport(text, 'old.json', 'mitx-pom-final');
    expect(r.ok).toBe(true);
    const report = (r as { ok: true; value: Report }).value;
    // states this machine's platform does not have are not applicable (not unknown, never pass)
    const os = report.results.filter((x) => x.id.startsWith('osstate.') && x.status !== 'not-applicable');
    const absent = report.results.filter((x) => x.status === 'not-applicable');
    expect(absent.every((x) => x.evidence[0]?.key === 'checks:common.notApplicable')).toBe(true);
    expect(os.length).toBeGreaterThan(10);
    const en = createI18n('es');
    for (const x of os) {
      expect(x.status, x.id).toBe('unknown');
      // issue 24: S mode is required in the MITx exams (learners download the proctoring software)
      expect(x.required, x.id).toBe(x.id === 'osstate.smode');
      expect(renderMsg(en, x.evidence[0])).toContain('earlier version');
    }
    // …so these facts, which never read it, are incomplete under today's profile (they were ready)
    expect(report.verdict).toBe('incomplete');
  });

  it("the command line reads the old report's facts too", async () => {
    const { facts } = await readJudgeable('tests/fixtures/reports/report-facts-v1.json', process.cwd());
    expect(facts.osState.probe.status).toBe('error');
  });
});
