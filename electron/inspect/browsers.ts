// Installed browsers and their versions: Windows (known install folders, version-named folders),
// macOS (app bundles' Info.plist), Linux (PATH programs' --version, and desktop entries).
import path from 'node:path';
import type { BrowserId, Facts } from '../../shared/facts';
import { memoByFile, type InspectDeps } from './deps';
import { probeOk, versionIn } from './probe';

type Found = Facts['browsers']['browsers'][number];

const NAMES: Record<BrowserId, string> = {
  chrome: 'Google Chrome', firefox: 'Mozilla Firefox', safari: 'Safari', edge: 'Microsoft Edge', chromium: 'Chromium',
  brave: 'Brave', opera: 'Opera', vivaldi: 'Vivaldi', other: 'Other',
};

const LINUX_PROGRAMS: Array<[BrowserId, string[]]> = [
  ['chrome', ['google-chrome', 'google-chrome-stable']], ['chromium', ['chromium', 'chromium-browser']], ['firefox', ['firefox', 'firefox-esr']],
  ['edge', ['microsoft-edge', 'microsoft-edge-stable']], ['brave', ['brave-browser', 'brave']], ['opera', ['opera']], ['vivaldi', ['vivaldi', 'vivaldi-stable']],
];
const LINUX_DESKTOP: Array<[BrowserId, RegExp]> = [
  ['chrome', /^(google-chrome|com\.google\.Chrome)/], ['chromium', /^(chromium|org\.chromium\.Chromium)/], ['firefox', /^(firefox|org\.mozilla\.firefox)/],
  ['edge', /^(microsoft-edge|com\.microsoft\.Edge)/], ['brave', /^(brave-browser|com\.brave\.Browser)/], ['opera', /^opera/], ['vivaldi', /^vivaldi/],
];
const MAC_APPS: Array<[BrowserId, string]> = [
  ['chrome', 'Google Chrome.app'], ['firefox', 'Firefox.app'], ['safari', 'Safari.app'], ['edge', 'Microsoft Edge.app'],
  ['chromium', 'Chromium.app'], ['brave', 'Brave Browser.app'], ['opera', 'Opera.app'], ['vivaldi', 'Vivaldi.app'],
];
const WIN_APPS: Array<[BrowserId, string, string]> = [
  // [id, folder below Program Files / LocalAppData, executable]; Chromium-family keep versions as folder names beside the exe
  ['chrome', 'Google\\Chrome\\Application', 'chrome.exe'], ['edge', 'Microsoft\\Edge\\Application', 'msedge.exe'],
  ['brave', 'BraveSoftware\\Brave-Browser\\Application', 'brave.exe'], ['vivaldi', 'Vivaldi\\Application', 'vivaldi.exe'],
  ['firefox', 'Mozilla Firefox', 'firefox.exe'], ['opera', 'Opera', 'opera.exe'],
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
  await Promise.all(LINUX_PROGRAMS.map(async ([id, programs]) => {
    for (const p of programs) {
      const file = await onPath(deps, p);
      if (!file) continue;
      const r = await memoByFile(deps, file, '--version', () => deps.exec(file, ['--version'], { timeoutMs: 3000 }));
      found.set(id, { id, name: NAMES[id], version: r.ok ? versionIn(r.stdout) : null, path: file, via: 'path' });
      return;
    }
  }));
  const dirs = ['/usr/share/applications', '/usr/local/share/applications', path.join(deps.homedir, '.local/share/applications'),
    '/var/lib/flatpak/exports/share/applications', '/var/lib/snapd/desktop/applications'];
  for (const dir of dirs) {
    const entries = await deps.readDir(dir).catch(() => [] as string[]);
    for (const e of entries) {
      const match = LINUX_DESKTOP.find(([, re]) => re.test(e.replace(/^[a-z-]+_/, '')) && e.endsWith('.desktop'));
      if (match && !found.has(match[0])) found.set(match[0], { id: match[0], name: NAMES[match[0]], version: null, path: path.join(dir, e), via: 'desktop-entry' });
    }
  }
  return [...found.values()];
}

async function macos(deps: InspectDeps): Promise<Found[]> {
  const roots = ['/Applications', path.join(deps.homedir, 'Applications'), '/System/Applications', '/System/Cryptexes/App/System/Applications'];
  const out: Found[] = [];
  await Promise.all(MAC_APPS.map(async ([id, app]) => {
    for (const root of roots) {
      const plist = path.join(root, app, 'Contents/Info.plist');
      if (!(await deps.exists(plist))) continue;
      const r = await memoByFile(deps, plist, 'plutil', () => deps.exec('plutil', ['-extract', 'CFBundleShortVersionString', 'raw', '-o', '-', plist], { timeoutMs: 2000 }));
      out.push({ id, name: NAMES[id], version: r.ok ? versionIn(r.stdout) : null, path: path.join(root, app), via: 'app-bundle' });
      return;
    }
  }));
  return out;
}

async function windows(deps: InspectDeps): Promise<Found[]> {
  const roots = [deps.env.ProgramFiles, deps.env['ProgramFiles(x86)'], deps.env.LOCALAPPDATA].filter((x): x is string => Boolean(x));
  const out: Found[] = [];
  await Promise.all(WIN_APPS.map(async ([id, folder, exe]) => {
    for (const root of roots) {
      const dir = path.win32.join(root, folder);
      if (!(await deps.exists(path.win32.join(dir, exe)))) continue;
      let version: string | null = null;
      if (id === 'firefox') {
        const ini = await deps.readFile(path.win32.join(dir, 'application.ini')).catch(() => '');
        version = /^Version=(.+)$/m.exec(ini)?.[1]?.trim() ?? null;
      } else {
        const versions = (await deps.readDir(dir).catch(() => [] as string[])).filter((d) => /^\d+(\.\d+)+$/.test(d));
        version = versions.sort((a, b) => compareVersions(b, a))[0] ?? null;
      }
      out.push({ id, name: NAMES[id], version, path: path.win32.join(dir, exe), via: 'known-path' });
      return;
    }
  }));
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
