// Issue 28 (item 3): the network-run history froze the app. network-runs.json as a FIFO: the history
// call never answered and after 5 calls getSettings hung too (every libuv worker blocked in open());
// as a link to /dev/zero: ~1 GB per call and "Invalid string length", never moved aside; at 100 MB,
// 307,001 runs sent to the window; with 1,000 runs, all 1,000 returned. Every data file is read
// through one guarded reader (regular file only, size cap, moved aside on failure), and the cap on
// the number of runs holds on read as on write. A temp folder stands in for the data folder.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlers } from '../../../electron/handlers';
import { MAX_HISTORY_BYTES, MAX_RUNS, networkHistory } from '../../../electron/network/history';
import { JsonStore } from '../../../electron/storage/json-store';
import { networkRun } from '../../fixtures/network/run';
import { tmpDir } from '../hardening/helpers';

const posix = process.platform !== 'win32';
const ctx = (dir: string) => ({ dataDir: dir, appVersion: '1', emit: () => {}, now: () => Date.UTC(2026, 10, 23, 9) });
const HISTORY = 'network-runs.json';
const asideOf = (dir: string, base: string) => readdirSync(dir).filter((n) => n.startsWith(`${base}.corrupt-`));

describe.runIf(posix)('a data file that is not a regular file', () => {
  it('history as a FIFO: every call answers (empty), the pipe is moved aside, and settings still answer after it', async () => {
    const dir = tmpDir('hist-fifo');
    execFileSync('mkfifo', [path.join(dir, HISTORY)]);
    const h = createHandlers(ctx(dir));
    expect(await h.networkHistory('p')).toEqual([]);
    expect(asideOf(dir, 'network-runs')).toHaveLength(1);
    // the same again, six times over: nothing left waiting on a worker thread
    for (let i = 0; i < 6; i++) {
      execFileSync('mkfifo', [path.join(dir, HISTORY)]);
      expect(await h.networkHistory('p')).toEqual([]);
    }
    execFileSync('mkfifo', [path.join(dir, 'settings.json')]);
    const settings = await h.getSettings();
    expect({ ...settings, notice: null }).toEqual(await createHandlers(ctx(tmpDir('fresh'))).getSettings());
    expect(settings.notice).toMatchObject({ message: { key: 'errors:storedNotRegular' } });
    expect(asideOf(dir, 'settings')).toHaveLength(1);
  });

  it('history as a link to /dev/zero: refused without reading, the link moved aside', async () => {
    const dir = tmpDir('hist-zero');
    symlinkSync('/dev/zero', path.join(dir, HISTORY));
    const before = process.memoryUsage().rss;
    expect(await networkHistory(dir).list('p')).toEqual([]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    const [aside] = asideOf(dir, 'network-runs');
    expect(lstatSync(path.join(dir, aside!)).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(dir, HISTORY))).toBe(false);
  });
});

describe('a data file too large to be ours', () => {
  it('a 100 MB history is refused unread and moved aside; the next run starts a fresh file', async () => {
    const dir = tmpDir('hist-big');
    writeFileSync(path.join(dir, HISTORY), '{"runs":[');
    truncateSync(path.join(dir, HISTORY), 100 * 1024 * 1024); // sparse: nothing is written
    const history = networkHistory(dir);
    const before = process.memoryUsage().rss;
    expect(await history.list('p')).toEqual([]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(asideOf(dir, 'network-runs')).toHaveLength(1);
    await history.add(networkRun({ id: 'new' }));
    expect((await history.list('p')).map((r) => r.id)).toEqual(['new']);
  });

  it('every store caps what it writes as well as what it reads', async () => {
    const dir = tmpDir('store-cap');
    const store = new JsonStore(path.join(dir, 'x.json'), z.object({ s: z.string() }), () => ({ s: '' }), 1000);
    await expect(store.save({ s: 'y'.repeat(2000) })).rejects.toThrow(/over the store's cap of 1000/);
    expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
});

describe('the history holds the newest runs, on read as on write', () => {
  it(`with 1,000 runs on disk, the newest ${MAX_RUNS} are returned`, async () => {
    const dir = tmpDir('hist-1000');
    const runs = Array.from({ length: 1000 }, (_, i) => networkRun({ id: `r${i}` }));
    writeFileSync(path.join(dir, HISTORY), JSON.stringify({ runs }));
    const got = await networkHistory(dir).list('p');
    expect(got.map((r) => r.id)).toEqual(runs.slice(-MAX_RUNS).map((r) => r.id));
    const all = await createHandlers(ctx(dir)).networkHistory('p');
    expect(all).toHaveLength(MAX_RUNS);
  });

  it('runs too large to keep 30 of are dropped oldest first, so the file stays under its cap', async () => {
    const dir = tmpDir('hist-fat');
    const history = networkHistory(dir);
    const fat = (id: string) =>
      networkRun({ id, proxy: { found: Array.from({ length: 100 }, () => ({ source: 'env', value: 'x'.repeat(2000) })), used: null, pacUrl: null } });
    for (let i = 0; i < 14; i++) await history.add(fat(`f${i}`));
    const kept = await history.list('p');
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(14);
    expect(kept.at(-1)!.id).toBe('f13');
    expect(readFileSync(path.join(dir, HISTORY)).length).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
  });
});

describe('imported question banks are read the same way', () => {
  it.runIf(posix)('a FIFO named *.json in the banks folder is reported, not waited on', async () => {
    const dir = tmpDir('bank-fifo');
    mkdirSync(path.join(dir, 'exam', 'banks'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'exam', 'banks', 'pipe.json')]);
    const { BankStore } = await import('../../../electron/exam/bank-store');
    const r = await new BankStore(dir).all();
    expect(r.problems.map((p) => [path.basename(p.file), p.message])).toEqual([['pipe.json', expect.stringMatching(/not a regular file/)]]);
  });
});
