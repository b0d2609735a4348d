// The displays as the app's window sees them, from Electron's screen module (passed in, so this is
// tested with a fake): built-in or external, where each sits, its scale factor and touch support.
// The OS-state collector merges them with the inspector's own display facts (shared/rules/os-state.ts
// tells mirrored from extended from the two).
import type { WindowDisplay } from '../../shared/facts';

/** The slice of Electron's Display we read. */
export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
  internal?: boolean;
  touchSupport?: 'available' | 'unavailable' | 'unknown';
}
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): { id: number };
}

export function windowDisplays(screen: ScreenLike): WindowDisplay[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({
    id: d.id,
    width: d.bounds.width,
    height: d.bounds.height,
    x: d.bounds.x,
    y: d.bounds.y,
    scaleFactor: d.scaleFactor,
    internal: d.internal === true,
    touch: d.touchSupport ?? 'unknown',
    primary: d.id === primary,
  }));
}

/** For the scan handlers: the screen module is only usable once the app is ready, so it is read on demand. */
export const windowDisplaysReader = (screen: ScreenLike) => async (): Promise<WindowDisplay[]> => windowDisplays(screen);
