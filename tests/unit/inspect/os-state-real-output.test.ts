// OS states on output captured from real machines and the cases issue 24 found misread: macOS
// "SleepDisabled 1", Linux sessions started from a text console, remote desktops on macOS/Linux,
// Citrix and other remote sessions on Windows, Group Policy screen locks, powercfg in Japanese.
// Sources of every fixture: tests/fixtures/os-state/SOURCES.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import type { ExecResult } from '../../../electron/inspect/exec';
import { sleepDisabled } from '../../../electron/inspect/os-state-mac';
import { lockAfter, LOCK_POLICY_KEYS, parsePowercfgSetting, windowsRemoteSession } from '../../../electron/inspect/os-state-windows';
import { unixRemoteSession } from '../../../electron/inspect/remote-desktops';
import type { OsStateId } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const fx = (dir: string, name: string) => readFileSync(path.join(__dirname, '../../fixtures/os-state', dir, name), 'utf8');
const ok = (stdout: string): ExecResult => ({ ok: true, stdout, stderr: '' });
const absent: ExecResult = { ok: false, stdout: '', stderr: fx('windows', 'reg-missing-de.txt'), failure: 'exit', detail: 'reg exited with status 1' };
const req = (osStates: OsStateId[]) => ({ pythonPackages: [], endpoints: [], networkChecks: false, osStates });

describe('macOS pmset -g', () => {
  it('"SleepDisabled 1" is system sleep switched off, not "sleeps after 1 minute"', async () => {
    const text = fx('macos', 'pmset-g-sleepdisabled.txt');
    expect(sleepDisabled(text)).toBe(true);
    const deps = fakeDeps({ platform: 'darwin', host: { release: () => '23.5.0' }, programs: { pmset: () => ok(text) } });
    const s = await collectArea('osState', req(['idleTimeouts']), deps);
    expect(s.sleepAfterMin).toMatchObject({ value: 0, details: ['SleepDisabled 1: system sleep is switched off'] });
    expect(s.displayOffAfterMin?.value).toBe(20);
  });
  it('without the line (a Mac where it was never set), "sleep 1 (sleep prevented by …)" is one minute', async () => {
    const text = fx('macos', 'pmset-g-hackintosh.txt');
    expect(sleepDisabled(text)).toBeNull();
    const deps = fakeDeps({ platform: 'darwin', host: { release: () => '23.5.0' }, programs: { pmset: () => ok(text) } });
    expect((await collectArea('osState', req(['idleTimeouts']), deps)).sleepAfterMin?.value).toBe(1);
  });
});

describe('Linux session type', () => {
  const linux = (env: NodeJS.ProcessEnv, procs: Record<string, string> = {}) =>
    fakeDeps({
      env,
      dirs: { '/proc': Object.keys(procs) },
      files: Object.fromEntries(
        Object.entries(procs).flatMap(([pid, name]) => [
          [`/proc/${pid}/comm`, `${name}\n`],
          [`/proc/${pid}/cmdline`, `/usr/bin/${name}\0`],
        ]),
      ),
      programs: { loginctl: () => ok(fx('linux', 'loginctl-type-tty.txt')) },
    });
  it('startx: XDG_SESSION_TYPE=tty with DISPLAY is an X11 session', async () => {
    const s = await collectArea('osState', req(['sessionType']), linux({ XDG_SESSION_TYPE: 'tty', DISPLAY: ':0' }));
    expect(s.sessionType).toMatchObject({ value: 'x11', via: 'DISPLAY', details: ['XDG_SESSION_TYPE says tty: started from a text console'] });
  });
  it('a compositor started from a text console: WAYLAND_DISPLAY says Wayland', async () => {
    const s = await collectArea('osState', req(['sessionType']), linux({ XDG_SESSION_TYPE: 'tty', WAYLAND_DISPLAY: 'wayland-1' }));
    expect(s.sessionType?.value).toBe('wayland');
  });
  it('logind says tty, no display variables, but sway runs: Wayland; nothing graphical running: tty', async () => {
    const withSway = await collectArea('osState', req(['sessionType']), linux({ XDG_SESSION_ID: '3' }, { '812': 'sway', '900': 'bash' }));
    expect(withSway.sessionType).toMatchObject({
      value: 'wayland',
      via: 'running programs',
      details: ['loginctl show-session -p Type says tty: started from a text console', 'sway is running'],
    });
    const plain = await collectArea('osState', req(['sessionType']), linux({ XDG_SESSION_ID: '3' }, { '900': 'bash' }));
    expect(plain.sessionType).toMatchObject({ value: 'tty', via: 'loginctl show-session -p Type' });
  });
});

