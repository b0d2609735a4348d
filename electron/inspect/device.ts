// Device: maker, model, form factor, CPU, memory, free disk on the data volume, battery.
import type { Facts, FormFactor } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { battery, cpuinfo, dmi, meminfo } from './linux';
import { nonEmpty, probeOk, settle } from './probe';
import { dmiSignal } from './virtualization';

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

type Parts = Omit<Facts['device'], 'probe' | 'formFactor' | 'hostname' | 'username' | 'disk'> & { virtual: boolean; missing: string[] };

async function linuxParts(deps: InspectDeps): Promise<Parts> {
  const [board, cpu, mem, bat] = await Promise.all([dmi(deps), cpuinfo(deps), meminfo(deps), battery(deps)]);
  const cpus = deps.host.cpus();
  return {
    manufacturer: nonEmpty(board?.vendor),
    model: nonEmpty(board?.product),
    chassis: board?.chassis ?? null,
    serial: nonEmpty(board?.serial),
    cpu: {
      manufacturer: cpu?.manufacturer ?? null,
      brand: nonEmpty(cpu?.brand ?? cpus[0]?.model),
      cores: cpus.length || null,
      physicalCores: cpu?.physicalCores ?? null,
      speedGHz: cpus[0]?.speed ? Math.round(cpus[0].speed / 10) / 100 : null,
    },
    memory: { totalBytes: mem?.total ?? (deps.host.totalmem() || null), availableBytes: mem?.available ?? deps.host.freemem() },
    battery: bat,
    // a hypervisor's own firmware name (VirtualBox, VMware…) makes the form factor 'virtual'
    virtual: dmiSignal(board?.vendor ?? '', board?.product ?? '') !== null,
    missing: [board ? null : 'firmware (DMI) description', cpu ? null : 'cpu details'].filter((x): x is string => x !== null),
  };
}

async function siParts(deps: InspectDeps): Promise<Parts> {
  const [sys, chassis, cpu, mem, battery] = await Promise.all([
    settle(deps.si.system()),
    settle(deps.si.chassis()),
    settle(deps.si.cpu()),
    settle(deps.si.mem()),
    settle(deps.si.battery()),
  ]);
  return {
    manufacturer: nonEmpty(sys?.manufacturer),
    model: nonEmpty(sys?.model),
    chassis: nonEmpty(chassis?.type),
    serial: nonEmpty(sys?.serial),
    cpu: {
      manufacturer: nonEmpty(cpu?.manufacturer),
      brand: nonEmpty(cpu?.brand),
      cores: cpu?.cores || null,
      physicalCores: cpu?.physicalCores || null,
      speedGHz: cpu?.speed || null,
    },
    memory: { totalBytes: mem?.total || null, availableBytes: mem?.available ?? null },
    battery: battery
      ? { present: battery.hasBattery, onAC: battery.hasBattery ? battery.acConnected : true, percent: battery.hasBattery ? battery.percent : null }
      : { present: null, onAC: null, percent: null },
    virtual: sys?.virtual === true,
    missing: Object.entries({ system: sys, chassis, cpu, memory: mem, battery })
      .filter(([, v]) => v === null)
      .map(([k]) => k),
  };
}

/**
 * The root of the volume the OS runs from: Windows names it in %SystemDrive% (almost always C:, but
 * not on every machine), macOS and Linux run from /. Updates, the proctoring software's install and
 * the browser's cache all land there, whatever drive the learner's own files are on.
 */
export const systemDriveRoot = (deps: Pick<InspectDeps, 'platform' | 'env'>): string =>
  deps.platform === 'win32' ? `${/^[A-Za-z]:$/.test(deps.env.SystemDrive ?? '') ? deps.env.SystemDrive : 'C:'}\\` : '/';

/**
 * `dataDir` is the folder the app keeps its data in (default: the home folder): free space is
 * measured on the volume holding it, with statfs (one system call; si.fsSize lists every mount).
 */
export async function collectDevice(deps: InspectDeps, dataDir = deps.homedir): Promise<Facts['device']> {
  const t0 = performance.now();
  const systemRoot = systemDriveRoot(deps);
  const [parts, volume, system] = await Promise.all([
    deps.platform === 'linux' ? linuxParts(deps) : siParts(deps),
    settle(deps.volume(dataDir)),
    settle(deps.volume(systemRoot)),
  ]);
  const { virtual, missing, ...rest } = parts;
  if (!volume) missing.push('disk');
  if (!system) missing.push('system drive');
  return {
    probe: probeOk(t0, missing.length ? `not available: ${missing.join(', ')}` : undefined),
    ...rest,
    formFactor: formFactorOf(rest.chassis, rest.model, virtual),
    disk: { path: volume ? dataDir : null, freeBytes: volume?.freeBytes ?? null, totalBytes: volume?.totalBytes ?? null },
    systemDrive: { path: system ? systemRoot : null, freeBytes: system?.freeBytes ?? null, totalBytes: system?.totalBytes ?? null },
    hostname: nonEmpty(deps.hostname()),
    username: nonEmpty(deps.username()),
  };
}
