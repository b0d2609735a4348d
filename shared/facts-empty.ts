// The "empty" facts of an area that was not collected: every value null or none, and the probe
// saying why. Evaluating them gives `unknown` with the reason (or, for devices, no result), never a
// crash or a made-up pass. The inspectors use them for a collector that failed; the pipeline to judge
// devices measured before any system check ran.
import { devicesNotMeasured, FACTS_SCHEMA_VERSION, FACT_AREAS, type FactArea, type Facts, type Probe } from './facts';

export function emptyArea<A extends FactArea>(area: A, probe: Probe): Facts[A] {
  const empty: { [K in FactArea]: Omit<Facts[K], 'probe'> } = {
    os: { platform: 'other', name: null, distro: null, version: null, build: null, arch: null, kernel: null, mobile: false },
    device: {
      manufacturer: null,
      model: null,
      chassis: null,
      formFactor: 'unknown',
      serial: null,
      cpu: { manufacturer: null, brand: null, cores: null, physicalCores: null, speedGHz: null },
      memory: { totalBytes: null, availableBytes: null },
      disk: { path: null, freeBytes: null, totalBytes: null },
      battery: { present: null, onAC: null, percent: null },
      hostname: null,
      username: null,
    },
    displays: { displays: [] },
    virtualization: { isVirtual: null, confidence: 'none', kind: null, container: false, signals: [] },
    processes: { names: [] },
    browsers: { browsers: [] },
    software: { python: [], r: [], pythonPackagesAsked: [] },
    network: { interfaces: [], defaultInterface: null, defaultGateway: null, proxy: [], endpoints: [] },
    osState: {},
    devices: {},
  };
  // the devices area is never "failed": nothing measured yet is its empty state
  if (area === 'devices') return devicesNotMeasured() as Facts[A];
  return { ...empty[area], probe } as Facts[A];
}

/** Facts of a machine none of whose areas was collected (`reason` says why), with no device measured. */
export function factsNotCollected(reason: string, meta: Pick<Facts, 'collectedAt' | 'appVersion'>): Facts {
  const probe: Probe = { status: 'error', error: reason, durationMs: 0 };
  const areas = Object.fromEntries(FACT_AREAS.map((a) => [a, emptyArea(a, probe)])) as Pick<Facts, FactArea>;
  return { schemaVersion: FACTS_SCHEMA_VERSION, ...meta, ...areas };
}
