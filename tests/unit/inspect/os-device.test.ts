import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { formFactorOf } from '../../../electron/inspect/device';
import { macosName, platformOf, windowsName } from '../../../electron/inspect/os';
import { chassisText, parseCpuinfo, parseOsRelease } from '../../../electron/inspect/linux';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: [], endpoints: [], networkChecks: false };

describe('operating system', () => {
  it('maps platforms, mobile and tablet systems included', () => {
    expect(platformOf('Windows', 'Microsoft Windows XP Professional')).toBe('windows');
    expect(platformOf('darwin', 'macOS')).toBe('macos');
    expect(platformOf('linux', 'Android')).toBe('android');
    expect(platformOf('ios', 'iOS')).toBe('ios');
    expect(platformOf('ios', 'iPadOS')).toBe('ipados');
    expect(platformOf('linux', 'ChromeOS')).toBe('chromeos');
    expect(platformOf('linux', 'Ubuntu')).toBe('linux');
    expect(platformOf('sunos', 'Solaris')).toBe('other');
  });
  it('names Windows from its NT version: 5.1 is XP, build 22000+ is 11', () => {
    expect(windowsName('5.1.2600', null)).toEqual({ name: 'Windows XP', build: '2600' });
    expect(windowsName('6.1.7601', null)).toEqual({ name: 'Windows 7', build: '7601' });
    expect(windowsName('10.0.19045', 'Microsoft Windows 10 Pro')).toEqual({ name: 'Microsoft Windows 10 Pro', build: '19045' });
    expect(windowsName('10.0.22631', 'Microsoft Windows 10 Pro')).toEqual({ name: 'Microsoft Windows 11 Pro', build: '22631' });
    expect(windowsName('10.0.26100', null)).toEqual({ name: 'Windows 11', build: '26100' });
  });
  it('names macOS releases', () => {
    expect(macosName('14.5', null)).toBe('macOS Sonoma');
    expect(macosName('10.15.7', null)).toBe('macOS Catalina');
    expect(macosName('15.1', 'Sequoia')).toBe('macOS Sequoia');
    expect(macosName('99.0', null)).toBe('macOS 99.0');
    expect(macosName('10.10.5', 'OS X Yosemite')).toBe('macOS Yosemite');
  });
  it('collects Windows XP from systeminformation answers', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: { osInfo: { platform: 'Windows', distro: 'Microsoft Windows XP Professional', release: '5.1.2600', build: '', arch: 'ia32', kernel: '5.1.2600' } },
    });
    expect(await collectArea('os', req, deps)).toMatchObject({
      platform: 'windows',
      name: 'Microsoft Windows XP Professional',
      version: '5.1.2600',
      build: '2600',
      arch: 'ia32',
      mobile: false,
      probe: { status: 'ok' },
    });
  });
  it('collects macOS with its marketing name', async () => {
    const deps = fakeDeps({
      platform: 'darwin',
      si: { osInfo: { platform: 'darwin', distro: 'macOS', release: '14.5', codename: 'Sonoma', build: '23F79', arch: 'arm64', kernel: '23.5.0' } },
    });
    expect(await collectArea('os', req, deps)).toMatchObject({ platform: 'macos', name: 'macOS Sonoma', version: '14.5', build: '23F79', mobile: false });
  });
  it('reads Linux from os-release without starting any program', async () => {
    const deps = fakeDeps({
      files: { '/etc/os-release': 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n' },
      host: { release: () => '6.8.0-45-generic', arch: () => 'x64' },
    });
    const os = await collectArea('os', req, deps);
    expect(os).toMatchObject({
      platform: 'linux',
      name: 'Ubuntu 24.04.1 LTS',
      distro: 'Ubuntu',
      version: '24.04',
      kernel: '6.8.0-45-generic',
      arch: 'x64',
      probe: { status: 'ok' },
    });
    expect(deps.calls.filter((c) => c.startsWith('exec') || c.startsWith('si.'))).toEqual([]);
  });
  it('parses os-release quoting', () => {
    expect(parseOsRelease("NAME='Fedora Linux'\nVERSION_ID=41\n# comment\n")).toEqual({ NAME: 'Fedora Linux', VERSION_ID: '41' });
  });
});

