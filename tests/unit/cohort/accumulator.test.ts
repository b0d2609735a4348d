// The cohort accumulator: what a support desk sees of many reports (verdicts, checks ranked by
// failures with their fix, breakdowns, who needs help by check id, the trend), fed one report at a
// time and bounded however many are fed.
import { describe, expect, it } from 'vitest';
import { createCohort, cleanLabel } from '../../../shared/cohort/accumulator';
import { msg } from '../../../shared/check';
import { machines } from '../../fixtures/facts/machines';
import { makeReport, sampleCohort } from './helpers';

const summaryOf = (entries = sampleCohort()) => {
  const c = createCohort();
  for (const [f, r] of entries) c.add(f, r);
  return c.summary();
};

describe('cohort accumulator', () => {
  it('counts verdicts and ranks checks by failures, then undetermined, each with its most common fix', () => {
    const s = summaryOf();
    expect(s.reports).toBe(5);
    expect(s.verdicts).toEqual({ ready: 2, 'not-ready': 2, incomplete: 1 });
    expect(s.checks.slice(0, 4).map((c) => c.id)).toEqual(['software.python', 'software.r', 'device.model', 'os.supported']);
    const model = s.checks.find((c) => c.id === 'device.model')!;
    expect(model).toMatchObject({ total: 5, counts: { pass: 4, fail: 1, warn: 0, unknown: 0 }, required: true, fix: { key: 'checks:device.model.fix.other' } });
    // a check that never failed has no fix to show, and comes last
    expect(s.checks.at(-1)!.counts.fail + s.checks.at(-1)!.counts.unknown + s.checks.at(-1)!.counts.warn).toBe(0);
    expect(s.checks.find((c) => c.id === 'hardware.cpu')!.fix).toBeNull();
  });

  it('breaks the machines down by exam, OS, browser (each browser a machine has) and maker', () => {
    const s = summaryOf();
    expect(s.breakdowns.exam.rows).toEqual([{ label: 'mitx-sds-capstone', total: 5, verdicts: { ready: 2, 'not-ready': 2, incomplete: 1 } }]);
    expect(s.breakdowns.os.rows.map((r) => [r.label, r.total])).toEqual([
      ['Microsoft Windows 11 Pro', 3],
      ['macOS Sequoia', 1],
      ['Microsoft Windows XP Professional', 1],
    ]);
    expect(s.breakdowns.browser.rows[0]).toMatchObject({ label: 'Google Chrome', total: 5 });
    expect(s.breakdowns.maker.rows.map((r) => r.label)).toContain('Apple Inc.');
  });

  it('lists the reports that need help by file, with their check id and the checks that block them', () => {
    const s = summaryOf();
    const all = sampleCohort();
    expect(s.needsHelp.map((h) => h.file)).toEqual(['surface.json', 'timeouts.json', 'xp.json']);
    const surface = s.needsHelp[0]!;
    expect(surface).toMatchObject({ verdict: 'not-ready', checkId: all[2]![1].checkId, profileId: 'mitx-sds-capstone' });
    expect(surface.checks.map((c) => c.id)).toEqual(['device.model']);
    // incomplete: the required checks that could not be determined
    const timeouts = all[4]![1];
    expect(s.needsHelp[1]!.checks.map((c) => `${c.id}:${c.status}`)).toEqual(
      timeouts.results.filter((r) => r.required && r.status === 'unknown').map((r) => `${r.id}:unknown`),
    );
    expect(s.needsHelp[1]!.checks.length).toBeGreaterThan(0);
    // a not-ready report lists its failures first; advisory warnings are not blockers
    expect(s.needsHelp[2]!.checks.every((c) => c.status === 'fail')).toBe(true);
  });

  it('keeps a per-day trend (UTC days) and the span of the reports', () => {
    const s = summaryOf();
    expect(s.trend).toEqual([
      { day: '2026-11-19', verdicts: { ready: 2, 'not-ready': 0, incomplete: 0 } },
      { day: '2026-11-20', verdicts: { ready: 0, 'not-ready': 2, incomplete: 1 } },
    ]);
    expect([s.firstAt, s.lastAt]).toEqual(['2026-11-19T09:00:00.000Z', '2026-11-20T11:00:00.000Z']);
  });

  it('gives the same summary whatever order the reports arrive in', () => {
    const entries = sampleCohort();
    expect(summaryOf([...entries].reverse())).toEqual(summaryOf(entries));
  });

  it('counts skipped files by reason and lists them', () => {
    const c = createCohort();
    c.skip('b.json', 'truncated', msg('viewer:open.truncated', { file: 'b.json' }));
    c.skip('a.json', 'tampered', msg('cohort:skip.tampered', { file: 'a.json', checkId: 'EP-0000-0000', expected: 'EP-1111-1111' }));
    c.skip('c.json', 'truncated', msg('viewer:open.truncated', { file: 'c.json' }));
    const s = c.summary();
    expect(s).toMatchObject({ reports: 0, skipped: 3, skippedByKind: { truncated: 2, tampered: 1 }, skippedOmitted: 0 });
    expect(s.skippedFiles.map((f) => f.file)).toEqual(['a.json', 'b.json', 'c.json']);
  });

  it('stays bounded: capped lists with a count of the rest, "others" past the distinct-value cap', () => {
    const c = createCohort({ limits: { needsHelp: 10, skipped: 5, breakdownValues: 3, days: 4 } });
    const base = makeReport(machines.surfaceLaptop());
    for (let i = 0; i < 2000; i++) {
      const r = structuredClone(base);
      r.facts.device.manufacturer = `Maker ${i % 7}`;
      r.createdAt = new Date(Date.UTC(2026, 0, 1 + (i % 30))).toISOString();
      c.add(`lab/${String(i).padStart(4, '0')}.json`, r);
      c.skip(`bad/${i}.json`, 'not-json', msg('viewer:open.notJson', { file: `${i}`, detail: 'x' }));
    }
    const s = c.summary();
    expect(s.reports).toBe(2000);
    expect(s.needsHelp).toHaveLength(10);
    expect(s.needsHelpOmitted).toBe(1990);
    // the first files by name are the ones kept, whatever the order they came in
    expect(s.needsHelp[0]!.file).toBe('lab/0000.json');
    expect(s.skippedFiles).toHaveLength(5);
    expect(s.skippedOmitted).toBe(1995);
    expect(s.breakdowns.maker.rows).toHaveLength(3);
    expect(s.breakdowns.maker.other!.total + s.breakdowns.maker.rows.reduce((n, r) => n + r.total, 0)).toBe(2000);
    // the most recent days are kept
    expect(s.trend.map((d) => d.day)).toEqual(['2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30']);
    expect(JSON.stringify(s).length).toBeLessThan(40_000);
  });

  it('ranks at most the check-id cap, counting the ids it could not rank', () => {
    const c = createCohort({ limits: { checks: 3 } });
    const r = makeReport(machines.good());
    for (let i = 0; i < 5; i++) c.add(`${i}.json`, { ...r, results: r.results.slice(0, 1).map((x) => ({ ...x, id: `made-up.${i}` })) });
    const s = c.summary();
    expect(s.checks).toHaveLength(3);
    expect(s.checksOmitted).toBe(2);
  });

  it('labels from files carry no control or bidi characters and are bounded', () => {
    expect(cleanLabel('Evil\u001b[31m Corp\u202e\n')).toBe('Evil [31m Corp');
    expect([...cleanLabel('x'.repeat(500))!]).toHaveLength(80);
    expect(cleanLabel('   ')).toBeNull();
    const r = makeReport(machines.good());
    r.facts.device.manufacturer = '\u001b]0;pwned\u0007ACME';
    const c = createCohort();
    c.add('a.json', r);
    expect(c.summary().breakdowns.maker.rows[0]!.label).toBe(']0;pwned ACME');
  });
});
