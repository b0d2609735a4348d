// macOS and Linux OS states on recorded command output (tests/fixtures/os-state/{macos,linux}), the
// window's displays merged in, and the real run on this machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { realDeps } from '../../../electron/inspect/deps';
import { focusActive, parsePmset } from '../../../electron/inspect/os-state-mac';
import { parseGsetting, parseXset } from '../../../electron/inspect/os-state-linux';
import { fromWindow } from '../../../electron/inspect/os-state';
import type { ExecResult } from '../../../electron/inspect/exec';
import type { OsStateId, WindowDisplay } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const fx = (dir: string, name: string) => readFileSync(path.join(__dirname, '../../fixtures/os-state', dir, name), 'utf8');
const ok = (stdout: string): ExecResult => ({ ok: true, stdout, stderr: '' });
const req = (osStates: OsStateId[]) => ({ pythonPackages: [], endpoints: [], networkChecks: false, osStates });

describe('macOS OS states', () => {
  it('pmset -g: settings by name; "Sleep On Power Button 1" is not the sleep setting', () => {
    const laptop = parsePmset(fx('macos', 'pmset-g-laptop-lowpower.txt'));
    expect(laptop.get('sleep')).toBe('1');
    expect(laptop.get('displaysleep')).toBe('2');
    expect(laptop.get('lowpowermode')).toBe('1');
    const desktop = parsePmset(fx('macos', 'pmset-g-desktop.txt'));
    expect(desktop.get('sleep')).toBe('0');
    expect(desktop.has('lowpowermode')).toBe(false);
  });

  it('Focus: an assertion record means a Focus is on', () => {
    expect(focusActive(fx('macos', 'dnd-assertions-active.json'))).toBe(true);
    expect(focusActive(fx('macos', 'dnd-assertions-none.json'))).toBe(false);
    expect(focusActive('not json')).toBeNull();
  });

  const mac = (files: Record<string, string>, release = '23.5.0') =>
    fakeDeps({
      platform: 'darwin',
      host: { release: () => release },
      files,
      programs: {
        pmset: () => ok(fx('macos', 'pmset-g-laptop-lowpower.txt')),
        defaults: (args) =>
          args.includes('idleTime')
            ? ok(fx('macos', 'defaults-screensaver-idletime.txt'))
            : { ok: false, stdout: '', stderr: 'does not exist', failure: 'exit' },
      },
    });

  it('collects Low Power Mode, sleep and screen saver, and Focus where readable', async () => {
    const deps = mac({ '/home/learner/Library/DoNotDisturb/DB/Assertions.json': fx('macos', 'dnd-assertions-active.json') });
    const s = await collectArea('osState', req(['powerSaver', 'idleTimeouts', 'doNotDisturb', 'screenRecording']), deps);
    expect(s.powerSaver?.value).toBe(true);
    expect(s.sleepAfterMin?.value).toBe(1);
    expect(s.displayOffAfterMin?.value).toBe(2);
    expect(s.lockAfterMin?.value).toBe(20);
    expect(s.doNotDisturb?.value).toBe(true);
    // TCC needs Full Disk Access: unknown with the reason, never a guess
    expect(s.screenRecording).toMatchObject({ value: null, reason: expect.stringContaining('Full Disk Access') });
    // pmset ran once for two states
    expect(deps.calls.filter((c) => c.startsWith('exec pmset'))).toHaveLength(1);
  });

  it('Focus store behind Full Disk Access: unknown with that reason', async () => {
    const deps = mac({});
    deps.readFile = async () => {
      throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
    };
    const s = await collectArea('osState', req(['doNotDisturb']), deps);
    expect(s.doNotDisturb).toMatchObject({ value: null, reason: 'readable only with Full Disk Access' });
  });

  it('macOS 11 and older: Do Not Disturb from defaults; not set means off', async () => {
    const s = await collectArea('osState', req(['doNotDisturb']), mac({}, '20.6.0'));
    expect(s.doNotDisturb).toMatchObject({ value: false, via: 'defaults -currentHost read com.apple.notificationcenterui doNotDisturb' });
  });
});

