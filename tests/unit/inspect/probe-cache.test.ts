// The probe cache keeps answers, never failures: a `chromium --version` that timed out once on a
// busy machine must not make every later check say "Chromium ?" (issue 24). Clocks are passed in:
// nothing here depends on the wall clock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoByFile, RETRY_SCALE } from '../../../electron/inspect/deps';
import type { ExecResult } from '../../../electron/inspect/exec';
import { fileCache, MAX_AGE_MS, memoryCache } from '../../../electron/inspect/probe-cache';
import { fakeDeps } from './fake-deps';

const answer: ExecResult = { ok: true, stdout: 'Chromium 156.0.8078.73\n', stderr: '' };
const timedOut = (ms: number): ExecResult => ({ ok: false, stdout: '', stderr: '', failure: 'timeout', detail: `chromium did not answer within ${ms} ms` });

/** a probe that answers from a script of results, recording the time-limit scale of each call */
function scripted(results: ExecResult[]) {
  const scales: number[] = [];
  return {
    scales,
    probe: async (scale: number) => {
      scales.push(scale);
      return results.shift() ?? answer;
    },
  };
}

const tmp: string[] = [];
afterEach(() => {
  for (const d of tmp.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('memoByFile', () => {
  it('a timeout is asked once more with a longer limit; an answer then is used (and kept)', async () => {
    const deps = fakeDeps({ files: { '/usr/bin/chromium': 'x' } });
    const p = scripted([timedOut(3000), answer]);
    expect(await memoByFile(deps, '/usr/bin/chromium', '--version', p.probe)).toEqual(answer);
    expect(p.scales).toEqual([1, RETRY_SCALE]);
    const again = scripted([]);
    expect(await memoByFile(deps, '/usr/bin/chromium', '--version', again.probe)).toEqual(answer);
    expect(again.scales).toEqual([]);
  });

  it('two timeouts say "timed out twice" and are never stored: the next scan asks again', async () => {
    const deps = fakeDeps({ files: { '/usr/bin/chromium': 'x' } });
    const p = scripted([timedOut(3000), timedOut(9000)]);
    const r = await memoByFile(deps, '/usr/bin/chromium', '--version', p.probe);
    expect(r.ok).toBe(false);
    expect(r.detail).toBe('timed out twice (chromium did not answer within 3000 ms; then chromium did not answer within 9000 ms)');
    const next = scripted([answer]);
    expect(await memoByFile(deps, '/usr/bin/chromium', '--version', next.probe)).toEqual(answer);
    expect(next.scales).toEqual([1]);
  });

  it('a failure (exit status) is not stored, and removes an older answer for the same program', async () => {
    let now = 0;
    const deps = { ...fakeDeps({ files: { '/usr/bin/chromium': 'x' } }), cache: memoryCache({ now: () => now }) };
    const key = '/usr/bin/chromium\u00001\u00001\u0000--version';
    await memoByFile(deps, '/usr/bin/chromium', '--version', scripted([answer]).probe);
    expect(deps.cache.get(key)?.value).toEqual(answer);
    // a week later the answer is too old: asked again, and this time the program fails
    now = MAX_AGE_MS + 1;
    const failed: ExecResult = { ok: false, stdout: '', stderr: 'crash', failure: 'exit', detail: 'chromium exited with status 1' };
    const p = scripted([failed]);
    expect(await memoByFile(deps, '/usr/bin/chromium', '--version', p.probe)).toEqual(failed);
    expect(p.scales).toEqual([1]);
    now = 0; // even with the clock back where the old answer was young, it is gone
    expect(deps.cache.get(key)).toBeUndefined();
  });
});

describe('probe cache ages and files', () => {
  it('an answer is used for at most MAX_AGE_MS, and never when it is stamped in the future', () => {
    let now = 1_000_000;
    const cache = memoryCache({ now: () => now });
    cache.set('k', { value: answer, validators: [] });
    now += MAX_AGE_MS;
    expect(cache.get('k')?.value).toEqual(answer);
    now += 1;
    expect(cache.get('k')).toBeUndefined();
    now = 0; // the clock was set back
    expect(cache.get('k')).toBeUndefined();
  });

  it('a file from an earlier version: stored failures and entries without a time are dropped; --no-cache (refresh) reads nothing and writes the fresh answer', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-cache-'));
    tmp.push(dir);
    const file = path.join(dir, 'probe-cache.json');
    const failure = { value: timedOut(3000), validators: [], storedAt: 10 };
    const old = { value: answer, validators: [] };
    const good = { value: answer, validators: [], storedAt: 10 };
    writeFileSync(file, JSON.stringify({ version: 1, entries: { failure, old, good } }));
    const now = () => 20;
    const cache = await fileCache(file, { now });
    expect(cache.get('failure')).toBeUndefined();
    expect(cache.get('old')).toBeUndefined();
    expect(cache.get('good')?.value).toEqual(answer);

    const refresh = await fileCache(file, { now, refresh: true });
    expect(refresh.get('good')).toBeUndefined();
    refresh.set('good', { value: { ...answer, stdout: 'Chromium 157.0.1.2\n' }, validators: [] });
    await refresh.flush();
    const written = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { value: ExecResult; storedAt: number }> };
    expect(Object.keys(written.entries).sort()).toEqual(['good']);
    expect(written.entries.good).toMatchObject({ value: { stdout: 'Chromium 157.0.1.2\n' }, storedAt: 20 });
  });
});
