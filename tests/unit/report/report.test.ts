// Reports: privacy by default (every sensitive field redacted, wherever it appears), the round trip
// export -> open -> the same evaluation, re-evaluation against another exam, the diff of two
// reports, files that are not (or no longer) reports, and the self-contained HTML page.
import { describe, expect, it } from 'vitest';
import { buildReport, ReportSchema, shortCheckId, type Report } from '../../../shared/report/model';
import { REDACTED } from '../../../shared/report/redact';
import { renderHtml } from '../../../shared/report/render-html';
import { createI18n } from '../../../shared/i18n';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { createReportHandlers } from '../../../electron/handlers/report';
import { compareResults } from '../../../shared/report/compare';
import { openReportText } from '../../../shared/report/open';
import { machines } from '../../fixtures/facts/machines';
import type { Facts } from '../../../shared/facts';
import { halfDoneChecklist, passedMockExam } from '../../fixtures/reports/learner-parts';

const POM = findProfile('mitx-pom-final')!;
const SDS = findProfile('mitx-sds-capstone')!;
const T = '2026-11-23T10:00:00.000Z';

/** a machine whose personal data also turns up inside paths, evidence and errors */
function personalFacts(): Facts {
  const f = machines.good();
  f.device.username = 'maria';
  f.device.hostname = 'MARIA-LAPTOP';
  f.device.serial = 'PF3ABCDE';
  f.device.disk.path = 'C:\\Users\\maria\\AppData';
  f.software.python[0]!.path = 'C:\\Users\\maria\\AppData\\Local\\Programs\\Python\\Python312\\python.exe';
  f.software.r = [
    { path: '/home/maria/R/bin/R', version: '4.4.1', via: 'path' },
    { path: '/Users/maria/bin/R', version: null, via: 'path', error: 'cannot run /Users/maria/bin/R on MARIA-LAPTOP' },
  ];
  f.browsers.browsers.push({ id: 'firefox', name: 'Firefox', version: '145.0', path: '/home/maria/.local/firefox/firefox', via: 'path' });
  f.network.interfaces[0]!.mac = '3c:22:fb:12:34:56';
  f.virtualization.signals.push({ kind: 'mac-prefix', detail: 'MAC 08-00-27-AA-BB-CC (VirtualBox) on host MARIA-LAPTOP serial PF3ABCDE', strength: 'weak' });
  return f;
}

const report = (facts: Facts, includePersonal = false, profile = POM): Report =>
  buildReport({ profile, facts, results: evaluate(profile, facts), appVersion: '1.0.0', createdAt: T, includePersonal });

