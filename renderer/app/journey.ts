// The learner's journey as data: the steps after choosing an exam, in order, each with a state
// (not started, done, problem) worked out from what the app knows. The summary's verdict, the
// navigation's marks and every "Continue to …" button read this one list, so a step added here
// (network, OS states, speakers …) shows up everywhere at once. Pure: no React, no window.
import type { CheckResult, Verdict } from '../../shared/check';
import { verdictOf } from '../../shared/check';
import type { ChecklistSummary } from '../../shared/checklist/summary';
import type { AttemptSummary } from '../../shared/api/exam';
import type { RouteId } from '../screen';

export type StepState = 'not-started' | 'done' | 'problem';

export interface JourneyInputs {
  scanPhase: 'idle' | 'running' | 'done' | 'error';
  /** the system check's results (area ≠ devices) */
  results: readonly CheckResult[];
  /** camera, microphone, speakers … results, keyed by check id */
  devices: Readonly<Record<string, CheckResult>>;
  /** null while loading or when it could not be read */
  checklist: ChecklistSummary | null;
  /** null while loading */
  attempts: readonly AttemptSummary[] | null;
  /** how many network tests this exam has on this computer (null while loading or not known) */
  networkRuns?: number | null;
}

export interface StepStatus {
  route: RouteId;
  /** a required step must be done and passed before the summary says "ready" */
  required: boolean;
  state: StepState;
  /** within "problem": a required failure (not ready) or something that could not be checked */
  problem?: 'fail' | 'unknown' | 'warn';
  /** count for "N required items left", "N problems" */
  count?: number;
}

export interface StepDef {
  route: RouteId;
  status: (x: JourneyInputs) => Omit<StepStatus, 'route'>;
}

/** The state of a step made of check results: a required fail or unknown is a problem. */
export function resultsStep(results: readonly CheckResult[], required: boolean): Omit<StepStatus, 'route'> {
  const v = verdictOf(results);
  const count = (st: CheckResult['status']) => results.filter((r) => r.required && r.status === st).length;
  if (v === 'not-ready') return { required, state: 'problem', problem: 'fail', count: count('fail') };
  if (v === 'incomplete') return { required, state: 'problem', problem: 'unknown', count: count('unknown') };
  // an optional device or check that failed: done, but worth a look (warning, not a red fail)
  if (results.some((r) => r.status === 'fail' || r.status === 'unknown'))
    return { required, state: 'problem', problem: 'warn', count: results.filter((r) => r.status === 'fail' || r.status === 'unknown').length };
  return { required, state: 'done' };
}

/** One device step (camera, microphone, speakers): not started until its test has run. */
export const deviceStep = (route: RouteId, checkId: string): StepDef => ({
  route,
  status: (x) => {
    const r = x.devices[checkId];
    if (!r) return { required: true, state: 'not-started' };
    // the device's own result says whether the exam requires it
    return resultsStep([r], r.required);
  },
});

/**
 * Journey order. A step whose route does not exist (yet) or is hidden by policy is left out by
 * journeySteps; the network and OS-state steps are added here as { route, status } entries.
 */
export const STEP_DEFS: readonly StepDef[] = [
  {
    route: 'check',
    status: (x) => (x.scanPhase !== 'done' ? { required: true, state: 'not-started' } : resultsStep(x.results, true)),
  },
  deviceStep('camera', 'devices.camera'),
  deviceStep('microphone', 'devices.microphone'),
  deviceStep('speakers' as RouteId, 'devices.speakers'),
  {
    // measured only when the learner asks (it contacts the exam's servers): recommended, so a
    // learner who has not run it is told, but "ready" does not wait for it
    route: 'network',
    status: (x) => ({ required: false, state: x.networkRuns ? 'done' : 'not-started' }),
  },
  {
    route: 'checklists',
    status: (x) => {
      const c = x.checklist;
      if (!c) return { required: true, state: 'not-started' };
      if (c.status === 'none' || c.status === 'complete') return { required: true, state: 'done' };
      return { required: true, state: c.done > 0 ? 'problem' : 'not-started', problem: 'unknown', count: c.requiredOpen };
    },
  },
  {
    // a rehearsal: recommended, never required for "ready"
    route: 'exam',
    status: (x) => ({ required: false, state: x.attempts?.some((a) => a.finished) ? 'done' : 'not-started' }),
  },
];

/** The steps that apply: routes that exist and are not hidden, in journey order. */
export function journeySteps(x: JourneyInputs, available: readonly RouteId[], defs: readonly StepDef[] = STEP_DEFS): StepStatus[] {
  return defs.filter((d) => available.includes(d.route)).map((d) => ({ route: d.route, ...d.status(x) }));
}

/**
 * The overall verdict. "ready" only when every required step is done and passed; a required
 * failure anywhere is "not-ready"; anything else unfinished is "incomplete".
 */
export function journeyVerdict(steps: readonly StepStatus[]): Verdict {
  const required = steps.filter((s) => s.required);
  if (required.some((s) => s.state === 'problem' && s.problem === 'fail')) return 'not-ready';
  if (required.every((s) => s.state === 'done' || (s.state === 'problem' && s.problem === 'warn'))) return 'ready';
  return 'incomplete';
}

/** Steps still to do: not started, or started with something open (required first). */
export function notDone(steps: readonly StepStatus[]): StepStatus[] {
  return steps
    .filter((s) => s.state === 'not-started' || (s.state === 'problem' && s.problem === 'unknown'))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** The route after `route` in journey order among `available` (choose → check → … → summary → report). */
export function nextRoute(route: RouteId, available: readonly RouteId[]): RouteId | null {
  const i = available.indexOf(route);
  return i >= 0 && i + 1 < available.length ? available[i + 1]! : null;
}
