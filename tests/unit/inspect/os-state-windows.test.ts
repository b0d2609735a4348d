// Windows OS states on recorded command output (tests/fixtures/os-state/windows), English and
// localised: nothing may depend on a translated word.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import {
  parsePowercfgSetting,
  parsePowershellAnswer,
  parseRegValues,
  powershellScript,
  regNumber,
  windowsBuild,
} from '../../../electron/inspect/os-state-windows';
import type { ExecResult } from '../../../electron/inspect/exec';
import type { OsStateId } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

const fx = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/os-state/windows', name), 'utf8');
const ok = (name: string): ExecResult => ({ ok: true, stdout: fx(name), stderr: '' });
const missing = (lang = 'en'): ExecResult => ({
  ok: false,
  stdout: '',
  stderr: fx(`reg-missing-${lang}.txt`),
  failure: 'exit',
  detail: 'reg exited with status 1',
});
const STANDBY = '29f6c1db-86da-48c5-9fdb-f2b67b1f44da';

/** reg.exe as a table: the first argument after "query" (the key), plus "/v name" when given. */
function regTable(table: Record<string, ExecResult>) {
  return (args: readonly string[]) => {
    const key = args[1]!;
    const v = args.indexOf('/v') >= 0 ? ` /v ${args[args.indexOf('/v') + 1]}` : args.includes('/ve') ? ' /ve' : '';
    return table[`${key}${v}`] ?? table[key] ?? missing();
  };
}

const req = (osStates: OsStateId[]) => ({ pythonPackages: [], endpoints: [], networkChecks: false, osStates });

describe('Windows OS-state parsers', () => {
  it('reg query: value lines, names case-insensitive, DWORD hex and SZ decimals', () => {
    const v = parseRegValues(fx('reg-desktop.txt'));
    expect(v.get('screensavetimeout')).toEqual({ type: 'REG_SZ', data: '600' });
    expect(regNumber(v.get('logpixels'))).toBe(144);
    expect(regNumber(v.get('screensaveactive'))).toBe(1);
    expect(v.get('scrnsave.exe')?.data).toBe('C:\\Windows\\system32\\Mystify.scr');
    expect(regNumber(parseRegValues(fx('reg-skupolicy-smode.txt')).get('skupolicyrequired'))).toBe(1);
    // subkey lines are not values
    expect([...v.keys()].some((k) => k.includes('colors'))).toBe(false);
  });

  it("reg query /ve: the default value's translated name is just a name; the parsers never rely on it", () => {
    for (const lang of ['en', 'de', 'es', 'pt', 'pt-cp850-as-utf8']) {
      const values = parseRegValues(fx(`reg-ve-rebootrequired-${lang}.txt`));
      expect(values.size, lang).toBe(1);
      expect([...values.values()][0]!.type, lang).toBe('REG_SZ');
    }
    expect([...parseRegValues(fx('reg-ve-rebootrequired-de.txt')).keys()]).toEqual(['(standard)']);
    expect([...parseRegValues(fx('reg-ve-rebootrequired-es.txt')).keys()]).toEqual(['(predeterminado)']);
    expect([...parseRegValues(fx('reg-ve-rebootrequired-pt.txt')).keys()]).toEqual(['(padrão)']);
  });

  it('powercfg: AC and DC by position after the setting GUID, in English, German, Spanish and Portuguese', () => {
    expect(parsePowercfgSetting(fx('powercfg-standbyidle-en.txt'), STANDBY)).toEqual({ ac: 1800, dc: 900 });
    expect(parsePowercfgSetting(fx('powercfg-standbyidle-de.txt'), STANDBY)).toEqual({ ac: 0, dc: 300 });
    expect(parsePowercfgSetting(fx('powercfg-standbyidle-es.txt'), STANDBY)).toEqual({ ac: 3600, dc: 1800 });
    expect(parsePowercfgSetting(fx('powercfg-standbyidle-pt.txt'), STANDBY)).toEqual({ ac: 0, dc: 0 });
    // the minimum/maximum/increment lines come first and are never taken for the current values
    expect(parsePowercfgSetting(fx('powercfg-standbyidle-en.txt'), STANDBY)!.ac).not.toBe(0xffffffff);
    expect(parsePowercfgSetting('Access denied', STANDBY)).toBeNull();
    expect(parsePowercfgSetting(fx('powercfg-videoidle-en.txt'), STANDBY)).toBeNull();
  });

  it('PowerShell: a fixed script with only the asked parts, and its JSON answer', () => {
    expect(powershellScript({ saver: true, license: false })).not.toContain('SoftwareLicensingProduct');
    expect(powershellScript({ saver: false, license: true })).not.toContain('EnergySaverStatus');
    expect(parsePowershellAnswer(fx('powershell-saver-license.json.txt'))).toEqual({ saver: 2, license: [1] });
    expect(parsePowershellAnswer('{"license":0}')).toEqual({ license: [0] });
    expect(parsePowershellAnswer('Get-CimInstance : Access denied')).toBeNull();
    expect(windowsBuild('10.0.22631')).toBe(22631);
    expect(windowsBuild('garbage')).toBeNull();
  });
});

