// Camera and microphone access as the operating system sees it:
// - Windows: the privacy switches (CapabilityAccessManager ConsentStore "Value" Allow/Deny for the
//   whole computer, for apps, for desktop apps) and the programs using the device now (a
//   LastUsedTimeStop of 0), read with reg.exe;
// - macOS: this app's permission (Electron's systemPreferences.getMediaAccessStatus, passed in by
//   the main process: the CLI has no Electron and says so);
// - Linux: the /dev/video* nodes and whether the user is in the group that owns them.
import path from 'node:path';
import type { InspectDeps } from './deps';
import { parseRegOutput, regOutcome, runRegQuery } from '../storage/reg-query';
import { unknownAccess, type AccessState, type DeviceAccess, type MediaAccess } from '../../shared/devices/media-access';

const CONSENT = 'Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore';
/** ConsentStore's names for the two devices */
const STORE_KEY = { camera: 'webcam', microphone: 'microphone' } as const;

export interface RegKey {
  key: string;
  values: Record<string, { type: string; data: string }>;
}

/**
 * `reg query … /s` output as keys with their values (names lower-cased). Lines: a key path at
 * column 0, then indented "    Name    REG_TYPE    data" (four-space separated), a blank line
 * between keys (storage/reg-query.ts reads them).
 */
export function parseRegTree(stdout: string): RegKey[] {
  return parseRegOutput(stdout).map((k) => {
    const values = Object.create(null) as RegKey['values'];
    for (const [name, v] of k.values) values[name.toLowerCase()] = v;
    return { key: k.key, values };
  });
}

const state = (v: string | undefined): AccessState => (v === undefined ? 'unknown' : /^allow$/i.test(v) ? 'allowed' : /^deny$/i.test(v) ? 'denied' : 'unknown');

