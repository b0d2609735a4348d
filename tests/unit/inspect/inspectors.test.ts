import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { inspectMachine, collectArea } from '../../../electron/inspect';
import { scoreVm, dmiSignal, macSignals } from '../../../electron/inspect/virtualization';
import { formFactorOf } from '../../../electron/inspect/device';
import { platformOf } from '../../../electron/inspect/os';
import { execProbe } from '../../../electron/inspect/exec';
import { proxiesFrom } from '../../../electron/inspect/network';
import { realDeps } from '../../../electron/inspect/deps';
import { FactsSchema } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: ['numpy', 'torch'], endpoints: [], networkChecks: true };

describe('virtual machine evidence', () => {
  it('strong signals decide; one weak signal never does', () => {
    expect(scoreVm([])).toEqual({ isVirtual: false, confidence: 'none' });
    expect(scoreVm([{ kind: 'cpu-hypervisor-flag', detail: 'x', strength: 'weak' }])).toEqual({ isVirtual: false, confidence: 'low' });
    expect(scoreVm([{ kind: 'mac-prefix', detail: 'a', strength: 'weak' }, { kind: 'mac-prefix', detail: 'b', strength: 'weak' }])).toEqual({ isVirtual: false, confidence: 'low' });
    expect(scoreVm([{ kind: 'cpu-hypervisor-flag', detail: 'x', strength: 'weak' }, { kind: 'mac-prefix', detail: 'y', strength: 'weak' }])).toEqual({ isVirtual: true, confidence: 'medium' });
    expect(scoreVm([{ kind: 'dmi', detail: 'x', strength: 'strong' }])).toEqual({ isVirtual: true, confidence: 'high' });
  });
  it('recognises hypervisor vendors and MAC prefixes', () => {
    expect(dmiSignal('innotek GmbH', 'VirtualBox')?.detail).toBe("DMI vendor 'innotek GmbH', model 'VirtualBox' (VirtualBox)");
    expect(dmiSignal('Microsoft Corporation', 'Virtual Machine')?.detail).toMatch(/Hyper-V/);
    expect(dmiSignal('Microsoft Corporation', 'Surface Laptop 5')).toBeNull();
    expect(dmiSignal('Dell Inc.', 'XPS 13 9310')).toBeNull();
    expect(macSignals(['08:00:27:aa:bb:cc', '3c:22:fb:12:34:56']).map((s) => s.detail)).toEqual(['network adapter MAC prefix 08:00:27 (VirtualBox)']);
  });
  it('a bare-metal Windows laptop with Hyper-V on is not a VM', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: { system: { manufacturer: 'LENOVO', model: 'ThinkPad T14', virtual: false }, cpuFlags: 'fpu vme hypervisor sse', networkInterfaces: [{ iface: 'Wi-Fi', mac: '3c:22:fb:12:34:56', internal: false }] },
    });
    const v = await collectArea('virtualization', req, deps);
    expect(v.isVirtual).toBe(false);
    expect(v.confidence).toBe('low');
    expect(v.signals.map((s) => s.kind)).toEqual(['cpu-hypervisor-flag']);
  });
  it('a VirtualBox guest is a VM with its evidence', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: { system: { manufacturer: 'innotek GmbH', model: 'VirtualBox', virtual: true }, cpuFlags: 'hypervisor', networkInterfaces: [{ iface: 'Ethernet', mac: '08:00:27:11:22:33', internal: false }] },
    });
    const v = await collectArea('virtualization', req, deps);
    expect(v).toMatchObject({ isVirtual: true, confidence: 'high', kind: 'VirtualBox' });
    expect(v.signals.map((s) => s.kind).sort()).toEqual(['cpu-hypervisor-flag', 'dmi', 'mac-prefix']);
  });
});

