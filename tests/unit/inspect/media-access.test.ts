// OS camera/microphone access: Windows ConsentStore through reg.exe (recorded output in
// tests/fixtures/reg), macOS through Electron's systemPreferences passed in (typed against
// electron's .d.ts, never loaded), Linux /dev/video* and the video group.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SystemPreferences } from 'electron';
import { appNameOfKey, collectMediaAccess, macAccess, parseRegTree, windowsAccess } from '../../../electron/inspect/media-access';
import { MediaAccessSchema } from '../../../shared/devices/media-access';
import { DeviceFactsSchema } from '../../../shared/facts';
import { fakeDeps } from './fake-deps';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

const REG = path.join(__dirname, '../../fixtures/reg');
const rec = (f: string) => readFileSync(path.join(REG, f), 'utf8');
const REG_EXE = 'C:\\Windows\\System32\\reg.exe';

describe('reg query output', () => {
  it('parses keys and their values (CRLF, four-space columns, QWORDs)', () => {
    const tree = parseRegTree(rec('hkcu-webcam-zoom-using.txt'));
    expect(tree.map((k) => k.key.split('\\').pop())).toEqual([
      'webcam',
      'Microsoft.WindowsCamera_8wekyb3d8bbwe',
      'NonPackaged',
      'C:#Program Files#Google#Chrome#Application#chrome.exe',
      'C:#Users#ana.souza#AppData#Roaming#Zoom#bin#Zoom.exe',
    ]);
    expect(tree[4]!.values['lastusedtimestop']).toEqual({ type: 'REG_QWORD', data: '0x0' });
    expect(tree[0]!.values['value']).toEqual({ type: 'REG_SZ', data: 'Allow' });
  });
  it('names programs by file name only (no user folder) and Store apps without the publisher hash', () => {
    expect(appNameOfKey('C:#Users#ana.souza#AppData#Roaming#Zoom#bin#Zoom.exe')).toBe('Zoom.exe');
    expect(appNameOfKey('Microsoft.WindowsCamera_8wekyb3d8bbwe')).toBe('Microsoft.WindowsCamera');
  });
});

describe('Windows privacy switches', () => {
  it('all on, and Zoom holds the camera now (LastUsedTimeStop 0): the one app named', () => {
    const a = windowsAccess(parseRegTree(rec('hklm-webcam-allow.txt')), parseRegTree(rec('hkcu-webcam-zoom-using.txt')), 'camera');
    expect(a).toEqual({ system: 'allowed', apps: 'allowed', desktopApps: 'allowed', inUseBy: ['Zoom.exe'], note: null });
  });
  it('camera off for the whole computer', () => {
    expect(windowsAccess(parseRegTree(rec('hklm-webcam-deny.txt')), parseRegTree(rec('hkcu-webcam-zoom-using.txt')), 'camera').system).toBe('denied');
  });
  it('desktop apps off (this app is a desktop app), nobody using it', () => {
    const a = windowsAccess(parseRegTree(rec('hklm-webcam-allow.txt')), parseRegTree(rec('hkcu-webcam-desktop-denied.txt')), 'camera');
    expect(a.desktopApps).toBe('denied');
    expect(a.inUseBy).toEqual([]);
  });
  it('runs reg.exe (no shell) for both devices; a key never written is unknown, a failed probe says so', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows' },
      programs: {
        [REG_EXE]: (args) => {
          const key = args[1]!;
          if (key.startsWith('HKLM') && key.endsWith('webcam')) return { ok: true, stdout: rec('hklm-webcam-deny.txt'), stderr: '' };
          if (key.startsWith('HKCU') && key.endsWith('webcam')) return { ok: true, stdout: rec('hkcu-webcam-zoom-using.txt'), stderr: '' };
          if (key.startsWith('HKLM'))
            return { ok: false, stdout: '', stderr: rec('not-found.stderr.txt'), failure: 'exit', detail: 'reg.exe exited with status 1' };
          return { ok: false, stdout: '', stderr: '', failure: 'timeout', detail: 'reg.exe did not answer' };
        },
      },
    });
    const facts = await collectMediaAccess(deps);
    expect(MediaAccessSchema.parse(facts)).toEqual(facts);
    expect(facts.camera.system).toBe('denied');
    expect(facts.camera.inUseBy).toEqual(['Zoom.exe']);
    expect(facts.microphone.system).toBe('unknown');
    expect(facts.microphone.apps).toBe('unknown');
    expect(facts.microphone.note).toMatch(/could not read/);
    expect(deps.calls).toContain(`exec ${REG_EXE} query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam /s`);
  });

  it.each(['de', 'fr', 'es', 'pt', 'ja', 'zh'])(
    'a key never written on a %s Windows (message in that language, exit status 1) is "not set", not "could not read"',
    async (lang) => {
      const deps = fakeDeps({
        platform: 'win32',
        env: { SystemRoot: 'C:\\Windows' },
        programs: {
          [REG_EXE]: (args) =>
            args[1]!.startsWith('HKCU') && args[1]!.endsWith('webcam')
              ? { ok: true, stdout: rec('hkcu-webcam-de-teams-using.txt'), stderr: '' }
              : { ok: false, stdout: '', stderr: rec(`not-found-${lang}.stderr.txt`), failure: 'exit', detail: 'reg.exe exited with status 1' },
        },
      });
      const facts = await collectMediaAccess(deps);
      expect(facts.camera).toEqual({ system: 'unknown', apps: 'allowed', desktopApps: 'denied', inUseBy: ['MSTeams'], note: null });
      expect(facts.microphone.note).toBeNull();
    },
  );
});

