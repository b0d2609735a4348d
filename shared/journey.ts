// The learner's journey as data: the steps after choosing an exam, in order, each with a state (not
// started, done, problem) worked out from what the app knows. The summary's verdict, the
// navigation's marks and every "Continue to …" button read this one list, so a step added here
// shows up everywhere at once. Pure: no React, no window.
//
// The verdict is the pipeline's (shared/pipeline.ts: the same verdictOf over the same results, so a
// required failure the window shows anywhere — the system check, the face check, the network test —
// makes the summary "not ready" exactly as the report and the CLI say); the journey adds only
// "a required step is not done yet" on top, which can turn "ready" into "incomplete", never more.
import { applies, verdictOf, type CheckResult, type Verdict } from './check';
import type { ChecklistSummary } from './checklist/summary';
import { APP_CAMERA_DEFAULT } from './devices/window-constants';

/** The routes that are journey steps (renderer/screen.ts's RouteId has these and more). */
export type JourneyStepId = 'check' | 'camera' | 'microphone' | 'speakers' | 'network' | 'checklists' | 'exam';

export type StepState = 'not-started' | 'done' | 'problem';

export interface JourneyInputs {
  scanPhase: 'idle' | 'running' | 'done' | 'error';
  /** the system check's results (area ≠ devices) */
  results: readonly CheckResult[];
  /** camera, face, microphone, speakers … results, keyed by check id */
  devices: Readonly<Record<string, CheckResult>>;
  /** null while loading or when it could not be read */
  checklist: ChecklistSummary | null;
  /** the mock exam's attempts (null while loading) */
  attempts: readonly { finished: boolean }[] | null;
  /** how many network tests this exam has on this computer (null while loading or not known) */
  networkRuns?: number | null;
  /** the latest network test's findings, judged by main (what the report carries); empty when none this session */
  network?: readonly CheckResult[];
  /**
   * Whether the exam requires each device (its profile's rules, from main). A device the exam only
   * advises is a recommended step: "ready" does not wait for it. Unknown yet (loading): required,
   * so "ready" is never said early.
   */
  deviceRequired?: Partial<Record<DeviceStepId, boolean>> | null;
}

export interface StepStatus {
  route: JourneyStepId;
  /** a required step must be done (and passed) before the summary says "ready" */
  required: boolean;
  state: StepState;
  /** within "problem": a required failure (not ready), something that could not be checked, or an advisory finding */
  problem?: 'fail' | 'unknown' | 'warn';
  /** count for "N required items left", "N problems" */
  count?: number;
  /** the check results this step is judged by (they count in the verdict whether or not the step is required) */
  results?: readonly CheckResult[];
}

export interface StepDef {
  route: JourneyStepId;
  status: (x: JourneyInputs) => Omit<StepStatus, 'route'>;
}

/** The state of a step made of check results: a required fail or unknown is a problem. */
export function resultsStep(results: readonly CheckResult[], required: boolean): Omit<StepStatus, 'route'> {
  const v = verdictOf(results);
  const count = (st: CheckResult['status']) => results.filter((r) => r.required && r.status === st).length;
  if (v === 'not-ready') return { required, results, state: 'problem', problem: 'fail', count: count('fail') };
  if (v === 'incomplete') return { required, results, state: 'problem', problem: 'unknown', count: count('unknown') };
  // an optional device or check that failed: done, but worth a look (warning, not a red fail)
  const open = results.filter((r) => r.status === 'fail' || r.status === 'unknown').length;
  return open ? { required, results, state: 'problem', problem: 'warn', count: open } : { required, results, state: 'done' };
}

/**
 * The device checks of each device step, the first one the device's own test: the step has not
 * started until that one has a result. The camera step is also judged by the face check (what the
 * proctor will see): a face check that fails is the camera step failing.
 */
export const DEVICE_STEP_CHECKS = {
  camera: ['devices.camera', 'devices.face'],
  microphone: ['devices.microphone'],
  speakers: ['devices.speakers'],
} as const satisfies Partial<Record<JourneyStepId, readonly string[]>>;

