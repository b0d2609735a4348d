// Issue 13: every IPC string argument has a length limit. Per handler: a 20 MB string in any
// argument position (and as the settings' profileId) is refused and nothing of it is stored; and the
// IPC wiring refuses any string longer than the largest legitimate one (a report) before a handler runs.
import { describe, expect, it, vi } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHandlers } from '../../../electron/handlers';
import { wireIpc, MAX_IPC_STRING_CHARS } from '../../../electron/main/ipc';
import { InvokeChannel, type Handlers } from '../../../shared/api';
import { tmpDir } from './helpers';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

const HUGE = 'x'.repeat(20 * 1024 * 1024);

async function biggestFile(dir: string): Promise<number> {
  let max = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) max = Math.max(max, (await stat(path.join(e.parentPath ?? dir, e.name))).size);
  }
  return max;
}

describe('IPC string limits', () => {
  it('updateSettings with a 20 MB profileId is refused, nothing written', async () => {
    const dir = tmpDir('ipc');
    const h = createHandlers({ dataDir: dir, appVersion: '1', emit: () => {}, now: () => 0 });
    await expect(h.updateSettings({ profileId: HUGE })).rejects.toThrow();
    expect(await biggestFile(dir)).toBeLessThan(1024);
  });

  it('every handler refuses a 20 MB string in every argument position and stores none of it', async () => {
    const dir = tmpDir('ipc');
    const h = createHandlers({ dataDir: dir, appVersion: '1', emit: () => {}, now: () => 0 }) as unknown as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const plausible = ['mitx-pom-final', 'x', 'y', 'z'];
    for (const method of Object.keys(InvokeChannel)) {
      for (let i = 0; i < 4; i++) {
        const args = plausible.map((p, j) => (j === i ? HUGE : p));
        // report texts may be up to 20 MB: those answer ok:false (not a report) rather than throw
        const out = await h[method]!(...args).then(
          (v) => v,
          (e: unknown) => e,
        );
        const accepted = !(out instanceof Error) && !(out && typeof out === 'object' && 'ok' in out && (out as { ok: boolean }).ok === false);
        if (accepted) expect(JSON.stringify(out ?? null).length, `${method} #${i}`).toBeLessThan(HUGE.length);
      }
    }
    expect(await biggestFile(dir)).toBeLessThan(1024 * 1024);
  }, 60000);

  it('the IPC wiring refuses strings longer than any legitimate argument, before the handler runs', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const called: string[] = [];
    const handlers = new Proxy(
      {},
      {
        get: (_t, m: string) => async () => {
          called.push(m);
          return 'ok';
        },
      },
    ) as Handlers;
    wireIpc(
      {
        handle: (ch: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
          registered.set(ch, fn);
        },
      } as never,
      handlers,
    );
    const app = { senderFrame: { url: 'app://preflight/index.html' } };
    const tooLong = 'y'.repeat(MAX_IPC_STRING_CHARS + 1);
    await expect(Promise.resolve().then(() => registered.get(InvokeChannel.updateSettings)!(app, { profileId: tooLong }))).rejects.toThrow(/too long/);
    await expect(Promise.resolve().then(() => registered.get(InvokeChannel.openReport)!(app, tooLong, 'r.json'))).rejects.toThrow(/too long/);
    expect(called).toEqual([]);
    expect(await registered.get(InvokeChannel.getSettings)!(app)).toBe('ok');
  });
});
