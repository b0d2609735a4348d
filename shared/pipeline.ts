// The one pipeline every front end runs: inspect -> evaluate -> report. The headless command and the
// app's handlers both call these, so a check judged in the CLI and in the window is judged by the
// same steps in the same order. Inspecting touches the OS, so it is passed in (electron/inspect in
// the app and the CLI, fakes in tests); everything else here is pure.
import { msg, type CheckResult } from './check';
import { MessageError } from './errors';
import type { FactArea, Facts, InspectRequest } from './facts';
import { inspectRequestFor } from './profile/load';
import type { Profile } from './profile/schema';
import { areasForCheck, CHECKS, DEVICE_CHECK_IDS, evaluate } from './rules';
import type { DeviceMeasurements } from './devices/measurements';
import { factsNotCollected } from './facts-empty';
import { buildReport, type Report, type ReportInput } from './report/model';
import type { ScanResult } from './scan';

export interface InspectCall {
  /** collect only these areas; the others come from `previous` */
  areas?: readonly FactArea[];
  previous?: Facts;
  /** called as each area lands */
  onArea?: <A extends FactArea>(area: A, facts: Facts[A]) => void;
}

/** Collects the facts of this machine (electron/inspect's inspectMachine with its deps bound). */
export type Inspect = (req: InspectRequest, call: InspectCall) => Promise<Facts>;

export interface ScanOptions {
  inspect: Inspect;
  /** network checks turned off by the admin's policy */
  networkChecks?: boolean;
  now?: () => Date;
  /** each result as soon as every fact area it reads has landed (the window shows them stream in) */
  onResult?: (result: CheckResult) => void;
}

/** Inspects what the profile needs (nothing more is probed) and judges it. */
export async function scanMachine(profile: Profile, opts: ScanOptions): Promise<ScanResult> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const landed = new Set<FactArea>();
  const partial: Partial<Facts> = {};
  const sent = new Set<string>();
  const onResult = opts.onResult;
  const facts = await opts.inspect(inspectRequestFor(profile, { networkChecks: opts.networkChecks }), {
    onArea:
      onResult &&
      ((area, areaFacts) => {
        landed.add(area);
        (partial as Record<string, unknown>)[area] = areaFacts;
        const ready = CHECKS.filter((c) => !sent.has(c.id) && c.reads.every((a) => landed.has(a))).map((c) => c.id);
        if (!ready.length) return;
        for (const id of ready) sent.add(id);
        for (const r of evaluate(profile, partial as Facts, { only: ready })) onResult(r);
      }),
  });
  return { profileId: profile.id, profileVersion: profile.version, startedAt, finishedAt: now().toISOString(), facts, results: evaluate(profile, facts) };
}

/** Thrown for a check id the registry or the profile does not know (a bug in the caller, or stale UI). */
export class UnknownCheckError extends MessageError {
  constructor(
    readonly checkId: string,
    readonly profileId: string,
    known: boolean,
  ) {
    super(
      msg('errors:unknownCheck', { profile: profileId, check: checkId }),
      known ? `the exam "${profileId}" has no check "${checkId}"` : `unknown check "${checkId}"`,
    );
  }
}

/**
 * Re-collects the facts behind one check and judges it alone; with the previous scan, returns that
 * scan updated (its other facts and results kept).
 */
export async function rerunCheck(
  profile: Profile,
  checkId: string,
  previous: ScanResult | undefined,
  opts: ScanOptions,
): Promise<{ result: CheckResult; scan: ScanResult | undefined }> {
  const areas = areasForCheck(checkId);
  if (!areas.length) throw new UnknownCheckError(checkId, profile.id, false);
  const facts = await opts.inspect(inspectRequestFor(profile, { networkChecks: opts.networkChecks }), { areas, previous: previous?.facts });
  const [result] = evaluate(profile, facts, { only: [checkId] });
  if (!result) throw new UnknownCheckError(checkId, profile.id, true);
  const scan = previous && { ...previous, facts, results: previous.results.map((r) => (r.id === checkId ? result : r)) };
  return { result, scan };
}

/** Judges facts collected earlier (a facts file, or a report's facts against another exam). */
export const judgeFacts = (profile: Profile, facts: Facts): CheckResult[] => evaluate(profile, facts);

/** The report of a judged machine; `extra` carries what the caller knows besides (checklist, mock exam, support). */
export function reportOf(profile: Profile, facts: Facts, results: readonly CheckResult[], extra: Omit<ReportInput, 'profile' | 'facts' | 'results'>): Report {
  return buildReport({ ...extra, profile, facts, results: [...results] });
}

/**
 * Judges the camera, face, microphone and speakers the window measured, and nothing else: the other
 * checks of `facts` (the latest system check, whose OS switches explain a device that would not
 * open) are not re-judged. Without a system check yet, the devices are judged on their own.
 */
export function judgeDevices(profile: Profile, devices: DeviceMeasurements, facts?: Facts): CheckResult[] {
  const base = facts ?? factsNotCollected('no system check yet', { collectedAt: new Date(0).toISOString(), appVersion: '' });
  return evaluate(profile, { ...base, devices: { ...base.devices, ...devices } }, { only: DEVICE_CHECK_IDS });
}
