// Displays: count, resolution, built-in panel vs external monitor where the OS says.
import type { Facts } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { nonEmpty, probeOk } from './probe';

export async function collectDisplays(deps: InspectDeps): Promise<Facts['displays']> {
  const t0 = performance.now();
  const g = await deps.si.graphics();
  return {
    probe: probeOk(t0),
    displays: g.displays.map((d) => ({
      model: nonEmpty(d.model),
      width: d.currentResX || d.resolutionX || null,
      height: d.currentResY || d.resolutionY || null,
      internal: typeof d.builtin === 'boolean' ? d.builtin : null,
      main: typeof d.main === 'boolean' ? d.main : null,
      refreshHz: d.currentRefreshRate || null,
    })),
  };
}