export type DeviceStepId = keyof typeof DEVICE_STEP_CHECKS;

type Rule = { required: boolean } | null | undefined;
/** Which device steps the exam requires, from its camera, microphone and speakers rules (as the device checks read them). */
export const deviceRequiredBy = (req: { camera?: (Rule & { face?: Rule }) | null; microphone?: Rule; speakers?: Rule }): Record<DeviceStepId, boolean> => ({
  camera: (req.camera ?? APP_CAMERA_DEFAULT).required || !!req.camera?.face?.required,
  microphone: req.microphone?.required ?? false,
  speakers: req.speakers?.required ?? false,
});

/** One device step: not started until its test has run; then judged by every result it has. */
export const deviceStep = (route: DeviceStepId): StepDef => ({
  route,
  status: (x) => {
    const ids: readonly string[] = DEVICE_STEP_CHECKS[route];
    const results = ids.map((id) => x.devices[id]).filter((r): r is CheckResult => !!r);
    // the exam's rule for the device, else (once measured) the device's own results
    const required = x.deviceRequired?.[route] ?? (results.length ? results.some((r) => r.required) : true);
    if (!x.devices[ids[0]!]) return { required, state: 'not-started' };
    return resultsStep(results, required);
  },
});

/** Journey order. A step whose route does not exist or is hidden by policy is left out by journeySteps. */
export const STEP_DEFS: readonly StepDef[] = [
  {
    route: 'check',
    status: (x) => (x.scanPhase !== 'done' ? { required: true, state: 'not-started' } : resultsStep(x.results, true)),
  },
  deviceStep('camera'),
  deviceStep('microphone'),
  deviceStep('speakers'),
  {
    // measured only when the learner asks (it contacts the exam's servers): recommended, so "ready"
    // does not wait for it; once run, its findings count like any other (a required service that
    // cannot be reached is "not ready" here as in the report)
    route: 'network',
    status: (x) => {
      if (x.network?.length) return resultsStep(x.network, false);
      return { required: false, state: x.networkRuns ? 'done' : 'not-started' };
    },
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
export function journeySteps(x: JourneyInputs, available: readonly string[], defs: readonly StepDef[] = STEP_DEFS): StepStatus[] {
  return defs.filter((d) => available.includes(d.route)).map((d) => ({ route: d.route, ...d.status(x) }));
}

/** Every result the steps were judged by: what the pipeline would judge for the same inputs. */
export const journeyResults = (steps: readonly StepStatus[]): CheckResult[] => steps.flatMap((s) => s.results ?? []);

/**
 * The overall verdict: the verdict of every result shown (verdictOf, as the pipeline judges), and
 * "incomplete" instead of "ready" while a required step is not done.
 */
export function journeyVerdict(steps: readonly StepStatus[]): Verdict {
  const judged = verdictOf(journeyResults(steps));
  if (judged === 'not-ready') return judged;
  const requiredDone = steps.filter((s) => s.required).every((s) => s.state === 'done' || (s.state === 'problem' && s.problem !== 'unknown'));
  return requiredDone ? judged : 'incomplete';
}

/** Steps still to do: not started, or started with something open (required first). */
export function notDone(steps: readonly StepStatus[]): StepStatus[] {
  return steps
    .filter((s) => s.state === 'not-started' || (s.state === 'problem' && s.problem === 'unknown'))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** What to fix first: required fails, then required unknowns, then the rest of the non-passing checks. */
export function fixOrder(results: readonly CheckResult[]): CheckResult[] {
  const rank = (r: CheckResult) => (r.status === 'fail' ? 0 : r.status === 'unknown' ? 2 : 4) + (r.required ? 0 : 1);
  return results.filter((r) => r.status !== 'pass' && applies(r)).sort((a, b) => rank(a) - rank(b));
}

/** The route after `route` in journey order among `available` (choose → check → … → summary → report). */
export function nextRoute<T extends string>(route: T, available: readonly T[]): T | null {
  const i = available.indexOf(route);
  return i >= 0 && i + 1 < available.length ? available[i + 1]! : null;
}
