// Running programs: executable names only (no arguments, no paths: they can hold personal data).
import path from 'node:path';
import type { Facts } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { probeOk } from './probe';

export async function collectProcesses(deps: InspectDeps): Promise<Facts['processes']> {
  const t0 = performance.now();
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
