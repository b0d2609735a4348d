// Everything the inspectors take from the outside world, passed in (tests give fakes, so the
// collectors can be tested for a Surface, an XP machine or a VM on any computer).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import type si from 'systeminformation';
import type { SystemPreferences } from 'electron';
import { execProbe, type Exec } from './exec';
import { memoryCache, type ProbeCache } from './probe-cache';
import type { WindowDisplay } from '../../shared/facts';

/**
 * The systeminformation calls we use — targeted ones only; never getAllData/getStaticData. On Linux
 * most areas read /proc and /sys directly instead (linux.ts): si.system() and si.osInfo() there run
 * blocking execSync commands (dmidecode, dmesg, hostname) that stall every other probe of the scan.
 */
export type SiSubset = Pick<
  typeof si,
  | 'osInfo'
  | 'system'
  | 'chassis'
  | 'cpu'
  | 'cpuFlags'
  | 'mem'
  | 'fsSize'
  | 'battery'
  | 'graphics'
  | 'networkInterfaces'
  | 'networkGatewayDefault'
  | 'processes'
  | 'uuid'
>;

/** every call of SiSubset: the lazy stand-in below answers exactly these */
const SI_CALLS = [
  'osInfo',
  'system',
  'chassis',
  'cpu',
  'cpuFlags',
  'mem',
  'fsSize',
  'battery',
  'graphics',
  'networkInterfaces',
  'networkGatewayDefault',
  'processes',
  'uuid',
] as const satisfies ReadonlyArray<keyof SiSubset>;

/**
 * systeminformation, loaded on its first call. Loading it compiles about 600 kB of JavaScript
 * (~80 ms and ~15 MB at every start of the CLI), and on Linux a scan reads /proc and /sys instead
 * and never calls it; on Windows and macOS the first call pays the load once.
 */
export function lazySi(load: () => Promise<typeof si> = loadSi): SiSubset {
  let mod: Promise<typeof si> | null = null;
  const call =
    <K extends (typeof SI_CALLS)[number]>(name: K) =>
    async (...args: unknown[]) =>
      ((await (mod ??= load()))[name] as (...a: unknown[]) => unknown)(...args);
  return Object.fromEntries(SI_CALLS.map((name) => [name, call(name)])) as unknown as SiSubset;
}
const loadSi = async (): Promise<typeof si> => {
  const m = (await import('systeminformation')) as typeof si & { default?: typeof si };
  return m.default ?? m;
};

/** Node's own view of the machine: instant, no programs run (preferred where it says enough). */
export type HostInfo = Pick<typeof os, 'networkInterfaces' | 'cpus' | 'totalmem' | 'freemem' | 'release' | 'arch'>;

export interface InspectDeps {
  platform: NodeJS.Platform;
  host: HostInfo;
  env: NodeJS.ProcessEnv;
  homedir: string;
  /** the app's data folder: free disk space is measured on its volume (default: homedir) */
  dataDir?: string;
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
  /**
   * HEAD request to an https address a profile lists; resolves to the HTTP status (redirects not
   * followed). The callers that may contact the network pass electron/network/head.ts's guarded
   * one; the default refuses, so no request leaves without the address guard.
   */
  head: (url: URL, signal: AbortSignal) => Promise<number>;
  /** answers of program probes kept while the programs (and their packages) are unchanged */
  cache: ProbeCache;
  /** Electron's macOS permission reader, passed in by the main process (absent in the CLI and tests) */
  systemPreferences?: Pick<SystemPreferences, 'getMediaAccessStatus'>;
  /** the displays as the app's window sees them (Electron's screen API); absent outside the desktop app */
  windowDisplays?: () => Promise<WindowDisplay[]>;
}

export function realDeps(cache: ProbeCache = memoryCache()): InspectDeps {
  return {
    cache,
    platform: process.platform,
    host: os,
    env: process.env,
    homedir: os.homedir(),
    exec: execProbe,
    si: lazySi(),
    readFile: (f) => fs.readFile(f, 'utf8'),
    readDir: (d) => fs.readdir(d),
    exists: (f) =>
      fs.access(f).then(
        () => true,
        () => false,
      ),
    realpath: (f) => fs.realpath(f),
    stat: (f) => fs.stat(f).then((st) => ({ mtimeMs: st.mtimeMs, size: st.size })),
    volume: async (dir) => {
      const s = await fs.statfs(dir);
      return { totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    },
    head: refuseHead,
    hostname: () => os.hostname(),
    username: () => {
      try {
        return os.userInfo().username;
      } catch {
        return '';
      }
    },
  };
}

// keyed by the exec function: per-scan wrappers (sharedCalls) copy deps but keep the same exec
/** The default: nothing is contacted unless a caller hands in the guarded HEAD (electron/network/head.ts). */
export async function refuseHead(url: URL): Promise<number> {
  throw new Error(`${url.host}: not contacted (endpoint timing runs only with the network test's address guard)`);
}

/** A timed-out probe is asked once more with this many times its time limit (a busy machine, a cold disk). */
export const RETRY_SCALE = 3;

/**
 * Runs a program probe once per version of the program and of what it depends on (see
 * probe-cache.ts): the answer of `chromium --version` cannot change while the file stays the same,
 * and a Python's package list cannot change while its sys.path folders stay the same.
 * `dependsOn(result)` names those extra paths, read from the probe's own answer.
 * Only answers are kept: a failure (a timeout, a crash, an exit status) is never stored, so the
 * next scan asks again. `probe(scale)` runs with its time limit times `scale`: a timeout is tried
 * once more with RETRY_SCALE, and a second timeout says so ("timed out twice …") as its detail.
 */
export async function memoByFile<T extends { ok: boolean; failure?: string; detail?: string }>(
  deps: InspectDeps,
  file: string,
  extraKey: string,
  probe: (scale: number) => Promise<T>,
  dependsOn: (result: T) => string[] = () => [],
): Promise<T> {
  const run = async (): Promise<T> => {
    const first = await probe(1);
    if (first.failure !== 'timeout') return first;
    const second = await probe(RETRY_SCALE);
    if (second.failure !== 'timeout') return second;
    return { ...second, detail: `timed out twice (${first.detail ?? 'no answer'}; then ${second.detail ?? 'no answer'})` };
  };
  const real = await deps.realpath(file).catch(() => file);
  const st = await deps.stat(real).catch(() => null);
  if (!st) return run();
  const key = `${real}\0${st.size}\0${st.mtimeMs}\0${extraKey}`;
  const mtime = (p: string) =>
    deps.stat(p).then(
      (s) => s.mtimeMs,
      () => null,
    );
  const hit = deps.cache.get(key);
  if (hit && (hit.value as T | null)?.ok === true) {
    const now = await Promise.all(hit.validators.map(([p]) => mtime(p)));
    if (hit.validators.every(([, m], i) => m === now[i])) return hit.value as T;
  }
  const value = await run();
  if (!value.ok) {
    // an older answer for this key must not outlive a failure either: the next scan asks again
    deps.cache.delete(key);
    return value;
  }
  const paths = dependsOn(value);
  deps.cache.set(key, { value, validators: await Promise.all(paths.map(async (p) => [p, await mtime(p)] as [string, number | null])) });
  return value;
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
