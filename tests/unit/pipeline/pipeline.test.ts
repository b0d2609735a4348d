// The shared pipeline (inspect -> evaluate -> report) over a fake machine: only what the profile
// needs is probed, results stream as areas land, one check re-runs alone, facts judge the same
// whichever front end runs them.
import { describe, expect, it } from 'vitest';
import { inspectMachine } from '../../../electron/inspect';
import type { ExecResult } from '../../../electron/inspect/exec';
import { evaluate } from '../../../shared/rules';
import { judgeNetworkRun } from '../../../shared/network/judge';
import { edxBlocked } from '../../fixtures/network/run';
import { verdictOf } from '../../../shared/check';
import { findProfile } from '../../../shared/profile/load';
import { judge, reportOf, rerunCheck, scanMachine, UnknownCheckError, type Inspect } from '../../../shared/pipeline';
import { machines } from '../../fixtures/facts/machines';
import { fakeDeps } from '../inspect/fake-deps';

const R_VERSION = (): ExecResult => ({ ok: true, stdout: '', stderr: 'Rscript (R) version 4.4.2 (2024-10-31)\n' });
const PY = (args: readonly string[]): ExecResult =>
  args[0] === '--version'
    ? { ok: true, stdout: 'Python 3.11.2\n', stderr: '' }
    : { ok: true, stdout: JSON.stringify({ version: '3.11.2', executable: '/usr/bin/python3', packages: {}, paths: [] }), stderr: '' };

/** A machine with R and Python on PATH, every program start counted. */
function machine() {
  const deps = fakeDeps({ files: { '/usr/bin/Rscript': '', '/usr/bin/python3': '' }, programs: { '/usr/bin/Rscript': R_VERSION, '/usr/bin/python3': PY } });
  const inspect: Inspect = (req, call) => inspectMachine(req, { ...call, deps });
  const runs = (program: string) => deps.calls.filter((c) => c.startsWith(`exec ${program}`)).length;
  return { deps, inspect, runs };
}

describe('only what the profile needs is probed', () => {
  it('an exam without R (or Python) never starts Rscript (or python)', async () => {
    const m = machine();
    const scan = await scanMachine(findProfile('mitx-pom-final')!, { inspect: m.inspect, networkChecks: false });
    expect(m.runs('/usr/bin/Rscript')).toBe(0);
    expect(m.runs('/usr/bin/python3')).toBe(0);
    expect(scan.facts.software.looked).toEqual({ python: false, r: false });
  });

  it('an exam with R and Python starts each once, and judges them', async () => {
    const m = machine();
    const scan = await scanMachine(findProfile('mitx-sds-capstone')!, { inspect: m.inspect, networkChecks: false });
    expect(m.runs('/usr/bin/Rscript')).toBe(1);
    expect(m.runs('/usr/bin/python3')).toBe(1);
    expect(scan.results.find((r) => r.id === 'software.r')).toMatchObject({ status: 'pass' });
  });

  it('facts that did not look for R say unknown against an exam that needs it — not "R is missing"', async () => {
    const m = machine();
    const { facts } = await scanMachine(findProfile('mitx-pom-final')!, { inspect: m.inspect, networkChecks: false });
    const { results } = judge(findProfile('mitx-sds-capstone')!, { facts });
    expect(results.find((r) => r.id === 'software.r')).toMatchObject({ status: 'unknown', evidence: [{ key: 'inspect:notLooked.r' }] });
    expect(results.find((r) => r.id === 'software.python')).toMatchObject({ status: 'unknown', evidence: [{ key: 'inspect:notLooked.python' }] });
  });
});

describe('scanMachine / rerunCheck', () => {
  it('streams each result once, the same results the scan returns', async () => {
    const m = machine();
    const streamed: string[] = [];
    const scan = await scanMachine(findProfile('mitx-sds-ml')!, {
      inspect: m.inspect,
      networkChecks: false,
      onResults: (rs) => streamed.push(...rs.map((r) => r.id)),
      now: () => new Date('2026-11-20T10:00:00Z'),
    });
    expect([...streamed].sort()).toEqual(scan.results.map((r) => r.id).sort());
    expect(scan).toMatchObject({ profileId: 'mitx-sds-ml', startedAt: '2026-11-20T10:00:00.000Z', finishedAt: '2026-11-20T10:00:00.000Z' });
    expect(scan.results).toEqual(evaluate(findProfile('mitx-sds-ml')!, scan.facts));
  });

  it('re-runs one check with only its areas, keeping the rest of the scan', async () => {
    const m = machine();
    const profile = findProfile('mitx-sds-capstone')!;
    const first = await scanMachine(profile, { inspect: m.inspect, networkChecks: false });
    m.deps.calls.length = 0;
    const { result, scan } = await rerunCheck(profile, 'software.r', first, { inspect: m.inspect });
    expect(result.id).toBe('software.r');
    expect(m.deps.calls.some((c) => c.startsWith('si.'))).toBe(false); // no other area re-collected
    expect(scan!.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(scan!.facts.os).toBe(first.facts.os);
  });

  it('an unknown check, or one the exam does not ask for, is an UnknownCheckError', async () => {
    const m = machine();
    await expect(rerunCheck(findProfile('mitx-pom-final')!, 'no.such', undefined, { inspect: m.inspect })).rejects.toBeInstanceOf(UnknownCheckError);
    await expect(rerunCheck(findProfile('mitx-pom-final')!, 'software.r', undefined, { inspect: m.inspect })).rejects.toThrow(/has no check "software.r"/);
  });
});

describe('judge / reportOf', () => {
  it('judges the facts and the network run together; the report carries exactly that judgement', () => {
    const profile = findProfile('mitx-pom-final')!;
    const facts = machines.good();
    const alone = judge(profile, { facts });
    expect(alone.results).toEqual(evaluate(profile, facts));
    expect(alone.verdict).toBe(verdictOf(alone.results));
    const blocked = judge(profile, { facts, network: edxBlocked() });
    expect(blocked.results.map((r) => r.id)).toEqual([
      ...alone.results.map((r) => r.id),
      ...judgeNetworkRun(edxBlocked(), profile.requirements.network?.measure).map((r) => r.id),
    ]);
    // the edX servers are required: unreachable makes the machine not ready
    expect(blocked.verdict).toBe('not-ready');
    const report = reportOf(profile, { facts, network: edxBlocked() }, { appVersion: '1.2.3', createdAt: '2026-11-20T10:00:00.000Z' });
    expect(report).toMatchObject({ verdict: 'not-ready', appVersion: '1.2.3', redacted: true, profile: { id: 'mitx-pom-final' }, results: blocked.results });
    expect(report.network?.services[0]?.ok).toBe(false);
  });
});