describe('device and OS facts', () => {
  it('recognises a Surface laptop, tablets and 2-in-1s', () => {
    expect(formFactorOf('Notebook', 'Surface Laptop 5', false)).toBe('laptop');
    expect(formFactorOf('Detachable', 'Surface Pro 9', false)).toBe('convertible');
    expect(formFactorOf('Tablet', 'Slate', false)).toBe('tablet');
    expect(formFactorOf(null, 'iPad13,1', false)).toBe('tablet');
    expect(formFactorOf('Desktop', 'OptiPlex', true)).toBe('virtual');
    expect(formFactorOf(null, null, false)).toBe('unknown');
  });
  it('maps platforms, mobile ones included', () => {
    expect(platformOf('Windows', 'Microsoft Windows XP Professional')).toBe('windows');
    expect(platformOf('darwin', 'macOS')).toBe('macos');
    expect(platformOf('linux', 'Android')).toBe('android');
    expect(platformOf('ios', 'iPadOS')).toBe('ipados');
  });
  it('collects a Surface laptop from systeminformation answers', async () => {
    const deps = fakeDeps({ si: {
      system: { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', serial: 'X1', virtual: false },
      chassis: { type: 'Notebook' }, cpu: { manufacturer: 'Intel', brand: 'Core i5', cores: 8, physicalCores: 4, speed: 2.4 },
      mem: { total: 8e9, available: 4e9 }, battery: { hasBattery: true, acConnected: false, percent: 40 },
    } });
    const d = await collectArea('device', req, deps);
    expect(d).toMatchObject({ manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', formFactor: 'laptop', battery: { present: true, onAC: false, percent: 40 } });
    expect(d.probe.status).toBe('ok');
  });
});

describe('programs: timeouts, missing programs, no shell', () => {
  it('a hung program costs its timeout and the scan still finishes by its deadline', async () => {
    const hang = path.resolve('tests/fixtures/probes/hang.sh');
    const t0 = Date.now();
    const r = await execProbe(hang, [], { timeoutMs: 300 });
    expect(r.failure).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);

    const deps = fakeDeps({ si: { osInfo: () => new Promise(() => {}) } }); // never answers
    const t1 = Date.now();
    const facts = await inspectMachine(req, { deps, deadlineMs: 400, areas: ['os'] });
    expect(Date.now() - t1).toBeLessThan(3000);
    expect(facts.os.probe).toMatchObject({ status: 'timeout', error: 'no answer within 400 ms' });
    expect(facts.device.probe).toMatchObject({ status: 'error', error: 'not collected in this run' });
    expect(FactsSchema.safeParse(facts).success).toBe(true);
  });
  it('a missing program is "not installed", not an error', async () => {
    const r = await execProbe('exam-preflight-no-such-program', ['--version']);
    expect(r).toMatchObject({ ok: false, failure: 'not-found' });
    const sw = await collectArea('software', req, fakeDeps({}));
    expect(sw.probe.status).toBe('ok');
    expect(sw.python).toEqual([]);
    expect(sw.r).toEqual([]);
  });
  it('shell metacharacters in arguments are just characters', async () => {
    const r = await execProbe('/bin/echo', ['$(touch /tmp/pwned-by-test); `id`; | rm -rf ~'], { timeoutMs: 2000 });
    expect(r.stdout.trim()).toBe('$(touch /tmp/pwned-by-test); `id`; | rm -rf ~');
  });
  it('package names that are not module names never reach the interpreter', async () => {
    const seen: string[][] = [];
    const deps = fakeDeps({ files: { '/usr/bin/python3': '' }, programs: { '/usr/bin/python3': (args) => { seen.push([...args]); return { ok: true, stdout: '{"version":"3.12.1","executable":"/usr/bin/python3","packages":{}}', stderr: '' }; } } });
    const sw = await collectArea('software', { ...req, pythonPackages: ['numpy', 'os; import shutil', '--upgrade'] }, deps);
    expect(seen[0]!.slice(2)).toEqual(['numpy']);
    expect(sw.pythonPackagesAsked).toEqual(['numpy']);
    expect(sw.python[0]).toMatchObject({ version: '3.12.1', via: 'path' });
  });
  it('strips credentials from proxy settings', () => {
    expect(proxiesFrom({ HTTPS_PROXY: 'http://maria:secret@proxy.example:3128' })).toEqual([{ source: 'HTTPS_PROXY', value: 'http://proxy.example:3128' }]);
  });
});

describe('this machine, for real', () => {
  it('collects plausible facts that the schema accepts', async () => {
    const facts = await inspectMachine({ pythonPackages: ['json', 'no_such_module_xyz'], endpoints: [], networkChecks: false }, { deps: realDeps() });
    expect(FactsSchema.parse(facts)).toBeTruthy();
    expect(facts.os.platform).toBe(process.platform === 'linux' ? 'linux' : facts.os.platform);
    expect(facts.device.memory.totalBytes).toBeGreaterThan(256 * 1024 ** 2);
    expect(facts.device.cpu.cores).toBeGreaterThanOrEqual(1);
    expect(facts.processes.names.length).toBeGreaterThan(1);
    expect(facts.processes.names).toContain('node');
    expect(facts.software.python.length).toBeGreaterThan(0);
    const py = facts.software.python[0]!;
    expect(py.version).toMatch(/^3\.\d+\.\d+$/);
    expect(py.packages.json).toEqual({ found: true, version: null });
    expect(py.packages.no_such_module_xyz).toEqual({ found: false, version: null });
    expect(facts.network.endpoints).toEqual([]); // nothing contacted
  });
});
