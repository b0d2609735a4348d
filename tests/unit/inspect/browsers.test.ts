import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { compareVersions, parseRegQuery } from '../../../electron/inspect/browsers';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: [], endpoints: [], networkChecks: false };
const ok = (stdout: string) => () => ({ ok: true, stdout, stderr: '' });
const REG = 'C:\\Windows\\System32\\reg.exe';

describe('browsers on Linux', () => {
  it('PATH programs answer --version; desktop entries (flatpak, snap) find the rest', async () => {
    const deps = fakeDeps({
      env: { PATH: '/usr/local/bin:/usr/bin' },
      files: { '/usr/bin/chromium': '', '/usr/bin/firefox-esr': '' },
      programs: {
        '/usr/bin/chromium': ok('Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)\n'),
        '/usr/bin/firefox-esr': ok('Mozilla Firefox 128.5.0esr\n'),
      },
      dirs: {
        '/var/lib/flatpak/exports/share/applications': ['com.google.Chrome.desktop', 'org.gnome.Maps.desktop'],
        '/var/lib/snapd/desktop/applications': ['brave_brave.desktop', 'firefox_firefox.desktop'],
      },
    });
    const b = await collectArea('browsers', req, deps);
    expect(b.browsers).toEqual([
      {
        id: 'chrome',
        name: 'Google Chrome',
        version: null,
        versionError: 'found only as a menu entry: the program is not on the PATH, so it was not asked',
        path: '/var/lib/flatpak/exports/share/applications/com.google.Chrome.desktop',
        via: 'desktop-entry',
      },
      { id: 'firefox', name: 'Mozilla Firefox', version: '128.5.0', path: '/usr/bin/firefox-esr', via: 'path' },
      { id: 'chromium', name: 'Chromium', version: '156.0.8078.79', path: '/usr/bin/chromium', via: 'path' },
      {
        id: 'brave',
        name: 'Brave',
        version: null,
        versionError: 'found only as a menu entry: the program is not on the PATH, so it was not asked',
        path: '/var/lib/snapd/desktop/applications/brave_brave.desktop',
        via: 'desktop-entry',
      },
    ]);
    expect(b.probe.status).toBe('ok');
  });
  it('a browser whose --version hangs or fails is still listed, without a version, saying it timed out (asked twice)', async () => {
    const deps = fakeDeps({
      files: { '/usr/bin/google-chrome': '' },
      programs: { '/usr/bin/google-chrome': () => ({ ok: false, stdout: '', stderr: '', failure: 'timeout', detail: 'no answer' }) },
    });
    expect((await collectArea('browsers', req, deps)).browsers).toEqual([
      {
        id: 'chrome',
        name: 'Google Chrome',
        version: null,
        versionError: 'timed out twice (no answer; then no answer)',
        path: '/usr/bin/google-chrome',
        via: 'path',
      },
    ]);
    expect(deps.calls.filter((c) => c.includes('google-chrome --version'))).toHaveLength(2);
  });
});

describe('browsers on macOS', () => {
  it("reads app bundles' Info.plist (Safari under /System/Cryptexes on recent macOS); falls back to defaults read", async () => {
    const deps = fakeDeps({
      platform: 'darwin',
      files: {
        '/Applications/Google Chrome.app/Contents/Info.plist': '',
        '/System/Cryptexes/App/System/Applications/Safari.app/Contents/Info.plist': '',
        '/Applications/Firefox.app/Contents/Info.plist': '',
      },
      programs: {
        '/usr/bin/plutil': (args) =>
          args.at(-1)!.includes('Firefox')
            ? { ok: false, stdout: '', stderr: 'unknown option raw', failure: 'exit' }
            : { ok: true, stdout: args.at(-1)!.includes('Safari') ? '18.1\n' : '131.0.6778.86\n', stderr: '' },
        '/usr/bin/defaults': ok('133.0.3\n'),
      },
    });
    const b = await collectArea('browsers', req, deps);
    expect(b.browsers.map((x) => [x.id, x.version, x.via])).toEqual([
      ['chrome', '131.0.6778.86', 'app-bundle'],
      ['firefox', '133.0.3', 'app-bundle'],
      ['safari', '18.1', 'app-bundle'],
    ]);
  });
});

describe('browsers on Windows', () => {
  const env = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\maria\\AppData\\Local',
    SystemRoot: 'C:\\Windows',
  };
  it('known install folders: Chromium-family versions from version-named folders, Firefox from application.ini', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      env,
      files: {
        'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe': '',
        'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe': '',
        'C:\\Program Files\\Mozilla Firefox\\firefox.exe': '',
        'C:\\Program Files\\Mozilla Firefox\\application.ini': '[App]\r\nVendor=Mozilla\r\nVersion=133.0.3\r\n',
      },
      dirs: {
        'C:\\Program Files\\Google\\Chrome\\Application': ['131.0.6778.86', '130.0.6723.117', 'SetupMetrics', 'chrome.exe'],
        'C:\\Program Files (x86)\\Microsoft\\Edge\\Application': ['131.0.2903.70', 'msedge.exe'],
      },
    });
    const b = await collectArea('browsers', req, deps);
    expect(b.browsers.map((x) => [x.id, x.version, x.via])).toEqual([
      ['chrome', '131.0.6778.86', 'known-path'],
      ['firefox', '133.0.3', 'known-path'],
      ['edge', '131.0.2903.70', 'known-path'],
    ]);
  });
  it('installed elsewhere: App Paths in the registry, version from BLBeacon', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      env,
      files: { 'D:\\Apps\\Chrome\\chrome.exe': '' },
      programs: {
        [REG]: (args) => {
          if (args[1] === 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\chrome.exe')
            return {
              ok: true,
              stdout:
                '\r\nHKEY_LOCAL_MACHINE\\...\\chrome.exe\r\n    (Default)    REG_SZ    "D:\\Apps\\Chrome\\chrome.exe"\r\n    Path    REG_SZ    D:\\Apps\\Chrome\r\n',
              stderr: '',
            };
          if (args[1] === 'HKCU\\Software\\Google\\Chrome\\BLBeacon')
            return { ok: true, stdout: '\r\nHKEY_CURRENT_USER\\Software\\Google\\Chrome\\BLBeacon\r\n    version    REG_SZ    109.0.5414.120\r\n', stderr: '' };
          return { ok: false, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.', failure: 'exit' };
        },
      },
    });
    const b = await collectArea('browsers', req, deps);
    expect(b.browsers).toEqual([{ id: 'chrome', name: 'Google Chrome', version: '109.0.5414.120', path: 'D:\\Apps\\Chrome\\chrome.exe', via: 'registry' }]);
    // only the fixed reg.exe, with fixed keys: nothing from a profile or the window reaches it
    expect(deps.calls.filter((c) => c.startsWith('exec')).every((c) => c.startsWith(`exec ${REG} query HK`))).toBe(true);
  });
  it('parses reg query output and compares versions numerically', () => {
    expect(
      parseRegQuery(
        '\r\nHKEY_CURRENT_USER\\x\r\n    version    REG_SZ    120.0.1\r\n    (Default)    REG_EXPAND_SZ    %ProgramFiles%\\a.exe\r\n    n    REG_DWORD    0x1\r\n',
      ),
    ).toEqual({ version: '120.0.1', '(default)': '%ProgramFiles%\\a.exe' });
    expect(compareVersions('131.0.10', '131.0.9')).toBeGreaterThan(0);
    expect(compareVersions('9.0', '10.0')).toBeLessThan(0);
  });
});
