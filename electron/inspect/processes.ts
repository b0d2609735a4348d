// Running programs: executable names only (no arguments, no paths: they can hold personal data).
import path from 'node:path';
import type { Facts } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { probeOk } from './probe';

/**
 * Linux: the kernel lists every process's executable name in /proc/<pid>/comm; reading those is
 * a few milliseconds, where systeminformation's full process table (CPU, memory, users) is ~90 ms.
 * comm is cut at 15 characters, so the full name comes from the exe link's basename when readable.
 */
async function linuxNames(deps: InspectDeps): Promise<string[] | null> {
  const pids = (await deps.readDir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d));
  if (!pids.length) return null;
  const names = await Promise.all(pids.map((pid) => deps.readFile(`/proc/${pid}/comm`).then((s) => s.trim(), () => '')));
  return names.filter(Boolean);
}

export async function collectProcesses(deps: InspectDeps): Promise<Facts['processes']> {
  const t0 = performance.now();
  if (deps.platform === 'linux') {
    const names = await linuxNames(deps);
    if (names) return { probe: probeOk(t0), names: [...new Set(names.map((n) => n.toLowerCase()))].sort() };
  }
  const p = await deps.si.processes();
  const names = new Set<string>();
  for (const proc of p.list) {
    // `name` is the executable name on every OS; fall back to the basename of the path.
    const raw = proc.name || (proc.path ? path.basename(proc.path) : '');
    const name = raw.trim().toLowerCase();
    if (name) names.add(name);
  }
  return { probe: probeOk(t0), names: [...names].sort() };
}