describe('Windows OS-state collector', () => {
  const troubled = () =>
    fakeDeps({
      platform: 'win32',
      env: { SESSIONNAME: 'RDP-Tcp#0' },
      host: { release: () => '10.0.22631' },
      programs: {
        reg: regTable({
          'HKLM\\SYSTEM\\CurrentControlSet\\Control\\CI\\Policy /v SkuPolicyRequired': ok('reg-skupolicy-smode.txt'),
          'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired /ve': ok('reg-ve-rebootrequired-de.txt'),
          'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager /v PendingFileRenameOperations': ok('reg-pendingrename.txt'),
          'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\PushNotifications /v ToastEnabled': ok('reg-toastenabled-on.txt'),
          'HKCU\\Control Panel\\Desktop': ok('reg-desktop.txt'),
          'HKLM\\SYSTEM\\CurrentControlSet\\Control /v SystemStartOptions': ok('reg-systemstartoptions-testsigning.txt'),
        }),
        powercfg: (args) => (args.includes('STANDBYIDLE') ? ok('powercfg-standbyidle-en.txt') : ok('powercfg-videoidle-en.txt')),
        powershell: () => ok('powershell-unlicensed.json.txt'),
      },
    });

  it('reads every state a troubled laptop is in', async () => {
    const all: OsStateId[] = [
      'sMode',
      'restartPending',
      'doNotDisturb',
      'idleTimeouts',
      'powerSaver',
      'activation',
      'testSigning',
      'remoteSession',
      'displayScaling',
    ];
    const s = await collectArea('osState', req(all), troubled());
    expect(s.probe.status).toBe('ok');
    expect(s.sMode?.value).toBe(true);
    expect(s.restartPending).toMatchObject({
      value: true,
      details: ['WindowsUpdate\\Auto Update\\RebootRequired', 'Session Manager\\PendingFileRenameOperations'],
    });
    // Windows 11, no Do-not-disturb value, toasts on: notifications will pop up
    expect(s.doNotDisturb?.value).toBe(false);
    expect(s.sleepAfterMin).toMatchObject({ value: 15, details: ['AC 30 min', 'DC 15 min'] });
    expect(s.displayOffAfterMin?.value).toBe(5);
    expect(s.lockAfterMin?.value).toBe(10);
    expect(s.powerSaver?.value).toBe(false);
    expect(s.activated?.value).toBe(false);
    expect(s.testSigning?.value).toBe(true);
    expect(s.remoteSession?.value).toBe(true);
    expect(s.scalePercent?.value).toBe(150);
  });

  it('a calm machine: missing keys (localised errors) mean "not set", a German desktop without a screen saver means none', async () => {
    for (const lang of ['en', 'de', 'es', 'pt']) {
      const deps = fakeDeps({
        platform: 'win32',
        env: { SESSIONNAME: 'Console' },
        host: { release: () => '10.0.22631' },
        programs: {
          reg: regTable({
            'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings /v NOC_GLOBAL_SETTING_TOASTS_ENABLED': ok('reg-noc-dnd-on.txt'),
            'HKCU\\Control Panel\\Desktop': ok('reg-desktop-de-no-screensaver.txt'),
            'HKLM\\SYSTEM\\CurrentControlSet\\Control /v SystemStartOptions': ok('reg-systemstartoptions-normal.txt'),
            x: missing(lang),
          }),
          powercfg: () => ok(`powercfg-standbyidle-${lang === 'en' ? 'pt' : lang}.txt`),
        },
      });
      const s = await collectArea(
        'osState',
        req(['sMode', 'restartPending', 'doNotDisturb', 'testSigning', 'remoteSession', 'displayScaling', 'idleTimeouts']),
        deps,
      );
      expect(s.sMode?.value, lang).toBe(false);
      expect(s.restartPending?.value, lang).toBe(false);
      expect(s.doNotDisturb?.value, lang).toBe(true);
      expect(s.testSigning?.value, lang).toBe(false);
      expect(s.remoteSession?.value, lang).toBe(false);
      expect(s.lockAfterMin?.value, lang).toBe(0);
      // no LogPixels: per-monitor scaling, only the window can tell
      expect(s.scalePercent, lang).toMatchObject({ value: null, reason: expect.stringContaining('LogPixels') });
    }
  });

  it('Windows 10 without an explicit switch: Focus Assist is unknown, not "off"', async () => {
    const deps = fakeDeps({ platform: 'win32', host: { release: () => '10.0.19045' }, programs: { reg: () => missing('de') } });
    const s = await collectArea('osState', req(['doNotDisturb']), deps);
    expect(s.doNotDisturb).toMatchObject({ value: null, reason: expect.stringContaining('Focus Assist') });
  });

  it('reg.exe or PowerShell not answering is unknown with the reason, never a value', async () => {
    const hang: ExecResult = { ok: false, stdout: '', stderr: '', failure: 'timeout', detail: 'reg did not answer within 2000 ms' };
    const deps = fakeDeps({
      platform: 'win32',
      programs: { reg: () => hang, powershell: () => ({ ...hang, detail: 'powershell did not answer within 6000 ms' }) },
    });
    const s = await collectArea('osState', req(['sMode', 'restartPending', 'activation', 'testSigning', 'idleTimeouts']), deps);
    for (const o of [s.sMode, s.restartPending, s.activated, s.testSigning, s.lockAfterMin, s.sleepAfterMin])
      expect(o).toMatchObject({ value: null, reason: expect.stringMatching(/did not answer|not found/) });
  });

  it('probes only what the profile asks: nothing asked, nothing run', async () => {
    const none = troubled();
    const s = await collectArea('osState', req([]), none);
    expect(none.calls).toEqual([]);
    expect(s).toEqual({ probe: expect.objectContaining({ status: 'ok' }) });
    const one = troubled();
    await collectArea('osState', req(['sMode']), one);
    expect(one.calls).toEqual(['exec reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\CI\\Policy /v SkuPolicyRequired']);
    // the slow licensing query runs only when activation is asked
    const saver = troubled();
    await collectArea('osState', req(['powerSaver']), saver);
    expect(saver.calls.join('\n')).not.toContain('SoftwareLicensingProduct');
    // idle timeouts and scaling share one read of the Desktop key
    const shared = troubled();
    await collectArea('osState', req(['idleTimeouts', 'displayScaling']), shared);
    expect(shared.calls.filter((c) => c === 'exec reg query HKCU\\Control Panel\\Desktop')).toHaveLength(1);
  });
});