describe('device', () => {
  it('form factor from chassis and model (Surface laptops, tablets, 2-in-1s)', () => {
    expect(formFactorOf('Notebook', 'Surface Laptop 5', false)).toBe('laptop');
    expect(formFactorOf(null, 'Surface Laptop Studio', false)).toBe('laptop');
    expect(formFactorOf('Detachable', 'Surface Pro 9', false)).toBe('convertible');
    expect(formFactorOf('Convertible', 'Yoga 7', false)).toBe('convertible');
    expect(formFactorOf('Tablet', 'Slate', false)).toBe('tablet');
    expect(formFactorOf(null, 'iPad13,1', false)).toBe('tablet');
    expect(formFactorOf(null, 'iPhone15,2', false)).toBe('phone');
    expect(formFactorOf('Desktop', 'OptiPlex 7090', false)).toBe('desktop');
    expect(formFactorOf('Rack Mount Chassis', 'PowerEdge', false)).toBe('server');
    expect(formFactorOf('Desktop', 'OptiPlex', true)).toBe('virtual');
    expect(formFactorOf(null, null, false)).toBe('unknown');
  });
  it('SMBIOS chassis codes', () => {
    expect([chassisText('10'), chassisText('30'), chassisText('31'), chassisText('32'), chassisText('2'), chassisText(null)]).toEqual([
      'Notebook',
      'Tablet',
      'Convertible',
      'Detachable',
      null,
      null,
    ]);
  });
  it('collects a Microsoft Surface Laptop 5 on Windows, so it is recognisable', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        system: { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', serial: '0F12345', virtual: false },
        chassis: { type: 'Notebook' },
        cpu: { manufacturer: 'Intel', brand: 'Core™ i5-1235U', cores: 12, physicalCores: 10, speed: 1.3 },
        mem: { total: 8e9, available: 4e9 },
        battery: { hasBattery: true, acConnected: false, percent: 40 },
      },
    });
    const d = await collectArea('device', req, deps);
    expect(d).toMatchObject({
      manufacturer: 'Microsoft Corporation',
      model: 'Surface Laptop 5',
      chassis: 'Notebook',
      formFactor: 'laptop',
      cpu: { cores: 12, physicalCores: 10, speedGHz: 1.3 },
      memory: { totalBytes: 8e9, availableBytes: 4e9 },
      disk: { path: '/home/learner', freeBytes: 100e9 },
      battery: { present: true, onAC: false, percent: 40 },
      probe: { status: 'ok' },
    });
  });
  it('an old XP-era desktop with placeholder firmware strings: nulls, not "To be filled by O.E.M."', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        system: { manufacturer: 'To be filled by O.E.M.', model: 'System Product Name', serial: 'Default string', virtual: false },
        chassis: { type: 'Desktop' },
        cpu: { manufacturer: 'Intel', brand: 'Pentium 4', cores: 1, physicalCores: 1, speed: 2.8 },
        mem: { total: 512 * 1024 ** 2, available: 100 * 1024 ** 2 },
        battery: { hasBattery: false, acConnected: true, percent: 0 },
      },
    });
    expect(await collectArea('device', req, deps)).toMatchObject({
      manufacturer: null,
      model: null,
      serial: null,
      formFactor: 'desktop',
      battery: { present: false, onAC: true, percent: null },
    });
  });
  it('a failing systeminformation call makes the area partial, naming what is missing', async () => {
    const deps = fakeDeps({
      platform: 'darwin',
      si: { system: { manufacturer: 'Apple Inc.', model: 'MacBookAir10,1' }, mem: { total: 16e9, available: 8e9 } },
    });
    const d = await collectArea('device', req, deps);
    expect(d.probe).toMatchObject({ status: 'partial', error: 'not available: chassis, cpu, battery' });
    expect(d.formFactor).toBe('laptop');
  });
  it('reads a Linux 2-in-1 from /sys and /proc: detachable chassis, battery on AC, memory available', async () => {
    const deps = fakeDeps({
      files: {
        '/sys/class/dmi/id/sys_vendor': 'LENOVO\n',
        '/sys/class/dmi/id/product_name': '20UN0009US\n',
        '/sys/class/dmi/id/chassis_type': '32\n',
        '/proc/cpuinfo':
          'processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i5-10210U\nphysical id\t: 0\ncore id\t\t: 0\nflags\t: fpu\n\nprocessor\t: 1\nvendor_id\t: GenuineIntel\nphysical id\t: 0\ncore id\t\t: 0\n\nprocessor\t: 2\nphysical id\t: 0\ncore id\t\t: 1\n',
        '/proc/meminfo': 'MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    8000000 kB\n',
        '/sys/class/power_supply/BAT0/type': 'Battery',
        '/sys/class/power_supply/BAT0/capacity': '87',
        '/sys/class/power_supply/AC/type': 'Mains',
        '/sys/class/power_supply/AC/online': '1',
        '/sys/class/power_supply/hidpp_battery_0/type': 'Battery',
        '/sys/class/power_supply/hidpp_battery_0/scope': 'Device',
        '/sys/class/power_supply/hidpp_battery_0/capacity': '5',
      },
      dirs: { '/sys/class/power_supply': ['hidpp_battery_0', 'AC', 'BAT0'] },
      host: { cpus: () => Array.from({ length: 3 }, () => ({ model: 'x', speed: 1600, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })) },
    });
    const d = await collectArea('device', req, deps);
    expect(d).toMatchObject({
      manufacturer: 'LENOVO',
      model: '20UN0009US',
      chassis: 'Detachable',
      formFactor: 'convertible',
      cpu: { manufacturer: 'Intel', brand: 'Intel(R) Core(TM) i5-10210U', cores: 3, physicalCores: 2, speedGHz: 1.6 },
      memory: { totalBytes: 16000000 * 1024, availableBytes: 8000000 * 1024 },
      battery: { present: true, onAC: true, percent: 87 },
      probe: { status: 'ok' },
    });
    expect(deps.calls.filter((c) => c.startsWith('si.') || c.startsWith('exec'))).toEqual([]);
  });
  it('parses ARM cpuinfo (no vendor_id, Features instead of flags)', () => {
    expect(parseCpuinfo('processor\t: 0\nCPU implementer\t: 0x41\nFeatures\t: fp asimd\nModel\t: Raspberry Pi 4 Model B Rev 1.4\n')).toEqual({
      manufacturer: 'ARM',
      brand: 'Raspberry Pi 4 Model B Rev 1.4',
      physicalCores: null,
      flags: ['fp', 'asimd'],
    });
  });
});