/** A ConsentStore subkey as a program name a learner recognises, without folders (no user names). */
export function appNameOfKey(name: string): string {
  // desktop apps: the path with # for \ ("C:#Program Files#Zoom#bin#Zoom.exe"); Store apps: "Publisher.App_hash"
  if (name.includes('#')) return path.win32.basename(name.replace(/#/g, '\\'));
  return name.replace(/_[a-z0-9]{13}$/i, '');
}

/** One device's state from the HKLM value and the HKCU tree. */
export function windowsAccess(hklm: RegKey[] | null, hkcu: RegKey[] | null, device: 'camera' | 'microphone'): DeviceAccess {
  const base = `${CONSENT}\\${STORE_KEY[device]}`.toLowerCase();
  const rel = (k: RegKey) => {
    const i = k.key.toLowerCase().indexOf(base);
    return i < 0 ? null : k.key.slice(i + base.length).replace(/^\\/, '');
  };
  const find = (tree: RegKey[] | null, sub: string) => tree?.find((k) => rel(k)?.toLowerCase() === sub.toLowerCase()) ?? null;
  const inUseBy: string[] = [];
  for (const k of hkcu ?? []) {
    const r = rel(k);
    if (!r) continue;
    const app = r.startsWith('NonPackaged\\') ? r.slice('NonPackaged\\'.length) : r.includes('\\') ? null : r;
    if (!app || app === 'NonPackaged') continue;
    const start = k.values['lastusedtimestart']?.data;
    const stop = k.values['lastusedtimestop']?.data;
    // Windows writes a start time when a program opens the device and the stop time when it lets go
    if (stop !== undefined && /^0x0+$/i.test(stop) && start !== undefined && !/^0x0+$/i.test(start)) inUseBy.push(appNameOfKey(app));
  }
  const system = hklm ? state(find(hklm, '')?.values['value']?.data) : 'unknown';
  return {
    system,
    apps: hkcu ? state(find(hkcu, '')?.values['value']?.data) : 'unknown',
    desktopApps: hkcu ? state(find(hkcu, 'NonPackaged')?.values['value']?.data) : 'unknown',
    inUseBy: [...new Set(inUseBy)].slice(0, 50),
    note: hklm && hkcu ? null : 'reg.exe could not read the privacy settings',
  };
}

/**
 * The keys under `key`; [] when reg.exe says it does not exist (exit status 1: a switch never set on
 * a fresh account — its message is in the Windows language, so it is not read); null when reg.exe
 * could not be run or did not answer.
 */
async function regTree(deps: InspectDeps, key: string, recurse: boolean): Promise<RegKey[] | null> {
  const program = path.win32.join(deps.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  const r = regOutcome(await runRegQuery(deps.exec, [key, ...(recurse ? ['/s'] : [])], { timeoutMs: 2500, program }));
  return r.state === 'found' ? parseRegTree(r.text) : r.state === 'absent' ? [] : null;
}

async function collectWindows(deps: InspectDeps): Promise<MediaAccess> {
  const [camLm, camCu, micLm, micCu] = await Promise.all([
    regTree(deps, `HKLM\\${CONSENT.replace('Software', 'SOFTWARE')}\\webcam`, false),
    regTree(deps, `HKCU\\${CONSENT}\\webcam`, true),
    regTree(deps, `HKLM\\${CONSENT.replace('Software', 'SOFTWARE')}\\microphone`, false),
    regTree(deps, `HKCU\\${CONSENT}\\microphone`, true),
  ]);
  return { camera: windowsAccess(camLm, camCu, 'camera'), microphone: windowsAccess(micLm, micCu, 'microphone'), linux: null };
}

/** Electron's answer ('granted' | 'denied' | 'restricted' | 'not-determined' | 'unknown') as ours. */
export function macAccess(status: string | null): DeviceAccess {
  if (status === null) return unknownAccess('only the desktop app can read its own camera and microphone permission');
  const map: Record<string, AccessState> = { granted: 'allowed', denied: 'denied', restricted: 'restricted', 'not-determined': 'not-determined' };
  const s = map[status] ?? 'unknown';
  return { system: s, apps: null, desktopApps: null, inUseBy: [], note: s === 'unknown' ? `macOS answered "${status.slice(0, 40)}"` : null };
}

async function collectLinux(deps: InspectDeps): Promise<MediaAccess> {
  const note = "Linux has no system-wide camera switch; the browser's answer decides";
  const dev = await deps.readDir('/dev').catch(() => null);
  const videoDevices = (dev ?? [])
    .filter((n) => /^video\d{1,3}$/.test(n))
    .sort()
    .map((n) => `/dev/${n}`);
  let group: string | null = null;
  let inVideoGroup: boolean | null = null;
  if (videoDevices[0]) {
    const [owner, mine] = await Promise.all([
      deps.exec('stat', ['-c', '%G', videoDevices[0]], { timeoutMs: 1500 }),
      deps.exec('id', ['-Gn'], { timeoutMs: 1500 }),
    ]);
    group = owner.ok ? owner.stdout.trim().slice(0, 64) || null : null;
    if (group && mine.ok) inVideoGroup = mine.stdout.trim().split(/\s+/).includes(group);
  }
  const access: DeviceAccess = {
    ...unknownAccess(note),
    system: dev === null ? 'unknown' : videoDevices.length ? (inVideoGroup === false ? 'denied' : 'allowed') : 'unknown',
  };
  return {
    camera: dev === null ? unknownAccess('could not list /dev') : access,
    microphone: unknownAccess(note),
    linux: dev === null ? null : { videoDevices, inVideoGroup, group },
  };
}

export async function collectMediaAccess(deps: InspectDeps): Promise<MediaAccess> {
  if (deps.platform === 'win32') return collectWindows(deps);
  if (deps.platform === 'darwin') {
    const ask = (t: 'camera' | 'microphone') => {
      try {
        return deps.systemPreferences ? deps.systemPreferences.getMediaAccessStatus(t) : null;
      } catch {
        return 'unknown';
      }
    };
    return { camera: macAccess(ask('camera')), microphone: macAccess(ask('microphone')), linux: null };
  }
  if (deps.platform === 'linux') return collectLinux(deps);
  const none = unknownAccess(`not collected on ${deps.platform}`);
  return { camera: none, microphone: none, linux: null };
}
