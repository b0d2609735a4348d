// systeminformation is loaded on its first call, once (electron/inspect/deps.ts lazySi): a Linux
// check, which never calls it, does not pay its load.
import { describe, expect, it } from 'vitest';
import type si from 'systeminformation';
import { lazySi, realDeps } from '../../../electron/inspect/deps';

describe('lazySi', () => {
  it('loads nothing until a call, then loads once and forwards the arguments and the answer', async () => {
    const loads: string[] = [];
    const seen: unknown[][] = [];
    const fake = {
      fsSize: async (...a: unknown[]) => {
        seen.push(a);
        return [{ fs: '/dev/sda1', size: 100 }];
      },
      mem: async () => ({ total: 8 }),
    } as unknown as typeof si;
    const lazy = lazySi(async () => {
      loads.push('load');
      return fake;
    });
    expect(loads).toEqual([]);
    expect(await lazy.fsSize('/home')).toEqual([{ fs: '/dev/sda1', size: 100 }]);
    expect(seen).toEqual([['/home']]);
    expect(await Promise.all([lazy.mem(), lazy.mem()])).toEqual([{ total: 8 }, { total: 8 }]);
    expect(loads).toEqual(['load']);
  });

  it('a failed call rejects like the real one', async () => {
    const lazy = lazySi(async () => ({ cpu: async () => Promise.reject(new Error('no cpu')) }) as unknown as typeof si);
    await expect(lazy.cpu()).rejects.toThrow('no cpu');
  });

  it('the real deps answer every call of the subset from the real module', async () => {
    const deps = realDeps();
    const real = (await import('systeminformation')).default;
    for (const name of Object.keys(deps.si)) expect(typeof real[name as keyof typeof real], name).toBe('function');
    expect(Object.keys(deps.si)).toContain('networkInterfaces');
    // the default-export interop of the lazy import: a real answer comes back
    expect((await deps.si.mem()).total).toBeGreaterThan(0);
  });
});
