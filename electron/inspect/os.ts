// Operating system: platform, name, version, build, architecture, kernel.
import type { Facts, Platform } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { osRelease } from './linux';
import { nonEmpty, probeOk } from './probe';

export function platformOf(siPlatform: string, distro: string): Platform {
  const p = siPlatform.toLowerCase();
  if (p === 'windows' || p === 'win32') return 'windows';
  if (p === 'darwin') return 'macos';
  if (p === 'android' || /android/i.test(distro)) return 'android';
  if (/ipados/i.test(distro)) return 'ipados';
  if (p === 'ios' || /\bios\b/i.test(distro)) return 'ios';
  if (/chrome ?os/i.test(distro)) return 'chromeos';
  if (p === 'linux') return 'linux';
  return 'other';
}

/**
 * Windows names from the NT version: "5.1" is XP (the seeds reject it), "6.1" is 7, and 10 and 11
 * share "10.0" — build 22000 and later is 11. The build is the third part of the release.
 */
export function windowsName(release: string, reported: string | null): { name: string | null; build: string | null } {
  const [major, minor, build] = release.split('.');
  const nt = `${major}.${minor}`;
  const names: Record<string, string> = {
    '5.0': 'Windows 2000',
    '5.1': 'Windows XP',
    '5.2': 'Windows XP x64 / Server 2003',
    '6.0': 'Windows Vista',
    '6.1': 'Windows 7',
    '6.2': 'Windows 8',
    '6.3': 'Windows 8.1',
  };
  let name = reported ?? names[nt] ?? null;
  if (nt === '10.0' && build) name = Number(build) >= 22000 ? (reported ?? 'Windows 11').replace(/Windows 10/, 'Windows 11') : (reported ?? 'Windows 10');
  return { name, build: build ?? null };
}

const MACOS_NAMES: Record<string, string> = {
  '10.13': 'High Sierra',
  '10.14': 'Mojave',
  '10.15': 'Catalina',
  '11': 'Big Sur',
  '12': 'Monterey',
  '13': 'Ventura',
  '14': 'Sonoma',
  '15': 'Sequoia',
  '26': 'Tahoe',
};
export function macosName(version: string, codename: string | null): string {
  const [a, b] = version.split('.');
  // systeminformation says 'Sonoma' for 14.x, 'OS X Yosemite' for 10.10: keep only the name
  const known = (codename ?? '').replace(/^(mac ?os|os x)\s*/i, '') || MACOS_NAMES[a === '10' ? `${a}.${b}` : (a ?? '')] || '';
  return `macOS ${known || version}`.trim();
}

async function linuxOs(deps: InspectDeps, t0: number): Promise<Facts['os']> {
  const rel = await osRelease(deps);
  const distro = nonEmpty(rel?.NAME) ?? 'Linux';
  const platform = platformOf('linux', `${distro} ${rel?.ID ?? ''}`);
  return {
    probe: probeOk(t0, rel ? undefined : 'os-release not readable'),
    platform,
    name: nonEmpty(rel?.PRETTY_NAME) ?? distro,
    distro,
    version: nonEmpty(rel?.VERSION_ID),
    build: nonEmpty(rel?.BUILD_ID),
    arch: nonEmpty(deps.host.arch()),
    kernel: nonEmpty(deps.host.release()),
    mobile: platform === 'android',
  };
}

export async function collectOs(deps: InspectDeps): Promise<Facts['os']> {
  const t0 = performance.now();
  if (deps.platform === 'linux') return linuxOs(deps, t0);
  const o = await deps.si.osInfo();
  const platform = platformOf(o.platform || deps.platform, o.distro ?? '');
  const win = platform === 'windows' ? windowsName(o.release ?? '', nonEmpty(o.distro)) : null;
  return {
    probe: probeOk(t0),
    platform,
    name: platform === 'macos' ? macosName(o.release ?? '', nonEmpty(o.codename)) : win ? win.name : nonEmpty(o.distro),
    distro: nonEmpty(o.distro),
    version: nonEmpty(o.release),
    build: nonEmpty(o.build) ?? win?.build ?? null,
    arch: nonEmpty(o.arch),
    kernel: nonEmpty(o.kernel),
    mobile: platform === 'android' || platform === 'ios' || platform === 'ipados',
  };
}