describe('Linux OS states', () => {
  it('parses gsettings and xset q', () => {
    expect(parseGsetting(fx('linux', 'gsettings-idle-delay.txt'))).toBe(300);
    expect(parseGsetting(fx('linux', 'gsettings-sleep-ac-timeout.txt'))).toBe(3600);
    expect(parseGsetting(fx('linux', 'gsettings-lock-enabled.txt'))).toBe(true);
    expect(parseGsetting(fx('linux', 'gsettings-sleep-ac-type.txt'))).toBe('suspend');
    expect(parseXset(fx('linux', 'xset-q.txt'))).toEqual({ screenSaverSec: 600, dpmsEnabled: true, standby: 600, suspend: 600, off: 600 });
    expect(parseXset(fx('linux', 'xset-q-dpms-off.txt'))).toMatchObject({ screenSaverSec: 0, dpmsEnabled: false });
  });

  const gsettings = (args: readonly string[]) => {
    const file: Record<string, string> = {
      'idle-delay': 'gsettings-idle-delay.txt',
      'lock-enabled': 'gsettings-lock-enabled.txt',
      'show-banners': 'gsettings-show-banners-false.txt',
      'sleep-inactive-ac-timeout': 'gsettings-sleep-ac-timeout.txt',
      'sleep-inactive-ac-type': 'gsettings-sleep-ac-type.txt',
      'sleep-inactive-battery-timeout': 'gsettings-sleep-battery-timeout.txt',
      'sleep-inactive-battery-type': 'gsettings-sleep-battery-type.txt',
    };
    const f = file[args[2]!];
    return f ? ok(fx('linux', f)) : { ok: false, stdout: '', stderr: 'No such key', failure: 'exit' as const };
  };

  it('a GNOME Wayland session: type from loginctl, timeouts from gsettings, banners off means Do Not Disturb', async () => {
    const deps = fakeDeps({
      platform: 'linux',
      env: { XDG_SESSION_ID: '2', WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' },
      files: {
        '/var/run/reboot-required': '*** System restart required ***\n',
        '/var/run/reboot-required.pkgs': fx('linux', 'reboot-required.pkgs'),
        '/sys/firmware/acpi/platform_profile': 'low-power\n',
      },
      programs: { loginctl: () => ok(fx('linux', 'loginctl-type-wayland.txt')), gsettings },
    });
    const s = await collectArea('osState', req(['sessionType', 'idleTimeouts', 'doNotDisturb', 'restartPending', 'powerSaver']), deps);
    expect(s.sessionType).toMatchObject({ value: 'wayland', via: 'loginctl show-session -p Type' });
    expect(s.displayOffAfterMin?.value).toBe(5);
    expect(s.lockAfterMin?.value).toBe(5);
    expect(s.sleepAfterMin).toMatchObject({ value: 15, details: ['AC 60 min', 'battery 15 min'] });
    expect(s.doNotDisturb?.value).toBe(true);
    expect(s.restartPending).toMatchObject({ value: true, details: ['linux-image-6.1.0-28-amd64', 'libc6'] });
    expect(s.powerSaver?.value).toBe(true);
  });

  it('an X11 session outside GNOME: DPMS and the screen saver from xset q', async () => {
    const deps = fakeDeps({
      platform: 'linux',
      env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'XFCE' },
      programs: { xset: () => ok(fx('linux', 'xset-q.txt')) },
    });
    const s = await collectArea('osState', req(['sessionType', 'idleTimeouts']), deps);
    expect(s.sessionType?.value).toBe('x11');
    expect(s.displayOffAfterMin?.value).toBe(10);
    expect(s.lockAfterMin?.value).toBe(10);
    expect(s.sleepAfterMin?.value).toBeNull();
    expect(deps.calls.some((c) => c.startsWith('exec gsettings'))).toBe(false);
  });

  it('a session id that is not a plain id never reaches loginctl', async () => {
    const deps = fakeDeps({ platform: 'linux', env: { XDG_SESSION_ID: '2; rm -rf ~' }, programs: { loginctl: () => ok('Type=x11\n') } });
    const s = await collectArea('osState', req(['sessionType']), deps);
    expect(deps.calls).toEqual([]);
    expect(s.sessionType?.value).toBeNull();
  });

  it('no graphical session (a server, CI): every desktop state is unknown with the reason, nothing is run', async () => {
    const deps = fakeDeps({ platform: 'linux', env: { PATH: '/usr/bin' }, programs: { gsettings, xset: () => ok(fx('linux', 'xset-q.txt')) } });
    const s = await collectArea('osState', req(['sessionType', 'idleTimeouts', 'doNotDisturb']), deps);
    for (const o of [s.sessionType, s.sleepAfterMin, s.displayOffAfterMin, s.lockAfterMin, s.doNotDisturb])
      expect(o).toMatchObject({ value: null, reason: expect.stringContaining('no graphical session') });
    expect(deps.calls.filter((c) => c.startsWith('exec'))).toEqual([]);
  });

  it('the real run on this machine: a state is read or unknown with a reason, never made up', async () => {
    const s = await collectArea(
      'osState',
      req(['sessionType', 'idleTimeouts', 'doNotDisturb', 'restartPending', 'powerSaver', 'touchScreen', 'displayScaling', 'windowDisplays']),
      realDeps(),
    );
    expect(s.probe.status).toBe('ok');
    for (const o of [
      s.sessionType,
      s.sleepAfterMin,
      s.displayOffAfterMin,
      s.lockAfterMin,
      s.doNotDisturb,
      s.restartPending,
      s.powerSaver,
      s.touchScreen,
      s.scalePercent,
    ]) {
      expect(o).toBeDefined();
      if (o!.value === null) expect(o!.reason).toBeTruthy();
    }
    // no window outside the desktop app
    expect(s.windowDisplays).toMatchObject({ displays: null, reason: expect.stringContaining('window') });
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.XDG_SESSION_TYPE) {
      expect(s.sessionType).toMatchObject({ value: null, reason: expect.stringContaining('no graphical session') });
      expect(s.sleepAfterMin?.value).toBeNull();
      expect(s.doNotDisturb?.value).toBeNull();
    }
  });
});

