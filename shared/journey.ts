// The learner's overall answer across the whole journey (system check, camera, microphone,
// checklists): one verdict, what is still to be done, and what to fix first. Pure, so the summary
// screen shows what the tests check.
import { verdictOf, type CheckResult, type Verdict } from './check';
import type { ChecklistSummary } from './checklist/summary';

/** Steps whose outcome the verdict needs (route ids of the screens that do them). */
export type JourneyStep = 'check' | 'camera' | 'microphone' | 'checklists';

export interface JourneyState {
  /** the system check finished */
  scanDone: boolean;
  /** camera and microphone results measured in the window, by check id */
  devices: Readonly<Record<string, CheckResult | undefined>>;
  checklist: ChecklistSummary | null;
}

/** What the learner has not done yet, in journey order. */
export function missingSteps(s: JourneyState): JourneyStep[] {
  const out: JourneyStep[] = [];
  if (!s.scanDone) out.push('check');
  if (!s.devices['devices.camera']) out.push('camera');
  if (!s.devices['devices.microphone']) out.push('microphone');
  // an unticked required item is not a failure, but the learner has not confirmed it yet
  if (s.checklist?.status === 'incomplete') out.push('checklists');
  return out;
}

/** A required failure already decides it; otherwise unfinished steps leave it incomplete. */
export function overallVerdict(results: readonly CheckResult[], missing: readonly JourneyStep[]): Verdict {
  const v = verdictOf(results);
  return v !== 'not-ready' && missing.length > 0 ? 'incomplete' : v;
}

/** required fails first, then required unknowns, then the rest of the non-passing checks */
export function fixOrder(results: readonly CheckResult[]): CheckResult[] {
  const rank = (r: CheckResult) => (r.status === 'fail' ? 0 : r.status === 'unknown' ? 2 : 4) + (r.required ? 0 : 1);
  return results.filter((r) => r.status !== 'pass').sort((a, b) => rank(a) - rank(b));
}
