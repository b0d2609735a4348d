// Everything the inspectors take from the outside world, passed in (tests give fakes, so the
// collectors can be tested for a Surface, an XP machine or a VM on any computer).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import si from 'systeminformation';
import { execProbe, type Exec } from './exec';

/** The systeminformation calls we use — targeted ones only; never getAllData/getStaticData. */
export type SiSubset = Pick<typeof si,
  'osInfo' | 'system' | 'chassis' | 'cpu' | 'cpuFlags' | 'mem' | 'fsSize' | 'battery' | 'graphics' | 'networkInterfaces' | 'networkGatewayDefault' | 'processes' | 'uuid'>;

export interface InspectDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  exec: Exec;
  si: SiSubset;
  readFile: (file: string) => Promise<string>;
  readDir: (dir: string) => Promise<string[]>;
  exists: (file: string) => Promise<boolean>;
  realpath: (file: string) => Promise<string>;
  /** identity of a program file: a changed program has another mtime or size */
  stat: (file: string) => Promise<{ mtimeMs: number; size: number }>;
  /** total and free bytes of the volume holding `dir` (node's statfs) */
  volume: (dir: string) => Promise<{ totalBytes: number; freeBytes: number }>;
  hostname: () => string;
  username: () => string;
}

export function realDeps(): InspectDeps {
  return {
    platform: process.platform,
    env: process.env,
    homedir: os.homedir(),
    exec: execProbe,
    si,
    readFile: (f) => fs.readFile(f, 'utf8'),
    readDir: (d) => fs.readdir(d),
    exists: (f) => fs.access(f).then(() => true, () => false),
    realpath: (f) => fs.realpath(f),
    stat: (f) => fs.stat(f).then((st) => ({ mtimeMs: st.mtimeMs, size: st.size })),
    volume: async (dir) => {
      const s = await fs.statfs(dir);
      return { totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    },
    hostname: () => os.hostname(),
    username: () => { try { return os.userInfo().username; } catch { return ''; } },
  };
}

// keyed by the exec function: per-scan wrappers (sharedCalls) copy deps but keep the same exec
const memo = new WeakMap<InspectDeps['exec'], Map<string, Promise<unknown>>>();

/**
 * Runs a program probe once per program file version: the answer of `python3 -c …` or
 * `chromium --version` cannot change while the file's realpath, size and mtime stay the same.
 * Re-runs of a check in the same session then cost a stat, not a process start.
 */
export async function memoByFile<T>(deps: InspectDeps, file: string, extraKey: string, probe: () => Promise<T>): Promise<T> {
  let cache = memo.get(deps.exec);
  if (!cache) memo.set(deps.exec, (cache = new Map()));
  const real = await deps.realpath(file).catch(() => file);
  const st = await deps.stat(real).catch(() => null);
  if (!st) return probe();
  const key = `${real}\0${st.size}\0${st.mtimeMs}\0${extraKey}`;
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const p = probe();
  cache.set(key, p);
  return p;
}

/**
 * One scan asks systeminformation for system() and networkInterfaces() from more than one
 * collector (device and virtualization; network and virtualization): share each call's promise
 * within the scan so every program behind it runs once.
 */
export function sharedCalls(deps: InspectDeps): InspectDeps {
  const calls = new Map<string, Promise<unknown>>();
  const si = new Proxy(deps.si, {
    get(target, prop: string) {
      const fn = target[prop as keyof SiSubset] as unknown as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const key = `${prop}(${JSON.stringify(args)})`;
        if (!calls.has(key)) calls.set(key, fn.apply(target, args));
        return calls.get(key);
      };
    },
  });
  return { ...deps, si };
}
