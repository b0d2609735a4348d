// Running programs: executable names only (no arguments, no paths: they can hold personal data).
import path from 'node:path';
import type { Facts } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { probeOk } from './probe';

/**
 * Linux: the kernel lists every process's executable name in /proc/<pid>/comm; reading those is
 * a few milliseconds, where systeminformation's full process table (CPU, memory, users) is ~90 ms.
 * comm is cut at 15 characters, so a name of exactly 15 is completed from the basename of the
 * command line's first word when that starts with it (only that word is kept: arguments can hold
 * personal data).
 */
async function linuxNames(deps: InspectDeps): Promise<string[] | null> {
  const pids = (await deps.readDir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d));
  if (!pids.length) return null;
  const names = await Promise.all(
    pids.map(async (pid) => {
      const [comm, cmdline] = await Promise.all([
        deps.readFile(`/proc/${pid}/comm`).then(
          (s) => s.trim(),
          () => '',
        ),
        deps.readFile(`/proc/${pid}/cmdline`).catch(() => ''),
      ]);
      // kernel threads (kworker/0:1, …) have no command line: they are not programs anyone runs
      if (!cmdline) return '';
      if (comm.length !== 15) return comm;
      const argv0 = cmdline.split('\0')[0] ?? '';
      const base = path.posix.basename(argv0.split(' ')[0] ?? '');
      return base.startsWith(comm) ? base : comm;
    }),
  );
  return names.filter(Boolean);
}

/** The running programs' names, lower-cased and sorted; throws when they cannot be listed. */
export async function processNames(deps: InspectDeps): Promise<string[]> {
  if (deps.platform === 'linux') {
    const names = await linuxNames(deps);
    if (names) return [...new Set(names.map((n) => n.toLowerCase()))].sort();
  }
  const p = await deps.si.processes();
  const names = new Set<string>();
  for (const proc of p.list) {
    // `name` is the executable name on every OS; fall back to the basename of the path.
    // (win32's basename splits on both \ and /, so it serves every OS)
    const raw = path.win32.basename(proc.name || proc.path || '');
    const name = raw.trim().toLowerCase();
    if (name) names.add(name);
  }
  return [...names].sort();
}

export async function collectProcesses(deps: InspectDeps): Promise<Facts['processes']> {
  const t0 = performance.now();
  return { probe: probeOk(t0), names: await processNames(deps) };
}