describe('privacy by default', () => {
  it('removes user and host names, serials, MAC addresses and home folders everywhere', () => {
    const r = report(personalFacts());
    expect(r.redacted).toBe(true);
    expect(r.facts.device).toMatchObject({ username: REDACTED, hostname: REDACTED, serial: REDACTED });
    const text = JSON.stringify(r);
    for (const secret of ['maria', 'MARIA-LAPTOP', 'PF3ABCDE', '12:34:56', 'AA-BB-CC']) expect(text, secret).not.toContain(secret);
    expect(r.facts.device.disk.path).toBe('C:\\Users\\~\\AppData');
    expect(r.facts.software.python[0]!.path).toBe('C:\\Users\\~\\AppData\\Local\\Programs\\Python\\Python312\\python.exe');
    expect(r.facts.software.r.map((x) => x.path)).toEqual(['/home/~/R/bin/R', '/Users/~/bin/R']);
    const spaced = personalFacts();
    spaced.software.python[0]!.path = 'C:\\Users\\Maria Silva\\AppData\\Local\\Programs\\Python\\python.exe';
    expect(report(spaced).facts.software.python[0]!.path).toBe('C:\\Users\\~\\AppData\\Local\\Programs\\Python\\python.exe');
    const root = machines.linux();
    root.software.python = [{ path: '/root/.pyenv/versions/3.12.7/bin/python3', version: '3.12.7', via: 'pyenv', packages: {} }];
    expect(report(root).facts.software.python[0]!.path).toBe('~/.pyenv/versions/3.12.7/bin/python3');
    expect(r.facts.software.r[1]!.error).toBe('cannot run /Users/~/bin/R on [host]');
    // the vendor prefix stays: it is the evidence for a virtual machine
    expect(r.facts.network.interfaces[0]!.mac).toBe('3c:22:fb:xx:xx:xx');
    expect(r.facts.virtualization.signals.at(-1)!.detail).toBe('MAC 08-00-27-xx-xx-xx (VirtualBox) on host [host] serial [serial]');
    // the OS facts are not touched, so a host named like the OS cannot damage them
    expect(r.facts.os).toEqual(personalFacts().os);
    expect(ReportSchema.parse(JSON.parse(JSON.stringify(r)))).toBeTruthy();
  });

  it('also finds Windows homes written with slashes and a host named without its domain', () => {
    const f = machines.mac();
    f.device.hostname = 'Marias-MacBook-Pro.local';
    f.device.username = 'maria';
    f.software.python = [{ path: 'C:/Users/Maria Silva/miniconda3/python.exe', version: '3.12.1', via: 'path', packages: {} }];
    f.software.r = [{ path: '/opt/R', version: null, via: 'path', error: 'ssh: connect to host Marias-MacBook-Pro port 22 refused' }];
    const r = report(f);
    expect(r.facts.software.python[0]!.path).toBe('C:/Users/~/miniconda3/python.exe');
    expect(r.facts.software.r[0]!.error).toBe('ssh: connect to host [host] port 22 refused');
    expect(JSON.stringify(r)).not.toMatch(/maria|Marias/i);
  });

  it('keeps everything when the learner opts in, and says so', () => {
    const r = report(personalFacts(), true);
    expect(r.redacted).toBe(false);
    expect(r.facts.device).toMatchObject({ username: 'maria', hostname: 'MARIA-LAPTOP', serial: 'PF3ABCDE' });
    expect(r.facts.network.interfaces[0]!.mac).toBe('3c:22:fb:12:34:56');
  });

  it('a redacted report is still judged the same', () => {
    const f = personalFacts();
    expect(report(f).results.map((x) => [x.id, x.status])).toEqual(evaluate(POM, f).map((x) => [x.id, x.status]));
  });
});

describe('report files', () => {
  const ctx = { dataDir: '/nonexistent', appVersion: '2.0.0', emit: () => {}, now: () => Date.parse(T) };

  it('round trip: export, open, and the same evaluation from its facts', async () => {
    const r = report(machines.virtualBox());
    const text = JSON.stringify(r, null, 2);
    const opened = openReportText(text, 'learner.json');
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    expect(opened.value.tampered).toBeNull();
    expect(opened.value.report).toEqual(r);
    expect(evaluate(POM, opened.value.report.facts)).toEqual(r.results);
    // re-evaluated against another exam: same facts, that exam's rules
    const h = createReportHandlers(ctx);
    const again = await h.reevaluateReport(text, 'learner.json', 'mitx-sds-capstone');
    if (!again.ok) throw new Error('expected a report');
    expect(again.value.profile.id).toBe('mitx-sds-capstone');
    expect(again.value.results).toEqual(evaluate(SDS, r.facts));
    expect((await h.reevaluateReport(text, 'learner.json', 'nope')).ok).toBe(false);
  });

  it('says why a file is not a report it can read', () => {
    const r = report(machines.good());
    const text = JSON.stringify(r);
    const kind = (t: string) => {
      const o = openReportText(t, 'x.json');
      return o.ok ? 'ok' : o.problem.kind;
    };
    expect(kind(text.slice(0, text.length / 2))).toBe('truncated');
    expect(kind('')).toBe('empty');
    expect(kind('hello')).toBe('not-json');
    expect(kind('{"a": 1}')).toBe('not-report');
    expect(kind(JSON.stringify({ ...r, reportVersion: 9 }))).toBe('newer-version');
    expect(kind(JSON.stringify({ ...r, reportVersion: 0 }))).toBe('older-version');
    expect(kind(JSON.stringify({ ...r, verdict: 'maybe' }))).toBe('invalid');
    const problem = openReportText(JSON.stringify({ ...r, verdict: 'maybe' }), 'x.json');
    expect(!problem.ok && problem.problem.message).toMatchObject({ key: 'viewer:open.invalid', params: { file: 'x.json', path: 'verdict' } });
    // edited by hand: still shown, flagged with the id it should have
    const edited = openReportText(text.replace('"verdict":"ready"', '"verdict":"not-ready"'), 'x.json');
    expect(edited.ok && edited.value.tampered).toMatchObject({ expectedCheckId: expect.stringMatching(/^EP-/) });
  });

  it('reads a report written by the first report format (version 1)', () => {
    const r = report(machines.good());
    const { redacted: _r, checklist: _c, mockExam: _m, support: _s, checkId: _id, ...v1body } = { ...r, reportVersion: 1 as const };
    // as version 1 wrote it: the check id over the body, last
    const v1 = { ...v1body, checkId: shortCheckId(JSON.stringify(v1body)) };
    const o = openReportText(JSON.stringify(v1, null, 2), 'old.json');
    expect(o.ok && o.value.report).toMatchObject({ reportVersion: 1, redacted: false, checklist: null, mockExam: null, support: null });
    expect(o.ok && o.value.tampered).toBeNull(); // its check id still verifies
  });

  it('compares two reports of the same learner: what broke, what was fixed, what is new', async () => {
    const before = report(machines.teamViewer());
    const fixedFacts = machines.teamViewer();
    fixedFacts.processes.names = fixedFacts.processes.names.filter((n) => !/teamviewer|^tv_/i.test(n));
    fixedFacts.virtualization = machines.virtualBox().virtualization;
    const after = buildReport({
      profile: POM,
      facts: fixedFacts,
      results: evaluate(POM, fixedFacts),
      appVersion: '1.0.0',
      createdAt: '2026-11-24T10:00:00.000Z',
    });
    const h = createReportHandlers(ctx);
    // given newest first: still ordered by date
    const c = await h.compareReports(JSON.stringify(after), 'b.json', JSON.stringify(before), 'a.json');
    if (!c.ok) throw new Error('expected a comparison');
    expect(c.value.older.fileName).toBe('a.json');
    expect(c.value.sameProfile).toBe(true);
    const byId = Object.fromEntries(c.value.checks.map((x) => [x.id, x.change]));
    expect(byId).toMatchObject({ 'security.prohibited-apps': 'fixed', 'security.virtual-machine': 'broke' });
    expect(c.value.checks[0]!.change).toBe('broke'); // what needs attention first
    expect(compareResults([], after.results).every((x) => x.change === 'new')).toBe(true);
    expect(compareResults(before.results, []).every((x) => x.change === 'removed')).toBe(true);
    const bad = await h.compareReports(JSON.stringify(before), 'a.json', '{', 'b.json');
    expect(bad).toMatchObject({ ok: false, which: 'b' });
  });
});

