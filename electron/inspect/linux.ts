// Linux facts straight from the kernel's files (/etc/os-release, /sys, /proc): a few milliseconds
// in all, no program started. systeminformation's system()/osInfo()/cpu() run blocking execSync
// commands on Linux (dmidecode, dmesg, hostname -f, lscpu) that stall the whole scan for ~250 ms on
// a 2-core machine, and networkInterfaces() starts programs per interface (~70 ms).
import type { InspectDeps } from './deps';

const read = (deps: InspectDeps, file: string) =>
  deps.readFile(file).then(
    (s) => s.trim(),
    () => null,
  );

/** A device under /sys/class/<class>: its name and its attribute files (trimmed text, null when unreadable). */
interface SysDevice {
  name: string;
  attr: (file: string) => Promise<string | null>;
  has: (file: string) => Promise<boolean>;
}

/** The devices the kernel lists under /sys/class/<cls>; null when the folder cannot be listed (no sysfs). */
async function sysClass(deps: InspectDeps, cls: string): Promise<SysDevice[] | null> {
  const base = `/sys/class/${cls}`;
  const names = await deps.readDir(base).catch(() => null);
  return names && names.map((name) => ({ name, attr: (file) => read(deps, `${base}/${name}/${file}`), has: (file) => deps.exists(`${base}/${name}/${file}`) }));
}

/** KEY=value lines of os-release(5), quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

export async function osRelease(deps: InspectDeps): Promise<Record<string, string> | null> {
  const text = (await read(deps, '/etc/os-release')) ?? (await read(deps, '/usr/lib/os-release'));
  return text === null ? null : parseOsRelease(text);
}

/** SMBIOS chassis type codes (DMTF DSP0134, table 17) as text. */
const CHASSIS: Record<number, string> = {
  3: 'Desktop',
  4: 'Low Profile Desktop',
  5: 'Pizza Box',
  6: 'Mini Tower',
  7: 'Tower',
  8: 'Portable',
  9: 'Laptop',
  10: 'Notebook',
  11: 'Hand Held',
  12: 'Docking Station',
  13: 'All in One',
  14: 'Sub Notebook',
  15: 'Space-saving',
  16: 'Lunch Box',
  17: 'Main Server Chassis',
  23: 'Rack Mount Chassis',
  24: 'Sealed-case PC',
  25: 'Multi-system chassis',
  28: 'Blade',
  29: 'Blade Enclosure',
  30: 'Tablet',
  31: 'Convertible',
  32: 'Detachable',
  33: 'IoT Gateway',
  34: 'Embedded PC',
  35: 'Mini PC',
  36: 'Stick PC',
};
export const chassisText = (code: string | null): string | null => (code && CHASSIS[Number(code)]) || null;

export interface Dmi {
  vendor: string | null;
  product: string | null;
  chassis: string | null;
  serial: string | null;
  boardVendor: string | null;
  biosVendor: string | null;
}

/** The firmware's own description of the machine (missing in containers and on some ARM boards). */
export async function dmi(deps: InspectDeps): Promise<Dmi | null> {
  const base = '/sys/class/dmi/id';
  const [vendor, product, chassis, serial, boardVendor, biosVendor] = await Promise.all(
    ['sys_vendor', 'product_name', 'chassis_type', 'product_serial', 'board_vendor', 'bios_vendor'].map((f) => read(deps, `${base}/${f}`)),
  );
  if (vendor === null && product === null) return null;
  return {
    vendor: vendor ?? null,
    product: product ?? null,
    chassis: chassisText(chassis ?? null),
    serial: serial ?? null,
    boardVendor: boardVendor ?? null,
    biosVendor: biosVendor ?? null,
  };
}

export interface CpuInfo {
  manufacturer: string | null;
  brand: string | null;
  physicalCores: number | null;
  flags: string[];
}

export function parseCpuinfo(text: string): CpuInfo {
  const value = (key: string) => new RegExp(`^${key}\\s*:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const vendorId = value('vendor_id');
  const manufacturer = vendorId === 'GenuineIntel' ? 'Intel' : vendorId === 'AuthenticAMD' ? 'AMD' : (vendorId ?? (value('CPU implementer') ? 'ARM' : null));
  // physical cores: distinct (physical id, core id) pairs; absent on ARM, where each processor is a core
  const cores = new Set<string>();
  for (const block of text.split(/\n\s*\n/)) {
    const pid = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const cid = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (pid !== undefined && cid !== undefined) cores.add(`${pid}:${cid}`);
  }
  return {
    manufacturer,
    brand: value('model name') ?? value('Hardware') ?? value('Model'),
    physicalCores: cores.size || null,
    flags: (value('flags') ?? value('Features') ?? '').split(/\s+/).filter(Boolean),
  };
}

export const cpuinfo = async (deps: InspectDeps): Promise<CpuInfo | null> => {
  const text = await read(deps, '/proc/cpuinfo');
  return text === null ? null : parseCpuinfo(text);
};

/** MemAvailable is what a new program can get (free + reclaimable cache); os.freemem() is only "free". */
export async function meminfo(deps: InspectDeps): Promise<{ total: number; available: number } | null> {
  const text = await read(deps, '/proc/meminfo');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s*(\\d+) kB`, 'm').exec(text ?? '')?.[1] ?? NaN) * 1024;
  const total = kb('MemTotal');
  const available = kb('MemAvailable');
  return Number.isFinite(total) ? { total, available: Number.isFinite(available) ? available : deps.host.freemem() } : null;
}

