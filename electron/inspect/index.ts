// inspectMachine: every collector in parallel, each under its own timeout, the whole scan under one
// deadline. A collector that fails or hangs costs its timeout and yields facts whose probe says so
// (evaluated as `unknown`), never a stuck scan.
import { devicesNotMeasured, FACTS_SCHEMA_VERSION, FACT_AREAS, type FactArea, type Facts, type InspectRequest } from '../../shared/facts';
import { realDeps, sharedCalls, type InspectDeps } from './deps';
import { withTimeout } from './exec';
import { emptyArea } from './probe';
import { collectOs } from './os';
import { collectDevice } from './device';
import { collectMediaAccess } from './media-access';
import { collectDisplays } from './displays';
import { collectVirtualization } from './virtualization';
import { collectProcesses } from './processes';
import { collectBrowsers } from './browsers';
import { collectSoftware } from './software';
import { collectNetwork } from './network';
import { collectOsState } from './os-state';
import packageJson from '../../package.json';

export type { InspectDeps } from './deps';

/** Per-area time limits: program probes (browsers, Python, R) get more room than library calls. */
export const AREA_TIMEOUT_MS: Record<FactArea, number> = {
  os: 3000,
  device: 3000,
  displays: 3000,
  virtualization: 3000,
  processes: 4000,
  browsers: 6000,
  software: 8000,
  network: 4000,
  // Windows' licensing query (asked only by profiles that check activation) can take seconds
  osState: 7000,
  // measured in the app's window, never by the inspectors: nothing to wait for
  devices: 100,
};
export const SCAN_DEADLINE_MS = 10_000;

type Collector<A extends FactArea> = (req: InspectRequest, deps: InspectDeps) => Promise<Facts[A]>;
const COLLECTORS: { [A in FactArea]: Collector<A> } = {
  os: (_r, d) => collectOs(d),
  // the OS camera/microphone switches travel with the device facts (into the report), collected alongside
  device: async (_r, d) => {
    const [device, mediaAccess] = await Promise.all([collectDevice(d, d.dataDir ?? d.homedir), collectMediaAccess(d).catch(() => undefined)]);
    return mediaAccess ? { ...device, mediaAccess } : device;
  },
  displays: (_r, d) => collectDisplays(d),
  virtualization: (_r, d) => collectVirtualization(d),
  processes: (_r, d) => collectProcesses(d),
  browsers: (_r, d) => collectBrowsers(d),
  software: collectSoftware,
  network: collectNetwork,
  osState: (r, d) => collectOsState(r.osStates ?? [], d),
  // the window measures the camera, microphone and speakers; a scan (and the CLI) starts with none
  devices: async () => devicesNotMeasured(),
};

export interface InspectOptions {
  deps?: InspectDeps;
  deadlineMs?: number;
  timeouts?: Partial<Record<FactArea, number>>;
  /** called as each area lands, for streaming results to the window */
  onArea?: <A extends FactArea>(area: A, facts: Facts[A]) => void;
  /** collect only these areas; the others are taken from `previous` (re-running one check) */
  areas?: readonly FactArea[];
  previous?: Facts;
  appVersion?: string;
  now?: () => Date;
  /** the app's data folder (free space is measured on its volume) */
  dataDir?: string;
}

export async function collectArea<A extends FactArea>(area: A, req: InspectRequest, deps: InspectDeps, timeoutMs = AREA_TIMEOUT_MS[area]): Promise<Facts[A]> {
  const t0 = performance.now();
  const failed = (status: 'error' | 'timeout', error: string) => emptyArea(area, { status, error, durationMs: Math.round(performance.now() - t0) });
  const work = (COLLECTORS[area] as Collector<A>)(req, deps).catch((err: unknown) => failed('error', err instanceof Error ? err.message : String(err)));
  return withTimeout(work, timeoutMs, () => failed('timeout', `no answer within ${timeoutMs} ms`));
}

export async function inspectMachine(req: InspectRequest, opts: InspectOptions = {}): Promise<Facts> {
  const base = opts.deps ?? realDeps();
  const deps = sharedCalls(opts.dataDir ? { ...base, dataDir: opts.dataDir } : base);
  const areas = opts.areas ?? FACT_AREAS;
  const deadline = opts.deadlineMs ?? SCAN_DEADLINE_MS;
  const collected = await Promise.all(
    areas.map(async (area) => {
      const timeout = Math.min(opts.timeouts?.[area] ?? AREA_TIMEOUT_MS[area], deadline);
      const facts = await collectArea(area, req, deps, timeout);
      opts.onArea?.(area, facts);
      return [area, facts] as const;
    }),
  );
  await deps.cache.flush();
  const byArea = Object.fromEntries(collected) as Partial<Pick<Facts, FactArea>>;
  const notRun = (area: FactArea) => opts.previous?.[area] ?? emptyArea(area, { status: 'error', error: 'not collected in this run', durationMs: 0 });
  const pick = <A extends FactArea>(area: A): Facts[A] => (byArea[area] as Facts[A] | undefined) ?? (notRun(area) as Facts[A]);
  return {
    schemaVersion: FACTS_SCHEMA_VERSION,
    collectedAt: (opts.now?.() ?? new Date()).toISOString(),
    appVersion: opts.appVersion ?? packageJson.version,
    os: pick('os'),
    device: pick('device'),
    displays: pick('displays'),
    virtualization: pick('virtualization'),
    processes: pick('processes'),
    browsers: pick('browsers'),
    software: pick('software'),
    network: pick('network'),
    osState: pick('osState'),
    devices: pick('devices'),
  };
}
