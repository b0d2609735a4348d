// Operating-system states (sleep timeouts, a pending restart, notifications, S mode, a Remote
// Desktop or Wayland session …): only the states the profile asks about are probed — a profile that
// asks nothing costs nothing. Each platform has its own collector; the displays as the app's window
// sees them (Electron's screen API, passed in as deps.windowDisplays) are merged in here: the window
// is the better witness of touch support and display scaling, so its answer wins where it has one.
import { OS_STATE_REASONS, type Facts, type OsStateId, type WindowDisplay } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { probeOk } from './probe';
import { windowsStates, type OsStateFields } from './os-state-windows';
import { macStates } from './os-state-mac';
import { linuxStates } from './os-state-linux';

const NO_WINDOW = OS_STATE_REASONS.noWindow;

/** Touch and scale as the window sees them: any touch display means a touch screen; the primary display's scale. */
export function fromWindow(displays: readonly WindowDisplay[]): Pick<OsStateFields, 'touchScreen' | 'scalePercent'> {
  const via = 'window (screen API)';
  const touch = displays.some((d) => d.touch === 'available') ? true : displays.length > 0 && displays.every((d) => d.touch === 'unavailable') ? false : null;
  const primary = displays.find((d) => d.primary) ?? displays[0];
  return {
    touchScreen: touch === null ? { value: null, via, reason: 'the window did not say whether its displays support touch' } : { value: touch, via },
    scalePercent: primary
      ? {
          value: Math.round(primary.scaleFactor * 100),
          via,
          details: displays.map((d) => `${d.width}×${d.height} @${Math.round(d.scaleFactor * 100)}%${d.internal ? ' (built-in)' : ''}`),
        }
      : { value: null, via, reason: 'the window reported no display' },
  };
}

export async function collectOsState(asked: readonly OsStateId[], deps: InspectDeps): Promise<Facts['osState']> {
  const t0 = performance.now();
  const want = new Set(asked);
  if (!want.size) return { probe: probeOk(t0) };
  const platform = deps.platform === 'win32' ? windowsStates : deps.platform === 'darwin' ? macStates : deps.platform === 'linux' ? linuxStates : null;
  const [states, window] = await Promise.all([
    platform ? platform(want, deps) : Promise.resolve({} as OsStateFields),
    want.has('windowDisplays') || want.has('touchScreen') || want.has('displayScaling')
      ? (deps.windowDisplays?.().then(
          (d) => ({ displays: d }),
          (err: unknown) => ({ displays: null, reason: err instanceof Error ? err.message : String(err) }),
        ) ?? Promise.resolve({ displays: null, reason: NO_WINDOW }))
      : Promise.resolve(null),
  ]);
  const out: Facts['osState'] = { probe: probeOk(t0), ...states };
  if (window?.displays) {
    const seen = fromWindow(window.displays);
    if (want.has('touchScreen') && seen.touchScreen?.value !== null) out.touchScreen = seen.touchScreen;
    if (want.has('displayScaling') && seen.scalePercent?.value !== null) out.scalePercent = seen.scalePercent;
  }
  if (want.has('windowDisplays') && window)
    out.windowDisplays = window.displays ? { displays: window.displays } : { displays: null, reason: 'reason' in window ? window.reason : NO_WINDOW };
  // states this platform has no collector for are left out: the rules say "not applicable" or "not collected"
  return out;
}
