// A fake world for the inspectors: systeminformation answers, files and programs as data.
import type { HostInfo, InspectDeps, SiSubset } from '../../../electron/inspect/deps';
import type { ExecResult } from '../../../electron/inspect/exec';
import { memoryCache } from '../../../electron/inspect/probe-cache';

type Si = { [K in keyof SiSubset]?: unknown };

export function fakeDeps(opts: {
  platform?: NodeJS.Platform;
  si?: Si;
  files?: Record<string, string>;
  dirs?: Record<string, string[]>;
  programs?: Record<string, (args: readonly string[]) => ExecResult | Promise<ExecResult>>;
  env?: NodeJS.ProcessEnv;
  host?: Partial<HostInfo>;
  /** symbolic links: path -> real path */
  links?: Record<string, string>;
  head?: InspectDeps['head'];
}): InspectDeps & { calls: string[]; cwds: Array<string | undefined> } {
  const calls: string[] = [];
  /** the working folder each program was started in (same order as the exec calls) */
  const cwds: Array<string | undefined> = [];
  const si = new Proxy({} as SiSubset, {
    get: (_t, prop: string) => async () => {
      calls.push(`si.${prop}`);
      const v = opts.si?.[prop as keyof SiSubset];
      if (v === undefined) throw new Error(`si.${prop} not available`);
      return typeof v === 'function' ? (v as () => unknown)() : v;
    },
  });
  const files = opts.files ?? {};
  return {
    calls,
    cwds,
    platform: opts.platform ?? 'linux',
    host: {
      networkInterfaces: () => ({}),
      cpus: () => [],
      totalmem: () => 0,
      freemem: () => 0,
      release: () => '6.1.0',
      arch: () => 'x64',
      ...opts.host,
    } as HostInfo,
    head:
      opts.head ??
      (async () => {
        throw new Error('network not allowed in tests');
      }),
    env: opts.env ?? { PATH: '/usr/bin' },
    homedir: '/home/learner',
    exec: async (program, args, execOpts) => {
      calls.push(`exec ${program} ${args.join(' ')}`);
      cwds.push(execOpts?.cwd);
      const p = opts.programs?.[program];
      return p ? p(args) : { ok: false, stdout: '', stderr: '', failure: 'not-found', detail: `${program} not found` };
    },
    si,
    readFile: async (f) => {
      if (f in files) return files[f]!;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    readDir: async (d) => {
      if (opts.dirs?.[d]) return opts.dirs[d]!;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    exists: async (f) => f in files || Boolean(opts.programs?.[f]) || Boolean(opts.dirs?.[f]),
    realpath: async (f) => opts.links?.[f] ?? f,
    stat: async (f) => ({ mtimeMs: 1, size: (files[f] ?? f).length }),
    volume: async () => ({ totalBytes: 500e9, freeBytes: 100e9 }),
    cache: memoryCache(),
    hostname: () => 'HOST',
    username: () => 'learner',
  };
}