describe('HTML report', () => {
  it('is one self-contained page: no scripts, no external resources, every value escaped', () => {
    const f = personalFacts();
    f.browsers.browsers.push({ id: 'other', name: '<script>alert(1)</script>', version: '"><img src=x onerror=alert(1)>', path: null, via: 'path' });
    const html = renderHtml(report(f), createI18n('en'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="?https?:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('@media print');
    expect(html).toContain('Personal data removed');
    expect(html).not.toContain('maria');
  });

  it("speaks the reader's language, checklist and mock exam included", () => {
    const r = buildReport({
      profile: POM,
      facts: machines.good(),
      results: evaluate(POM, machines.good()),
      appVersion: '1.0.0',
      createdAt: T,
      checklist: halfDoneChecklist(),
      mockExam: passedMockExam(T, [
        {
          id: 'process-control',
          title: { en: 'Process control', es: 'Control de procesos' },
          status: 'submitted',
          earned: 5,
          possible: 8,
          usedMs: 3_600_000,
          limitMs: 9_000_000,
        },
      ]),
    });
    const es = renderHtml(r, createI18n('es'));
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Informe de preparación para el examen');
    expect(es).toContain('Mi teléfono está apagado y fuera de mi alcance.');
    expect(es).toContain('10 de diciembre de 2026');
    expect(es).toContain('62,5');
    expect(es).toContain('<td>Control de procesos</td>');
    // the pacing chart: time used against time allowed, described for screen readers
    expect(es).toContain('aria-label="Tiempo usado por sección: Control de procesos: 60 de 150 min"');
    expect(renderHtml(r, createI18n('pt'))).toContain('<td>Process control</td>'); // no Portuguese title: English
    expect(renderHtml(r, createI18n('pt'))).toContain('Último simulado');
    const none = { ...r, mockExam: { ...r.mockExam!, accommodation: 'none' } };
    expect(renderHtml(none, createI18n('es'))).toContain('Sin adaptación.');
    expect(renderHtml(none, createI18n('es'))).not.toContain('Adaptación: none');
  });
});