describe("the window's displays", () => {
  const d: WindowDisplay = { id: 1, width: 1440, height: 900, x: 0, y: 0, scaleFactor: 2, internal: true, touch: 'unavailable', primary: true };

  it("touch and scale come from the window and win over the platform's guess", async () => {
    expect(fromWindow([d, { ...d, id: 2, internal: false, touch: 'available', primary: false, scaleFactor: 1 }])).toMatchObject({
      touchScreen: { value: true },
      scalePercent: { value: 200 },
    });
    expect(fromWindow([{ ...d, touch: 'unknown' }]).touchScreen).toMatchObject({ value: null });
    const deps = fakeDeps({ platform: 'darwin' });
    deps.windowDisplays = async () => [d];
    const s = await collectArea('osState', req(['touchScreen', 'displayScaling', 'windowDisplays']), deps);
    expect(s.touchScreen?.value).toBe(false);
    expect(s.scalePercent?.value).toBe(200);
    expect(s.windowDisplays).toEqual({ displays: [d] });
  });

  it('a window that fails to answer leaves the states unknown with its reason', async () => {
    const deps = fakeDeps({ platform: 'win32' });
    deps.windowDisplays = async () => {
      throw new Error('screen module not ready');
    };
    const s = await collectArea('osState', req(['touchScreen', 'windowDisplays']), deps);
    expect(s.windowDisplays).toEqual({ displays: null, reason: 'screen module not ready' });
    expect(s.touchScreen?.value).toBeNull();
  });
});
