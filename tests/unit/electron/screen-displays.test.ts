// The window's displays (Electron's screen module, faked) reach the scan's facts, and the rules
// tell one screen from a mirrored or an extended second one.
import { describe, expect, it } from 'vitest';
import { windowDisplays, windowDisplaysReader, type DisplayLike } from '../../../electron/main/screen-displays';
import { createScanHandlers } from '../../../electron/handlers/scan';
import { fakeDeps } from '../inspect/fake-deps';

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2, internal: true, touchSupport: 'unavailable' };
const monitor: DisplayLike = { id: 7, bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, scaleFactor: 1, internal: false, touchSupport: 'available' };

describe("the window's displays", () => {
  it('maps Electron displays: built-in or external, position, scale, touch, which is primary', () => {
    const screen = { getAllDisplays: () => [laptop, monitor], getPrimaryDisplay: () => ({ id: 7 }) };
    expect(windowDisplays(screen)).toEqual([
      { id: 1, width: 1440, height: 900, x: 0, y: 0, scaleFactor: 2, internal: true, touch: 'unavailable', primary: false },
      { id: 7, width: 2560, height: 1440, x: 1440, y: 0, scaleFactor: 1, internal: false, touch: 'available', primary: true },
    ]);
    // older Electron without `internal`/`touchSupport`: not built-in, touch unknown
    expect(windowDisplays({ getAllDisplays: () => [{ id: 2, bounds: laptop.bounds, scaleFactor: 1 }], getPrimaryDisplay: () => ({ id: 2 }) })[0]).toMatchObject(
      { internal: false, touch: 'unknown', primary: true },
    );
  });

  it('reach the scan: an extended second screen and a touch screen warn, scale from the primary display', async () => {
    const screen = { getAllDisplays: () => [laptop, monitor], getPrimaryDisplay: () => ({ id: 1 }) };
    const { handlers } = createScanHandlers(
      { dataDir: '/nonexistent', appVersion: '9.9.9', emit: () => {}, now: () => Date.parse('2026-11-20T10:00:00Z') },
      { inspectDeps: fakeDeps({ platform: 'linux' }), networkChecks: false, windowDisplays: windowDisplaysReader(screen) },
    );
    const scan = await handlers.runScan('mitx-pom-final');
    expect(scan.facts.osState.windowDisplays?.displays).toHaveLength(2);
    const r = Object.fromEntries(scan.results.map((x) => [x.id, x]));
    expect(r['osstate.displaymode']).toMatchObject({ status: 'warn', observed: { key: 'osstate:displaymode.observed.extended' } });
    expect(r['osstate.touch']).toMatchObject({ status: 'warn' });
    expect(r['osstate.scaling']).toMatchObject({ status: 'warn', observed: { params: { percent: 200 } } });
  });

  it('without a window (the command line, the browser harness) the display mode is unknown, never a pass', async () => {
    const { handlers } = createScanHandlers(
      { dataDir: '/nonexistent', appVersion: '9.9.9', emit: () => {}, now: () => Date.parse('2026-11-20T10:00:00Z') },
      { inspectDeps: fakeDeps({ platform: 'linux' }), networkChecks: false },
    );
    const scan = await handlers.runScan('mitx-pom-final');
    expect(scan.results.find((x) => x.id === 'osstate.displaymode')).toMatchObject({ status: 'unknown', fix: { key: 'osstate:displaymode.fix.noWindow' } });
  });
});
