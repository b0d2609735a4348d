// Virtual machine / container detection, with the evidence. One weak signal (a hypervisor CPU flag,
// which bare-metal Windows shows with Hyper-V, WSL or virtualization-based security on; or one MAC
// prefix, which a VM's bridged host adapter also has) never makes a machine "virtual" on its own.
import type { Facts, VmSignal } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { cpuinfo, dmi, netInterfaces } from './linux';
import { probeOk, settle } from './probe';

/**
 * One signal: `detail` in English (older readers, logs) and the same as a message with parameters
 * (catalog evidence:vm.*), so a Spanish or Portuguese screen shows it in its own language.
 */
function signal(kind: VmSignal['kind'], strength: VmSignal['strength'], detail: string, key: string, params?: Record<string, string>): VmSignal {
  return { kind, detail, strength, message: params ? { key: `evidence:vm.${key}`, params } : { key: `evidence:vm.${key}` } };
}

const DMI_VENDORS: Array<[RegExp, string]> = [
  [/virtualbox|innotek/i, 'VirtualBox'],
  [/vmware/i, 'VMware'],
  [/qemu/i, 'QEMU'],
  [/\bkvm\b/i, 'KVM'],
  [/microsoft corporation.*virtual machine|^virtual machine$|hyper-v/i, 'Hyper-V'],
  [/parallels/i, 'Parallels'],
  [/\bxen\b/i, 'Xen'],
  [/amazon ec2/i, 'Amazon EC2'],
  [/google compute engine/i, 'Google Compute Engine'],
  [/bochs/i, 'Bochs'],
];

// 0a:00:27 is left out on purpose: VirtualBox gives it to the *host's* host-only adapter.
const MAC_PREFIXES: Record<string, string> = {
  '08:00:27': 'VirtualBox',
  '00:05:69': 'VMware',
  '00:0c:29': 'VMware',
  '00:1c:14': 'VMware',
  '00:50:56': 'VMware',
  '00:1c:42': 'Parallels',
  '52:54:00': 'QEMU/KVM',
  '00:15:5d': 'Hyper-V',
  '00:16:3e': 'Xen',
};

export function dmiSignal(manufacturer: string, model: string): VmSignal | null {
  const text = `${manufacturer} ${model}`;
  for (const [re, name] of DMI_VENDORS) {
    if (re.test(text) || re.test(model))
      return signal('dmi', 'strong', `DMI vendor '${manufacturer}', model '${model}' (${name})`, 'dmi', { vendor: manufacturer, model, name });
  }
  return null;
}

export function macSignals(macs: readonly string[]): VmSignal[] {
  const out: VmSignal[] = [];
  for (const mac of macs) {
    const vendor = MAC_PREFIXES[mac.toLowerCase().slice(0, 8)];
    if (vendor) out.push(signal('mac-prefix', 'weak', `network adapter MAC prefix ${mac.slice(0, 8)} (${vendor})`, 'mac', { prefix: mac.slice(0, 8), vendor }));
  }
  return out;
}

/** Strong evidence decides; weak evidence only counts when two different kinds agree. */
export function scoreVm(signals: readonly VmSignal[]): Pick<Facts['virtualization'], 'isVirtual' | 'confidence'> {
  const strong = signals.filter((s) => s.strength === 'strong').length;
  const weakKinds = new Set(signals.filter((s) => s.strength === 'weak').map((s) => s.kind)).size;
  if (strong > 0) return { isVirtual: true, confidence: 'high' };
  if (weakKinds >= 2) return { isVirtual: true, confidence: 'medium' };
  if (weakKinds === 1) return { isVirtual: false, confidence: 'low' };
  return { isVirtual: false, confidence: 'none' };
}

/**
 * Host-side adapters carry hypervisor MAC prefixes on bare metal too (Hyper-V's "vEthernet (WSL)",
 * VirtualBox host-only, VMware's vmnet, bridges, veth): only a machine's own adapters count.
 */
const HOST_SIDE_ADAPTER = /vethernet|virtual|vmnet|vboxnet|host-only|docker|^br-|^virbr|^veth|^vnet/i;

export function guestMacs(ifaces: ReadonlyArray<{ name: string; label?: string; mac: string | null; internal: boolean; virtual?: boolean | null }>): string[] {
  return ifaces
    .filter((i) => !i.internal && i.mac && i.virtual !== true && !HOST_SIDE_ADAPTER.test(i.name) && !HOST_SIDE_ADAPTER.test(i.label ?? ''))
    .map((i) => i.mac!);
}

interface Found {
  signals: VmSignal[];
  kind: string | null;
  container: boolean;
  missing: string[];
}

