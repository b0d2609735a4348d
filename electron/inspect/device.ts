// Device: maker, model, form factor, CPU, memory, free disk on the data volume, battery.
import type { Facts, FormFactor } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { nonEmpty, probeOk, settle } from './probe';

/** SMBIOS chassis type text (and a few model names) -> form factor. */
export function formFactorOf(chassisType: string | null, model: string | null, isVirtual: boolean): FormFactor {
  if (isVirtual) return 'virtual';
  const c = (chassisType ?? '').toLowerCase();
  const m = (model ?? '').toLowerCase();
  if (/\biphone|\bphone\b/.test(m) || c === 'phone') return 'phone';
  if (/\bipad/.test(m) || c === 'tablet') return 'tablet';
  if (/convertible|detachable/.test(c) || /surface (pro|go)/.test(m)) return 'convertible';
  if (/notebook|laptop|portable|sub notebook|hand held/.test(c) || /surface (laptop|book)|macbook/.test(m)) return 'laptop';
  if (/desktop|tower|all in one|mini pc|pizza box|lunch box|space-saving|stick pc/.test(c) || /imac|mac mini|mac pro|mac studio/.test(m)) return 'desktop';
  if (/rack|server|blade|multi-system/.test(c)) return 'server';
  return 'unknown';
}

export async function collectDevice(deps: InspectDeps): Promise<Facts['device']> {
  const t0 = performance.now();
  const [sys, chassis, cpu, mem, battery, volume] = await Promise.all([
    settle(deps.si.system()), settle(deps.si.chassis()), settle(deps.si.cpu()), settle(deps.si.mem()),
    settle(deps.si.battery()), settle(deps.volume(deps.homedir)),
  ]);
  const missing = Object.entries({ system: sys, chassis, cpu, memory: mem, battery, disk: volume }).filter(([, v]) => v === null).map(([k]) => k);
  const model = nonEmpty(sys?.model);
  return {
    probe: probeOk(t0, missing.length ? `not available: ${missing.join(', ')}` : undefined),
    manufacturer: nonEmpty(sys?.manufacturer),
    model,
    chassis: nonEmpty(chassis?.type),
    formFactor: formFactorOf(nonEmpty(chassis?.type), model, sys?.virtual === true),
    serial: nonEmpty(sys?.serial),
    cpu: {
      manufacturer: nonEmpty(cpu?.manufacturer),
      brand: nonEmpty(cpu?.brand),
      cores: cpu?.cores || null,
      physicalCores: cpu?.physicalCores || null,
      speedGHz: cpu?.speed || null,
    },
    memory: { totalBytes: mem?.total || null, availableBytes: mem?.available ?? null },
    disk: { path: volume ? deps.homedir : null, freeBytes: volume?.freeBytes ?? null, totalBytes: volume?.totalBytes ?? null },
    battery: battery
      ? { present: battery.hasBattery, onAC: battery.hasBattery ? battery.acConnected : true, percent: battery.hasBattery ? battery.percent : null }
      : { present: null, onAC: null, percent: null },
    hostname: nonEmpty(deps.hostname()),
    username: nonEmpty(deps.username()),
  };
}
