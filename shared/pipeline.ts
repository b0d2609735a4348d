// The one judge: inspect -> judge -> report. Every front end that shows a verdict (the window, the
// summary, the CLI's check/evaluate/summarize, the report viewer's re-evaluation, the cohort
// dashboard, the benchmarks) judges through this module and nothing else: `evaluate`,
// `judgeNetworkRun` and `buildReport` are imported here only (a lint rule keeps it so), so the same
// facts give the same results and the same verdict wherever they are judged. Inspecting touches the
// OS, so it is passed in (electron/inspect in the app and the CLI, fakes in tests); everything else
// here is pure.
import { msg, verdictOf, type CheckResult, type Verdict } from './check';
import { MessageError } from './errors';
import type { FactArea, Facts, InspectRequest } from './facts';
import { inspectRequestFor } from './profile/load';
import type { Profile } from './profile/schema';
import { areasForCheck, CHECKS, DEVICE_CHECK_IDS, evaluate } from './rules';
import type { DeviceMeasurements } from './devices/measurements';
import { factsNotCollected } from './facts-empty';
import { buildReport, type Report, type ReportInput } from './report/model';
import { judgeNetworkRun } from './network/judge';
import type { NetworkRun } from './network/result';
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
  /**
   * The results that became ready when a fact area landed (every area each reads is in), together:
   * the window shows them stream in, one message and one update per area rather than per result.
   */
  onResults?: (results: CheckResult[]) => void;
}

/** Inspects what the profile needs (nothing more is probed) and judges it. */
export async function scanMachine(profile: Profile, opts: ScanOptions): Promise<ScanResult> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const landed = new Set<FactArea>();
  const partial: Partial<Facts> = {};
  const sent = new Set<string>();
  const onResults = opts.onResults;
  const facts = await opts.inspect(inspectRequestFor(profile, { networkChecks: opts.networkChecks }), {
    onArea:
      onResults &&
      ((area, areaFacts) => {
        landed.add(area);
        (partial as Record<string, unknown>)[area] = areaFacts;
        const ready = CHECKS.filter((c) => !sent.has(c.id) && c.reads.every((a) => landed.has(a))).map((c) => c.id);
        if (!ready.length) return;
        for (const id of ready) sent.add(id);
        const results = evaluate(profile, partial as Facts, { only: ready });
        if (results.length) onResults(results); // checks this exam does not ask for send nothing
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

/** What a verdict is judged from: the machine's facts and, when the learner ran one, the network measurement. */
export interface JudgeInputs {
  facts: Facts;
  /** the latest network measurement; judged against this exam's thresholds (another exam's when re-evaluated) */
  network?: NetworkRun | null;
}

export interface Judgement {
  results: CheckResult[];
  /** the machine's verdict over every result: a required fail -> not ready, a required unknown -> incomplete */
  verdict: Verdict;
}

/** The network measurement's findings under this exam's thresholds. */
export const networkResults = (profile: Profile, run: NetworkRun): CheckResult[] => judgeNetworkRun(run, profile.requirements.network?.measure);

/**
 * The one judge: facts collected now or earlier (a facts file, a report's facts against another
 * exam) plus the network measurement they travel with.
 */
export function judge(profile: Profile, inputs: JudgeInputs): Judgement {
  const results = [...evaluate(profile, inputs.facts), ...(inputs.network ? networkResults(profile, inputs.network) : [])];
  return { results, verdict: verdictOf(results) };
}

/** What a report carries beside the judged machine. */
export interface ReportInputs extends JudgeInputs {
  checklist?: ReportInput['checklist'];
  mockExam?: ReportInput['mockExam'];
}
export type ReportMeta = Omit<ReportInput, 'profile' | 'facts' | 'results' | 'network' | 'checklist' | 'mockExam'>;

/** The report of a machine, judged here from its inputs (never from results judged elsewhere). */
export function reportOf(profile: Profile, inputs: ReportInputs, meta: ReportMeta): Report {
  const { results } = judge(profile, inputs);
  return buildReport({
    ...meta,
    profile,
    facts: inputs.facts,
    results,
    network: inputs.network ?? null,
    checklist: inputs.checklist ?? null,
    mockExam: inputs.mockExam ?? null,
  });
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
