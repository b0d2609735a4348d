// Displays: count, resolution, built-in panel vs external monitor where the OS says.
import type { Facts } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { drmDisplays } from './linux';
import { nonEmpty, probeOk } from './probe';

type Display = Facts['displays']['displays'][number];

/**
 * Linux: the kernel's display connectors (/sys/class/drm) say what is plugged in and which panel
 * is built in (eDP/LVDS/DSI), in a millisecond. Only without them (proprietary drivers, X over the
 * network) is systeminformation asked, which runs lspci and xrandr; with neither connectors nor a
 * graphical session there is no display to find, and an empty list evaluates as unknown.
 */
async function linux(deps: InspectDeps, t0: number): Promise<Facts['displays'] | null> {
  const drm = await drmDisplays(deps);
  if (drm) {
    return {
      probe: probeOk(t0),
      displays: drm.map((d) => ({
        model: d.connector,
        width: d.width,
        height: d.height,
        internal: d.internal,
        main: drm.length === 1 ? true : null,
        refreshHz: null,
      })),
    };
  }
  if (!deps.env.DISPLAY && !deps.env.WAYLAND_DISPLAY) return { probe: probeOk(t0, 'no display connectors and no graphical session'), displays: [] };
  return null;
}

export async function collectDisplays(deps: InspectDeps): Promise<Facts['displays']> {
  const t0 = performance.now();
  if (deps.platform === 'linux') {
    const found = await linux(deps, t0);
    if (found) return found;
  }
  const g = await deps.si.graphics();
  return {
    probe: probeOk(t0),
    displays: g.displays.map((d): Display => ({
      model: nonEmpty(d.model),
      width: d.currentResX || d.resolutionX || null,
      height: d.currentResY || d.resolutionY || null,
      internal: typeof d.builtin === 'boolean' ? d.builtin : null,
      main: typeof d.main === 'boolean' ? d.main : null,
      refreshHz: d.currentRefreshRate || null,
    })),
  };
}