describe('remote desktops on macOS and Linux', () => {
  it('names each remote-desktop server running; none running is "not remote"', () => {
    expect(unixRemoteSession('darwin', ['finder', 'screensharingd', 'ardagent'], {})).toMatchObject({
      value: true,
      details: ['macOS Screen Sharing is running', 'Apple Remote Desktop is running'],
    });
    for (const name of ['xrdp', 'x11vnc', 'nxserver.bin', 'chrome-remote-desktop-host', 'gnome-remote-desktop-daemon'])
      expect(unixRemoteSession('linux', ['bash', name], {}).value).toBe(true);
    expect(unixRemoteSession('linux', ['bash', 'firefox', 'constructor'], {}).value).toBe(false);
    expect(unixRemoteSession('linux', null, {}).value).toBeNull();
    expect(unixRemoteSession('linux', [], { SSH_CONNECTION: '10.0.0.2 51234 10.0.0.5 22' }).value).toBe(true);
  });
  it('the collector reads the running programs (Linux /proc)', async () => {
    const deps = fakeDeps({
      dirs: { '/proc': ['41'] },
      files: { '/proc/41/comm': 'xrdp\n', '/proc/41/cmdline': '/usr/sbin/xrdp\0' },
    });
    expect((await collectArea('osState', req(['remoteSession']), deps)).remoteSession).toMatchObject({ value: true, details: ['xrdp is running'] });
  });
});

describe('Windows remote sessions', () => {
  it.each([
    ['Console', false],
    ['RDP-Tcp#0', true],
    ['ICA-tcp#3', true],
    ['ICA-CGP#1', true],
    ['31C5CE94259D4006A9E4#0', true],
  ])('SESSIONNAME=%s → remote %s', (name, remote) => {
    expect(windowsRemoteSession({ SESSIONNAME: name }).value).toBe(remote);
  });
  it('a name Windows is not known to use is unknown; VMware Horizon on the console is remote', () => {
    expect(windowsRemoteSession({ SESSIONNAME: 'Something' })).toMatchObject({ value: null });
    expect(windowsRemoteSession({ SESSIONNAME: 'Console', ViewClient_Protocol: 'BLAST' }).value).toBe(true);
  });
});

describe('Windows screen lock by Group Policy', () => {
  const desk = ok(fx('windows', 'reg-desktop-de-no-screensaver.txt'));
  it('the user has no screen saver, but the machine inactivity limit locks after 30 minutes', () => {
    expect(lockAfter(desk, [ok(fx('windows', 'reg-policies-system-inactivity.txt')), absent, absent])).toMatchObject({
      value: 30,
      details: ['InactivityTimeoutSecs 1800 by policy (HKLM)'],
    });
  });
  it('a screen-saver policy wins over the user setting (10 minutes → the policy 15)', () => {
    const r = lockAfter(ok(fx('windows', 'reg-desktop.txt')), [absent, ok(fx('windows', 'reg-policies-desktop-screensaver.txt')), absent]);
    expect(r.value).toBe(15);
    expect(r.details).toContain('screensavetimeout 900 by policy (HKCU)');
  });
  it('no policy keys (exit status 1 in German): the user setting; a policy key that cannot be read: unknown', () => {
    expect(lockAfter(desk, [absent, absent, absent])).toMatchObject({ value: 0, details: ['no screen saver'] });
    const hung: ExecResult = { ok: false, stdout: '', stderr: '', failure: 'timeout', detail: 'reg did not answer within 2000 ms' };
    expect(lockAfter(desk, [hung, absent, absent])).toMatchObject({ value: null, reason: 'reg did not answer within 2000 ms' });
    expect(LOCK_POLICY_KEYS).toHaveLength(3);
  });
});

describe('powercfg in Japanese', () => {
  it('reads AC and DC by position after the setting GUID', () => {
    expect(parsePowercfgSetting(fx('windows', 'powercfg-standbyidle-ja.txt'), '29f6c1db-86da-48c5-9fdb-f2b67b1f44da')).toEqual({ ac: 0, dc: 900 });
  });
  it('captured (instany.seesaa.net, SOURCES.md): sleep after 30 min on AC, 15 on battery; the next setting is not read into it', () => {
    const text = fx('windows', 'powercfg-sleep-ja-captured.txt');
    expect(parsePowercfgSetting(text, '29f6c1db-86da-48c5-9fdb-f2b67b1f44da')).toEqual({ ac: 1800, dc: 900 });
    // hybrid sleep, the block after it: its own indexes (off on AC, on on battery)
    expect(parsePowercfgSetting(text, '94ac6d29-73ce-41a6-809f-6363ba21b47e')).toEqual({ ac: 0, dc: 1 });
  });
});
