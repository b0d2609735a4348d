// Installed browsers and their versions: Windows (known install folders, version-named folders),
// macOS (app bundles' Info.plist), Linux (PATH programs' --version, and desktop entries).
import path from 'node:path';
import type { BrowserId, Facts } from '../../shared/facts';
import { memoByFile, type InspectDeps } from './deps';
import { probeOk, versionIn } from './probe';
import type { ExecResult } from './exec';
import { looksLikeDefaultName, regValuesLower, runRegQuery } from '../storage/reg-query';

type Found = Facts['browsers']['browsers'][number];

/** The version a probe answered, or none with the reason (never a made-up placeholder). */
export function versionOf(r: ExecResult, what = '--version'): Pick<Found, 'version' | 'versionError'> {
  const version = r.ok ? versionIn(r.stdout) : null;
  if (version) return { version };
  return { version: null, versionError: r.ok ? `${what} answered without a version number` : (r.detail ?? r.failure ?? 'no answer') };
}

const NAMES: Record<BrowserId, string> = {
  chrome: 'Google Chrome',
  firefox: 'Mozilla Firefox',
  safari: 'Safari',
  edge: 'Microsoft Edge',
  chromium: 'Chromium',
  brave: 'Brave',
  opera: 'Opera',
  vivaldi: 'Vivaldi',
  other: 'Other',
};

const LINUX_PROGRAMS: Array<[BrowserId, string[]]> = [
  ['chrome', ['google-chrome', 'google-chrome-stable']],
  ['chromium', ['chromium', 'chromium-browser']],
  ['firefox', ['firefox', 'firefox-esr']],
  ['edge', ['microsoft-edge', 'microsoft-edge-stable']],
  ['brave', ['brave-browser', 'brave']],
  ['opera', ['opera']],
  ['vivaldi', ['vivaldi', 'vivaldi-stable']],
];
const LINUX_DESKTOP: Array<[BrowserId, RegExp]> = [
  ['chrome', /^(google-chrome|com\.google\.Chrome)/],
  ['chromium', /^(chromium|org\.chromium\.Chromium)/],
  ['firefox', /^(firefox|org\.mozilla\.firefox)/],
  ['edge', /^(microsoft-edge|com\.microsoft\.Edge)/],
  ['brave', /^(brave-browser|brave\.desktop|com\.brave\.Browser)/],
  ['opera', /^opera/],
  ['vivaldi', /^vivaldi/],
];
const MAC_APPS: Array<[BrowserId, string]> = [
  ['chrome', 'Google Chrome.app'],
  ['firefox', 'Firefox.app'],
  ['safari', 'Safari.app'],
  ['edge', 'Microsoft Edge.app'],
  ['chromium', 'Chromium.app'],
  ['brave', 'Brave Browser.app'],
  ['opera', 'Opera.app'],
  ['vivaldi', 'Vivaldi.app'],
];
const WIN_APPS: Array<[BrowserId, string, string]> = [
  // [id, folder below Program Files / LocalAppData, executable]; Chromium-family keep versions as folder names beside the exe
  ['chrome', 'Google\\Chrome\\Application', 'chrome.exe'],
  ['edge', 'Microsoft\\Edge\\Application', 'msedge.exe'],
  ['brave', 'BraveSoftware\\Brave-Browser\\Application', 'brave.exe'],
  ['vivaldi', 'Vivaldi\\Application', 'vivaldi.exe'],
  ['firefox', 'Mozilla Firefox', 'firefox.exe'],
  ['opera', 'Opera', 'opera.exe'],
];

async function onPath(deps: InspectDeps, program: string): Promise<string | null> {
  for (const dir of (deps.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, program);
    if (await deps.exists(file)) return file;
  }
  return null;
}

async function linux(deps: InspectDeps): Promise<Found[]> {
  const found = new Map<BrowserId, Found>();
  await Promise.all(
    LINUX_PROGRAMS.map(async ([id, programs]) => {
      for (const p of programs) {
        const file = await onPath(deps, p);
        if (!file) continue;
        const r = await memoByFile(deps, file, '--version', (scale) => deps.exec(file, ['--version'], { timeoutMs: 3000 * scale }));
        found.set(id, { id, name: NAMES[id], ...versionOf(r), path: file, via: 'path' });
        return;
      }
    }),
  );
  const dirs = [
    '/usr/share/applications',
    '/usr/local/share/applications',
    path.join(deps.homedir, '.local/share/applications'),
    '/var/lib/flatpak/exports/share/applications',
    path.join(deps.homedir, '.local/share/flatpak/exports/share/applications'),
    '/var/lib/snapd/desktop/applications',
  ];
  for (const dir of dirs) {
    const entries = await deps.readDir(dir).catch(() => [] as string[]);
    for (const e of entries) {
      const match = LINUX_DESKTOP.find(([, re]) => re.test(e.replace(/^[a-z-]+_/, '')) && e.endsWith('.desktop'));
      if (match && !found.has(match[0]))
        found.set(match[0], {
          id: match[0],
          name: NAMES[match[0]],
          version: null,
          versionError: 'found only as a menu entry: the program is not on the PATH, so it was not asked',
          path: path.join(dir, e),
          via: 'desktop-entry',
        });
    }
  }
  return [...found.values()];
}

