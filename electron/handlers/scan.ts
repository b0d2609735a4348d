// Main-process implementation of ScanApi (shared/api/scan.ts). Plain Node, tested without Electron.
// A scan streams: as each fact area lands, the checks that read only landed areas are evaluated
// and sent to the window, so the learner watches results arrive instead of a spinner. The steps
// themselves (inspect -> evaluate) are shared/pipeline.ts, the same the headless command runs.
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import type { scanInvoke } from '../../shared/api/scan';
import { isLanguage } from '../../shared/i18n';
import { allProfiles, requireProfile, summarizeProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import type { PolicyState } from '../../shared/policy/schema';
import { judgeDevices, rerunCheck, scanMachine, type ScanOptions as PipelineOptions } from '../../shared/pipeline';
import { DeviceMeasurementsSchema } from '../../shared/devices/measurements';
import type { ScanResult } from '../../shared/scan';
import type { CheckResult } from '../../shared/check';
import { inspectMachine, type InspectDeps } from '../inspect';
import { realDeps } from '../inspect/deps';
import type { HandlerContext } from './context';
import { logScan } from '../log/scan-log';

export type ScanHandlers = Pick<Handlers, keyof typeof scanInvoke>;

export interface ScanOptions {
  /** extra (admin-provided) profiles */
  extraProfiles?: Profile[];
  /** network checks turned off by policy (the endpoints are then never timed) */
  networkChecks?: boolean;
  /** the admin policy as loaded at start-up (shown on the About screen) */
  policy?: PolicyState;
  /** inspector dependencies (tests pass fakes; default: this machine) */
  inspectDeps?: InspectDeps;
  /** the displays as the app's window sees them (Electron's screen API; the desktop app only) */
  windowDisplays?: InspectDeps['windowDisplays'];
  /** facts collected elsewhere instead of probing (tests: machines we do not have, judged as the window judges them) */
  inspect?: PipelineOptions['inspect'];
}

const ProfileId = z.string().min(1).max(100);
const CheckId = z.string().regex(/^[a-z0-9.-]{1,100}$/);

export function createScanHandlers(ctx: HandlerContext, opts: ScanOptions = {}) {
  const extra = opts.extraProfiles ?? [];
  const base = opts.inspectDeps ?? realDeps();
  const deps = opts.windowDisplays ? { ...base, windowDisplays: opts.windowDisplays } : base;
  /** the latest scan per profile: re-running one check updates it; reports are built from it */
  const latest = new Map<string, ScanResult>();
  // Issue 26: the network is contacted only when the learner asks, and in the window they ask by
  // running the network test. So a scan (or a re-run check) never times the profile's endpoints;
  // the network test does (timeEndpoints below), as `check --network` does headless.
  const pipeline: PipelineOptions = {
    inspect: opts.inspect ?? ((req, call) => inspectMachine(req, { ...call, deps, appVersion: ctx.appVersion, now: () => new Date(ctx.now()) })),
    networkChecks: false,
    now: () => new Date(ctx.now()),
  };
  const ENDPOINTS = 'network.endpoints';

  const profileOrThrow = (raw: unknown): Profile => {
    return requireProfile(ProfileId.parse(raw), extra);
  };

  const handlers: ScanHandlers = {
    async listProfiles(lang: unknown) {
      const l = isLanguage(lang) ? lang : 'en';
      const today = new Date(ctx.now()).toISOString().slice(0, 10);
      return allProfiles(extra).map((p) => summarizeProfile(p, l, extra.includes(p) ? 'policy' : 'builtin', today));
    },

    async runScan(profileId: unknown) {
      const profile = profileOrThrow(profileId);
      const scan = await scanMachine(profile, { ...pipeline, onResults: (rs) => ctx.emit('onScanProgress', rs) });
      if (ctx.log) logScan(ctx.log, profile.id, scan.facts, Date.parse(scan.finishedAt) - Date.parse(scan.startedAt));
      latest.set(profile.id, scan);
      return scan;
    },

    async appInfo() {
      return { version: ctx.appVersion, policy: opts.policy ?? null };
    },

    async deviceRequirements(profileId: unknown) {
      const { camera, microphone, speakers } = profileOrThrow(profileId).requirements ?? {};
      return { camera: camera ?? null, microphone: microphone ?? null, speakers: speakers ?? null };
    },

    async judgeDevices(profileId: unknown, measurements: unknown) {
      const profile = profileOrThrow(profileId);
      // the latest system check's OS switches explain a camera or microphone that would not open
      return judgeDevices(profile, DeviceMeasurementsSchema.parse(measurements), latest.get(profile.id)?.facts);
    },

    async rerunCheck(profileId: unknown, checkId: unknown) {
      const profile = profileOrThrow(profileId);
      const { result, scan } = await rerunCheck(profile, CheckId.parse(checkId), latest.get(profile.id), pipeline);
      if (scan) latest.set(profile.id, scan);
      return result;
    },
  };
  /**
   * Times the exam's endpoints (through the measurement's address guard, deps.head) and updates the
   * kept scan's endpoint check; called when the learner runs the network test. Nothing is contacted
   * when the policy turns network checks off, when the exam lists no endpoints, or before a scan
   * (there is no check to update). The new result is sent like a scan's progress.
   */
  const timeEndpoints = async (profile: Profile): Promise<CheckResult | null> => {
    const previous = latest.get(profile.id);
    if (opts.networkChecks === false || !previous || !profile.requirements.network?.endpoints?.length) return null;
    const { result, scan } = await rerunCheck(profile, ENDPOINTS, previous, { ...pipeline, networkChecks: true });
    // a scan started meanwhile replaced the kept one: it wins (its endpoint check says to run the test)
    if (scan && latest.get(profile.id) === previous) {
      latest.set(profile.id, scan);
      ctx.emit('onScanProgress', [result]);
    }
    return result;
  };
  return { handlers, latestScan: (id: string) => latest.get(id), timeEndpoints };
}
