// Operating system: platform, name, version, build, architecture, kernel.
import type { Facts, Platform } from '../../shared/facts';
import type { InspectDeps } from './deps';
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

export async function collectOs(deps: InspectDeps): Promise<Facts['os']> {
  const t0 = performance.now();
  const o = await deps.si.osInfo();
  const platform = platformOf(o.platform || deps.platform, o.distro ?? '');
  return {
    probe: probeOk(t0),
    platform,
    name: nonEmpty(platform === 'macos' ? `macOS ${o.codename || ''}`.trim() : o.distro),
    distro: nonEmpty(o.distro),
    // Windows reports release "10.0.22631" for both 10 and 11 (build tells them apart); XP is 5.1.
    version: nonEmpty(o.release),
    build: nonEmpty(o.build),
    arch: nonEmpty(o.arch),
    kernel: nonEmpty(o.kernel),
    mobile: platform === 'android' || platform === 'ios' || platform === 'ipados',
  };
}