describe('macOS permission (Electron systemPreferences, passed in)', () => {
  it('maps each answer; the CLI without Electron says unknown with the reason', async () => {
    const status = vi.fn<SystemPreferences['getMediaAccessStatus']>((t) => (t === 'camera' ? 'denied' : 'granted'));
    const systemPreferences: Pick<SystemPreferences, 'getMediaAccessStatus'> = { getMediaAccessStatus: status };
    const facts = await collectMediaAccess({ ...fakeDeps({ platform: 'darwin' }), systemPreferences });
    expect(facts.camera.system).toBe('denied');
    expect(facts.microphone.system).toBe('allowed');
    expect(status).toHaveBeenCalledWith('camera');
    expect(status).toHaveBeenCalledWith('microphone');
    expect(macAccess('restricted').system).toBe('restricted');
    expect(macAccess('not-determined').system).toBe('not-determined');
    const cli = await collectMediaAccess(fakeDeps({ platform: 'darwin' }));
    expect(cli.camera).toMatchObject({ system: 'unknown', note: expect.stringMatching(/only the desktop app/) });
  });
});

describe('Linux video devices', () => {
  const ids = (groups: string) => ({ id: () => ({ ok: true, stdout: `${groups}\n`, stderr: '' }), stat: () => ({ ok: true, stdout: 'video\n', stderr: '' }) });
  it('no /dev/video*: no camera node; in or out of the owning group', async () => {
    expect((await collectMediaAccess(fakeDeps({ dirs: { '/dev': ['null', 'tty0'] } }))).linux).toEqual({ videoDevices: [], inVideoGroup: null, group: null });
    const out = await collectMediaAccess(fakeDeps({ dirs: { '/dev': ['video1', 'video0', 'null'] }, programs: ids('learner sudo') }));
    expect(out.linux).toEqual({ videoDevices: ['/dev/video0', '/dev/video1'], inVideoGroup: false, group: 'video' });
    expect(out.camera.system).toBe('denied');
    const ok = await collectMediaAccess(fakeDeps({ dirs: { '/dev': ['video0'] }, programs: ids('learner video audio') }));
    expect(ok.linux?.inVideoGroup).toBe(true);
    expect(ok.camera.system).toBe('allowed');
  });
  it('the device facts carry it (optional: older facts without it still parse)', () => {
    const shape = DeviceFactsSchema.shape.mediaAccess;
    expect(shape.safeParse(undefined).success).toBe(true);
  });
});