async function macos(deps: InspectDeps): Promise<Found[]> {
  const roots = ['/Applications', path.join(deps.homedir, 'Applications'), '/System/Applications', '/System/Cryptexes/App/System/Applications'];
  const out: Found[] = [];
  await Promise.all(
    MAC_APPS.map(async ([id, app]) => {
      for (const root of roots) {
        const plist = path.join(root, app, 'Contents/Info.plist');
        if (!(await deps.exists(plist))) continue;
        // plutil's "raw" output needs macOS 12; older systems answer through `defaults read`
        const r = await memoByFile(deps, plist, 'plutil', async (scale) => {
          const p = await deps.exec('/usr/bin/plutil', ['-extract', 'CFBundleShortVersionString', 'raw', '-o', '-', plist], { timeoutMs: 2000 * scale });
          return p.ok ? p : deps.exec('/usr/bin/defaults', ['read', plist.replace(/\.plist$/, ''), 'CFBundleShortVersionString'], { timeoutMs: 2000 * scale });
        });
        out.push({ id, name: NAMES[id], ...versionOf(r), path: path.join(root, app), via: 'app-bundle' });
        return;
      }
    }),
  );
  return out;
}

/** Values of `reg query` output: "    version    REG_SZ    120.0.6099.130" -> { version: '120.0.6099.130' }. */
export function parseRegQuery(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s+REG_(?:SZ|EXPAND_SZ)\s+(.*)$/.exec(line);
    if (m) out[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  return out;
}

/** Where each browser keeps its version in the registry (Chromium-family "BLBeacon", Firefox its own key). */
const WIN_VERSION_KEYS: Partial<Record<BrowserId, Array<[string, string]>>> = {
  chrome: [
    ['HKCU\\Software\\Google\\Chrome\\BLBeacon', 'version'],
    ['HKLM\\SOFTWARE\\WOW6432Node\\Google\\Update\\Clients\\{8A69D345-D564-463c-AFF1-A69D9E530F96}', 'pv'],
  ],
  edge: [['HKCU\\Software\\Microsoft\\Edge\\BLBeacon', 'version']],
  brave: [['HKCU\\Software\\BraveSoftware\\Brave-Browser\\BLBeacon', 'version']],
  firefox: [['HKLM\\SOFTWARE\\Mozilla\\Mozilla Firefox', 'currentversion']],
};

/**
 * One string value of a key: `value` by name, or (null) the key's default value, whose name
 * reg.exe prints translated ("(Default)", "(Standard)", "(Predeterminado)") — with /ve it is the
 * only value line, so it is taken by position, never by that name.
 */
async function regQuery(deps: InspectDeps, key: string, value: string | null): Promise<string | null> {
  const program = path.win32.join(deps.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  const r = await runRegQuery(deps.exec, value === null ? [key, '/ve'] : [key, '/v', value], { timeoutMs: 2000, program });
  if (!r.ok) return null;
  const values = regValuesLower(r.stdout);
  const v = value === null ? [...values.entries()].find(([name]) => looksLikeDefaultName(name))?.[1] : values.get(value.toLowerCase());
  // "(value not set)", translated, is no value
  return v && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && v.data && !looksLikeDefaultName(v.data) ? v.data : null;
}

async function winVersionFromFolder(deps: InspectDeps, id: BrowserId, dir: string): Promise<string | null> {
  if (id === 'firefox') {
    const ini = await deps.readFile(path.win32.join(dir, 'application.ini')).catch(() => '');
    return /^Version=(.+)$/m.exec(ini)?.[1]?.trim() ?? null;
  }
  // Chromium-family browsers keep one folder per installed version beside the executable
  const versions = (await deps.readDir(dir).catch(() => [] as string[])).filter((d) => /^\d+(\.\d+)+$/.test(d));
  return versions.sort((a, b) => compareVersions(b, a))[0] ?? null;
}

async function windows(deps: InspectDeps): Promise<Found[]> {
  const roots = [deps.env.ProgramFiles, deps.env['ProgramFiles(x86)'], deps.env.LOCALAPPDATA].filter((x): x is string => Boolean(x));
  const out: Found[] = [];
  await Promise.all(
    WIN_APPS.map(async ([id, folder, exe]) => {
      let file: string | null = null;
      let via = 'known-path';
      for (const root of roots) {
        const candidate = path.win32.join(root, folder, exe);
        if (await deps.exists(candidate)) {
          file = candidate;
          break;
        }
      }
      if (!file) {
        // installed elsewhere (another drive, a portable folder): the App Paths key names the program
        for (const hive of ['HKLM', 'HKCU']) {
          const registered = await regQuery(deps, `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\${exe}`, null);
          const clean = registered?.replace(/^"|"$/g, '') ?? null;
          if (clean && (await deps.exists(clean))) {
            file = clean;
            via = 'registry';
            break;
          }
        }
      }
      if (!file) return;
      let version = await winVersionFromFolder(deps, id, path.win32.dirname(file));
      for (const [key, value] of version ? [] : (WIN_VERSION_KEYS[id] ?? [])) {
        version = versionIn((await regQuery(deps, key, value)) ?? '');
        if (version) break;
      }
      out.push({
        id,
        name: NAMES[id],
        version,
        ...(version ? {} : { versionError: 'no version folder beside the program and no version in the registry' }),
        path: file,
        via,
      });
    }),
  );
  return out;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export async function collectBrowsers(deps: InspectDeps): Promise<Facts['browsers']> {
  const t0 = performance.now();
  const browsers = deps.platform === 'win32' ? await windows(deps) : deps.platform === 'darwin' ? await macos(deps) : await linux(deps);
  const order = Object.keys(NAMES);
  browsers.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { probe: probeOk(t0), browsers };
}