async function linuxSignals(deps: InspectDeps): Promise<Found> {
  const signals: VmSignal[] = [];
  let kind: string | null = null;
  let container = false;
  const [board, cpu, ifaces, dockerenv, containerenv, cgroup, sd] = await Promise.all([
    dmi(deps),
    cpuinfo(deps),
    netInterfaces(deps),
    deps.exists('/.dockerenv'),
    deps.exists('/run/.containerenv'),
    deps.readFile('/proc/1/cgroup').catch(() => ''),
    deps.exec('systemd-detect-virt', [], { timeoutMs: 1500 }),
  ]);
  const dmiHit = board ? (dmiSignal(board.vendor ?? '', board.product ?? '') ?? dmiSignal(board.boardVendor ?? '', board.biosVendor ?? '')) : null;
  if (dmiHit) {
    signals.push(dmiHit);
    kind = kindOf(dmiHit);
  }
  if (cpu?.flags.includes('hypervisor'))
    signals.push(signal('cpu-hypervisor-flag', 'weak', 'hypervisor flag in /proc/cpuinfo', 'cpuFlag', { file: '/proc/cpuinfo' }));
  signals.push(...macSignals(guestMacs(ifaces ?? [])));
  if (dockerenv) {
    container = true;
    signals.push(signal('container', 'strong', 'file /.dockerenv (Docker)', 'containerFile', { file: '/.dockerenv', runtime: 'Docker' }));
    kind ??= 'docker';
  }
  if (containerenv) {
    container = true;
    signals.push(signal('container', 'strong', 'file /run/.containerenv (Podman)', 'containerFile', { file: '/run/.containerenv', runtime: 'Podman' }));
    kind ??= 'podman';
  }
  const m = /(docker|kubepods|lxc|containerd)/.exec(cgroup);
  if (m && !container) {
    container = true;
    signals.push(signal('container', 'strong', `process 1 cgroup mentions '${m[1]}'`, 'cgroup', { name: m[1]! }));
    kind ??= m[1]!;
  }
  // systemd-detect-virt prints "none" and exits 1 on bare metal; it is absent on non-systemd systems
  const v = sd.stdout.trim();
  if (v && v !== 'none') {
    signals.push(signal('systemd-detect-virt', 'strong', `systemd-detect-virt says '${v}'`, 'systemd', { value: v }));
    kind ??= v;
  }
  if (/microsoft|wsl/i.test(deps.host.release())) {
    signals.push(signal('other', 'strong', `kernel '${deps.host.release()}' is Windows Subsystem for Linux`, 'wsl', { release: deps.host.release() }));
    kind ??= 'WSL';
  }
  return { signals, kind, container, missing: [board ? null : 'dmi', cpu ? null : 'cpu flags'].filter((x): x is string => x !== null) };
}

async function siSignals(deps: InspectDeps): Promise<Found> {
  const signals: VmSignal[] = [];
  let kind: string | null = null;
  const [sys, flags, ifaces, hv] = await Promise.all([
    settle(deps.si.system()),
    settle(deps.si.cpuFlags()),
    settle(deps.si.networkInterfaces()),
    deps.platform === 'darwin' ? deps.exec('sysctl', ['-n', 'kern.hv_vmm_present'], { timeoutMs: 1500 }) : Promise.resolve(null),
  ]);
  if (sys) {
    const hit = dmiSignal(sys.manufacturer ?? '', sys.model ?? '');
    if (hit) {
      signals.push(hit);
      kind = kindOf(hit);
    } else if (sys.virtual) {
      signals.push(
        sys.virtualHost
          ? signal('dmi', 'strong', `system reported as virtual (host: ${sys.virtualHost})`, 'reportedVirtualHost', { host: sys.virtualHost })
          : signal('dmi', 'strong', 'system reported as virtual', 'reportedVirtual'),
      );
      kind = sys.virtualHost || null;
    }
  }
  if (flags && /\bhypervisor\b/.test(flags)) signals.push(signal('cpu-hypervisor-flag', 'weak', 'hypervisor flag in CPU features', 'cpuFeatures'));
  if (ifaces) {
    const list = Array.isArray(ifaces) ? ifaces : [ifaces];
    signals.push(
      ...macSignals(guestMacs(list.map((i) => ({ name: i.iface, label: i.ifaceName, mac: i.mac || null, internal: i.internal, virtual: i.virtual })))),
    );
  }
  // Apple's own flag: set by the hypervisor framework inside a macOS guest, never on a real Mac
  if (hv?.ok && hv.stdout.trim() === '1')
    signals.push(signal('other', 'strong', 'macOS reports kern.hv_vmm_present = 1', 'macHv', { name: 'kern.hv_vmm_present' }));
  return { signals, kind, container: false, missing: [sys ? null : 'system', flags === null ? 'cpu flags' : null].filter((x): x is string => x !== null) };
}

const kindOf = (s: VmSignal) => /\(([^)]+)\)$/.exec(s.detail)?.[1] ?? null;

export async function collectVirtualization(deps: InspectDeps): Promise<Facts['virtualization']> {
  const t0 = performance.now();
  const { signals, kind, container, missing } = deps.platform === 'linux' ? await linuxSignals(deps) : await siSignals(deps);
  return { probe: probeOk(t0, missing.length ? `not available: ${missing.join(', ')}` : undefined), ...scoreVm(signals), kind, container, signals };
}
