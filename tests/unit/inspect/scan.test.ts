import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { collectArea, inspectMachine } from '../../../electron/inspect';
import { execProbe } from '../../../electron/inspect/exec';
import { FACT_AREAS, FactsSchema, type FactArea } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: ['numpy'], endpoints: [], networkChecks: false };
const HANG = path.resolve('tests/fixtures/probes/hang.sh');

describe('exec: the only way programs run', () => {
  it('a hung program is killed at its timeout', async () => {
    const t0 = Date.now();
    const r = await execProbe(HANG, [], { timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, failure: 'timeout', detail: `${HANG} did not answer within 300 ms` });
    expect(Date.now() - t0).toBeLessThan(3000);
  });
  it('a missing program is "not-found" (not installed), not an error', async () => {
    expect(await execProbe('exam-preflight-no-such-program', ['--version'])).toMatchObject({
      ok: false,
      failure: 'not-found',
      detail: 'exam-preflight-no-such-program not found',
    });
  });
  it('shell metacharacters in arguments and program names are just characters', async () => {
    const marker = `/tmp/exam-preflight-pwned-${process.pid}`;
    const text = `$(touch ${marker}); \`touch ${marker}\`; | touch ${marker} && touch ${marker} > ${marker}`;
    const r = await execProbe('/bin/echo', [text], { timeoutMs: 2000 });
    expect(r.stdout.trim()).toBe(text);
    expect(await execProbe(`echo; touch ${marker}`, [])).toMatchObject({ failure: 'not-found' });
    expect(existsSync(marker)).toBe(false);
  });
  it('a non-zero exit keeps the output (Rscript and systemd-detect-virt answer that way)', async () => {
    expect(await execProbe('/bin/sh', ['-c', 'echo none; exit 1'])).toMatchObject({ ok: false, failure: 'exit', stdout: 'none\n' });
  });
  it('output beyond the cap is cut off with an error, not buffered without end', async () => {
    const r = await execProbe('/bin/sh', ['-c', 'head -c 6000000 /dev/zero'], { timeoutMs: 5000 });
    expect(r.ok).toBe(false);
    expect(r.failure).toBe('error');
  });
});

describe('inspectMachine', () => {
  it('a hung program inside a collector costs that probe its timeout; the scan still finishes', async () => {
    // systemd-detect-virt replaced by a program that never answers (killed after its 1500 ms)
    const deps = {
      ...fakeDeps({ files: { '/proc/cpuinfo': 'flags\t: fpu\n' } }),
      exec: (p: string, a: readonly string[], o?: { timeoutMs?: number }) => execProbe(p === 'systemd-detect-virt' ? HANG : p, a, o),
    };
    const t0 = Date.now();
    const facts = await inspectMachine(req, { deps, areas: ['virtualization'] });
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(facts.virtualization).toMatchObject({ isVirtual: false, probe: { status: 'partial' } });
  });
  it('a collector that never answers becomes "timeout" at the scan deadline; the others land', async () => {
    const deps = fakeDeps({ platform: 'win32', si: { osInfo: () => new Promise(() => {}), mem: { total: 8e9, available: 1e9 } } });
    const t0 = Date.now();
    const facts = await inspectMachine(req, { deps, deadlineMs: 400 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(facts.os.probe).toMatchObject({ status: 'timeout', error: 'no answer within 400 ms' });
    expect(facts.device.memory.totalBytes).toBe(8e9);
    expect(FactsSchema.parse(facts)).toBeTruthy();
  });
  it('a collector that throws becomes "error" with the reason, never an exception out of the scan', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        graphics: () => {
          throw new Error('lspci exploded');
        },
      },
    });
    expect((await collectArea('displays', req, deps)).probe).toMatchObject({ status: 'error', error: expect.stringContaining('lspci exploded') });
    const facts = await inspectMachine(req, { deps, areas: ['displays'] });
    expect(facts.displays).toMatchObject({ displays: [], probe: { status: 'error' } });
  });
  it('streams each area as it lands, and re-runs a subset reusing the previous facts', async () => {
    const deps = fakeDeps({ files: { '/etc/os-release': 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\n' } });
    const landed: FactArea[] = [];
    const first = await inspectMachine(req, { deps, onArea: (a) => landed.push(a), now: () => new Date('2026-11-20T10:00:00Z'), appVersion: '9.9.9' });
    expect([...landed].sort()).toEqual([...FACT_AREAS].sort());
    expect(first).toMatchObject({ schemaVersion: 3, collectedAt: '2026-11-20T10:00:00.000Z', appVersion: '9.9.9' });
    expect(FactsSchema.parse(first)).toBeTruthy();

    const again: FactArea[] = [];
    const second = await inspectMachine(req, { deps, areas: ['os'], previous: first, onArea: (a) => again.push(a) });
    expect(again).toEqual(['os']);
    expect(second.device).toBe(first.device);
    const alone = await inspectMachine(req, { deps, areas: ['os'] });
    expect(alone.device.probe).toEqual({ status: 'error', error: 'not collected in this run', durationMs: 0 });
  });
});