export async function battery(deps: InspectDeps): Promise<{ present: boolean; onAC: boolean | null; percent: number | null }> {
  const supplies = (await sysClass(deps, 'power_supply')) ?? [];
  const info = await Promise.all(
    supplies.map(async (s) => ({
      type: await s.attr('type'),
      online: await s.attr('online'),
      capacity: await s.attr('capacity'),
      scope: await s.attr('scope'),
    })),
  );
  // "Device" scope = a wireless mouse's or headset's battery, not the computer's
  const bat = info.find((i) => i.type === 'Battery' && i.scope !== 'Device');
  const mains = info.filter((i) => i.type === 'Mains' || i.type === 'USB' || i.type === 'USB_C');
  if (!bat) return { present: false, onAC: true, percent: null };
  return {
    present: true,
    onAC: mains.length ? mains.some((m) => m.online === '1') : null,
    percent: bat.capacity !== null && /^\d+$/.test(bat.capacity) ? Number(bat.capacity) : null,
  };
}

export interface NetIf {
  name: string;
  up: boolean;
  internal: boolean;
  type: string | null;
  mac: string | null;
  ip4: string | null;
  virtual: boolean;
}

/** Every interface, even those without an address (os.networkInterfaces() lists only addressed ones). */
export async function netInterfaces(deps: InspectDeps): Promise<NetIf[] | null> {
  const devices = await sysClass(deps, 'net');
  if (!devices) return null;
  const addrs = deps.host.networkInterfaces();
  return Promise.all(
    devices.map(async ({ name, attr, has }) => {
      const [oper, type, mac, wireless, device] = await Promise.all([attr('operstate'), attr('type'), attr('address'), has('wireless'), has('device')]);
      const ip4 = addrs[name]?.find((a) => a.family === 'IPv4')?.address ?? null;
      const loopback = type === '772';
      return {
        name,
        // tun/wg devices report "unknown" while carrying traffic
        up: oper === 'up' || (oper === 'unknown' && ip4 !== null),
        internal: loopback,
        type: loopback ? 'loopback' : wireless ? 'wireless' : type === '1' ? 'wired' : type === '65534' ? 'tunnel' : null,
        mac: mac && mac !== '00:00:00:00:00:00' ? mac : null,
        ip4,
        // no backing device = software interface (bridge, veth, tun, docker0)
        virtual: !device && !loopback,
      };
    }),
  );
}

/** Default route from the kernel's routing table: interface and gateway (hex, little-endian). */
export function parseRoutes(text: string): { iface: string; gateway: string } | null {
  for (const line of text.split('\n').slice(1)) {
    const [iface, dest, gw, flags] = line.trim().split(/\s+/);
    if (!iface || dest !== '00000000' || !gw || !(Number.parseInt(flags ?? '0', 16) & 2)) continue;
    const bytes = gw
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16))
      .reverse();
    return { iface, gateway: bytes.join('.') };
  }
  return null;
}

export const defaultRoute = async (deps: InspectDeps) => parseRoutes((await read(deps, '/proc/net/route')) ?? '');

export interface DrmDisplay {
  connector: string;
  width: number | null;
  height: number | null;
  internal: boolean;
}

/** Connected monitors from the kernel's display connectors; eDP/LVDS/DSI are built-in panels. */
export async function drmDisplays(deps: InspectDeps): Promise<DrmDisplay[] | null> {
  const entries = await sysClass(deps, 'drm');
  if (!entries) return null;
  const connectors = entries.filter((e) => /^card\d+-/.test(e.name));
  if (!connectors.length) return null;
  const out: DrmDisplay[] = [];
  for (const c of connectors) {
    if ((await c.attr('status')) !== 'connected') continue;
    // the first mode listed is the panel's preferred one
    const mode = /^(\d+)x(\d+)/.exec((await c.attr('modes')) ?? '');
    out.push({
      connector: c.name.replace(/^card\d+-/, ''),
      width: mode ? Number(mode[1]) : null,
      height: mode ? Number(mode[2]) : null,
      internal: /^(eDP|LVDS|DSI)/i.test(c.name.replace(/^card\d+-/, '')),
    });
  }
  return out;
}
