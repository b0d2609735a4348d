import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { dmiSignal, guestMacs, macSignals, scoreVm } from '../../../electron/inspect/virtualization';
import type { VmSignal } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: [], endpoints: [], networkChecks: false };
const weak = (kind: VmSignal['kind'], detail: string = kind): VmSignal => ({ kind, detail, strength: 'weak' });
const strong = (kind: VmSignal['kind'], detail: string = kind): VmSignal => ({ kind, detail, strength: 'strong' });

describe('scoreVm', () => {
  it('no evidence: not virtual, no confidence', () => {
    expect(scoreVm([])).toEqual({ isVirtual: false, confidence: 'none' });
  });
  it('one weak signal never makes a VM (hypervisor flag alone: Hyper-V, WSL or VBS on bare metal)', () => {
    expect(scoreVm([weak('cpu-hypervisor-flag')])).toEqual({ isVirtual: false, confidence: 'low' });
    expect(scoreVm([weak('mac-prefix')])).toEqual({ isVirtual: false, confidence: 'low' });
  });
  it('several weak signals of one kind are still one kind of evidence', () => {
    expect(scoreVm([weak('mac-prefix', 'a'), weak('mac-prefix', 'b'), weak('mac-prefix', 'c')])).toEqual({ isVirtual: false, confidence: 'low' });
  });
  it('two different weak kinds agreeing: VM with medium confidence', () => {
    expect(scoreVm([weak('cpu-hypervisor-flag'), weak('mac-prefix')])).toEqual({ isVirtual: true, confidence: 'medium' });
  });
  it('a strong signal decides with high confidence', () => {
    expect(scoreVm([strong('dmi')])).toEqual({ isVirtual: true, confidence: 'high' });
    expect(scoreVm([strong('container'), weak('cpu-hypervisor-flag')])).toEqual({ isVirtual: true, confidence: 'high' });
  });
});

describe('signals', () => {
  it.each([
    ['innotek GmbH', 'VirtualBox', 'VirtualBox'],
    ['VMware, Inc.', 'VMware Virtual Platform', 'VMware'],
    ['QEMU', 'Standard PC (Q35 + ICH9, 2009)', 'QEMU'],
    ['Microsoft Corporation', 'Virtual Machine', 'Hyper-V'],
    ['Parallels Software International Inc.', 'Parallels Virtual Platform', 'Parallels'],
    ['Xen', 'HVM domU', 'Xen'],
    ['Amazon EC2', 'm5.large', 'Amazon EC2'],
    ['Google', 'Google Compute Engine', 'Google Compute Engine'],
  ])('DMI %s / %s is %s', (vendor, model, name) => {
    expect(dmiSignal(vendor, model)).toMatchObject({ kind: 'dmi', strength: 'strong', detail: expect.stringContaining(`(${name})`) });
  });
  it('real hardware makers are not hypervisors', () => {
    expect(dmiSignal('Microsoft Corporation', 'Surface Laptop 5')).toBeNull();
    expect(dmiSignal('Dell Inc.', 'XPS 13 9310')).toBeNull();
    expect(dmiSignal('Apple Inc.', 'MacBookPro18,1')).toBeNull();
  });
  it("knows the hypervisors' MAC prefixes, whatever the case", () => {
    const macs = [
      '08:00:27:aa:bb:cc',
      '00:05:69:00:00:01',
      '00:0C:29:11:22:33',
      '00:50:56:00:00:01',
      '00:1c:42:00:00:01',
      '52:54:00:12:34:56',
      '00:15:5d:01:02:03',
      '00:16:3e:00:00:01',
      '3c:22:fb:12:34:56',
    ];
    expect(macSignals(macs).map((s) => s.detail.replace(/.*\((.*)\)/, '$1'))).toEqual([
      'VirtualBox',
      'VMware',
      'VMware',
      'VMware',
      'Parallels',
      'QEMU/KVM',
      'Hyper-V',
      'Xen',
    ]);
    expect(macSignals(macs).every((s) => s.strength === 'weak')).toBe(true);
  });
  it('host-side adapters (Hyper-V vEthernet, VirtualBox host-only, bridges) do not count', () => {
    expect(
      guestMacs([
        { name: 'vEthernet (WSL)', mac: '00:15:5d:01:02:03', internal: false },
        { name: 'Ethernet 2', label: 'VirtualBox Host-Only Ethernet Adapter', mac: '0a:00:27:00:00:10', internal: false },
        { name: 'virbr0', mac: '52:54:00:aa:bb:cc', internal: false },
        { name: 'lo', mac: '00:00:00:00:00:00', internal: true },
        { name: 'Wi-Fi', mac: '3c:22:fb:12:34:56', internal: false },
      ]),
    ).toEqual(['3c:22:fb:12:34:56']);
  });
});

describe("evidence in the reader's language (issue 14)", () => {
  it('every signal carries a message with parameters, rendered in Spanish and Portuguese', async () => {
    const { createI18n, renderMsg } = await import('../../../shared/i18n');
    const { virtualMachine } = await import('../../../shared/rules/virtualization');
    const signals = [dmiSignal('innotek GmbH', 'VirtualBox')!, ...macSignals(['08:00:27:aa:bb:cc'])];
    for (const s of signals) expect(s.message?.key).toMatch(/^evidence:vm\./);
    const facts = { virtualization: { isVirtual: true, confidence: 'high', kind: 'VirtualBox', container: false, signals } } as never;
    const r = virtualMachine.judge(facts, { virtualization: { allowed: false, required: true } } as never, {} as never);
    const es = createI18n('es');
    const texts = r.evidence!.map((m) => renderMsg(es, m));
    expect(texts[0]).toBe('Señal fuerte: fabricante DMI «innotek GmbH», modelo «VirtualBox» (VirtualBox)');
    expect(texts[1]).toContain('prefijo MAC 08:00:27 de un adaptador de red (VirtualBox)');
    expect(renderMsg(createI18n('pt'), r.evidence![1]!)).toContain('prefixo MAC 08:00:27');
    // a key or a "@" parameter from a report file is not rendered as a message: the English detail is
    const forged = { ...signals[0]!, message: { key: 'common:app.name', params: {} } };
    const f = virtualMachine.judge(
      { virtualization: { ...(facts as { virtualization: object }).virtualization, signals: [forged] } } as never,
      { virtualization: { allowed: false, required: true } } as never,
      {} as never,
    );
    expect(renderMsg(es, f.evidence![0]!)).toContain("DMI vendor 'innotek GmbH'");
  });
});

describe('collectVirtualization', () => {
  it('bare-metal Windows with Hyper-V/WSL on (hypervisor flag + vEthernet 00:15:5d) is not a VM', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        system: { manufacturer: 'LENOVO', model: '20XK0015US', virtual: false },
        cpuFlags: 'fpu vme de pse hypervisor sse sse2',
        networkInterfaces: [
          { iface: 'Wi-Fi', mac: '3c:22:fb:12:34:56', internal: false },
          { iface: 'vEthernet (WSL)', mac: '00:15:5d:9a:00:01', internal: false, virtual: true },
        ],
      },
    });
    const v = await collectArea('virtualization', req, deps);
    expect(v).toMatchObject({ isVirtual: false, confidence: 'low', container: false });
    expect(v.signals).toEqual([
      { kind: 'cpu-hypervisor-flag', detail: 'hypervisor flag in CPU features', strength: 'weak', message: { key: 'evidence:vm.cpuFeatures' } },
    ]);
  });
  it('a VirtualBox Windows guest is a VM, with every piece of evidence', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        system: { manufacturer: 'innotek GmbH', model: 'VirtualBox', virtual: true, virtualHost: 'VirtualBox' },
        cpuFlags: 'hypervisor',
        networkInterfaces: [{ iface: 'Ethernet', mac: '08:00:27:11:22:33', internal: false }],
      },
    });
    const v = await collectArea('virtualization', req, deps);
    expect(v).toMatchObject({ isVirtual: true, confidence: 'high', kind: 'VirtualBox' });
    expect(v.signals.map((s) => s.detail)).toEqual([
      "DMI vendor 'innotek GmbH', model 'VirtualBox' (VirtualBox)",
      'hypervisor flag in CPU features',
      'network adapter MAC prefix 08:00:27 (VirtualBox)',
    ]);
  });
  it('a Linux KVM guest: firmware name, CPU flag and systemd-detect-virt agree', async () => {
    const deps = fakeDeps({
      files: {
        '/sys/class/dmi/id/sys_vendor': 'QEMU\n',
        '/sys/class/dmi/id/product_name': 'Standard PC (i440FX + PIIX, 1996)\n',
        '/proc/cpuinfo': 'processor\t: 0\nflags\t\t: fpu vme hypervisor\n',
        '/sys/class/net/ens3/address': '52:54:00:12:34:56',
        '/sys/class/net/ens3/type': '1',
      },
      dirs: { '/sys/class/net': ['ens3'], '/sys/class/net/ens3/device': [] },
      programs: { 'systemd-detect-virt': () => ({ ok: true, stdout: 'kvm\n', stderr: '' }) },
    });
    const v = await collectArea('virtualization', req, deps);
    expect(v).toMatchObject({ isVirtual: true, confidence: 'high', kind: 'QEMU', container: false });
    expect(v.signals.map((s) => s.kind)).toEqual(['dmi', 'cpu-hypervisor-flag', 'mac-prefix', 'systemd-detect-virt']);
  });
  it('a Linux laptop where systemd-detect-virt says none and nothing else fires', async () => {
    const deps = fakeDeps({
      files: { '/sys/class/dmi/id/sys_vendor': 'LENOVO', '/sys/class/dmi/id/product_name': '21CB', '/proc/cpuinfo': 'flags\t: fpu vme sse\n' },
      programs: { 'systemd-detect-virt': () => ({ ok: false, stdout: 'none\n', stderr: '', failure: 'exit' }) },
    });
    expect(await collectArea('virtualization', req, deps)).toMatchObject({ isVirtual: false, confidence: 'none', signals: [], probe: { status: 'ok' } });
  });
  it('a Docker container is flagged as a container; missing firmware info is reported, not guessed', async () => {
    const deps = fakeDeps({ files: { '/.dockerenv': '', '/proc/cpuinfo': 'flags\t: fpu\n' }, programs: {} });
    const v = await collectArea('virtualization', req, deps);
    expect(v).toMatchObject({ isVirtual: true, container: true, kind: 'docker', probe: { status: 'partial', error: 'not available: dmi' } });
  });
  it('a macOS guest says so through kern.hv_vmm_present; a real Mac does not', async () => {
    const mac = (present: string) =>
      fakeDeps({
        platform: 'darwin',
        si: { system: { manufacturer: 'Apple Inc.', model: 'MacBookPro18,1', virtual: false }, cpuFlags: '', networkInterfaces: [] },
        programs: { sysctl: (args) => ({ ok: true, stdout: args.includes('kern.hv_vmm_present') ? `${present}\n` : '', stderr: '' }) },
      });
    expect(await collectArea('virtualization', req, mac('1'))).toMatchObject({ isVirtual: true, confidence: 'high' });
    expect(await collectArea('virtualization', req, mac('0'))).toMatchObject({ isVirtual: false, confidence: 'none' });
  });
});
