// evaluate(profile, facts) -> CheckResult[]: pure and deterministic (no clock, no I/O), so the same
// facts give the same answer on the learner's machine, in support's viewer and in the CLI.
import { dataMsg, type CheckResult, type Msg } from '../check';
import type { Requirements } from '../profile/requirements';
import type { Facts } from '../facts';
import type { Profile } from '../profile/schema';
import { CHECKS, checksForArea } from './registry';
import { runCheck } from './template';

export { areasForCheck, checksForArea, CHECKS } from './registry';
export { compareVersions } from './template';

export interface EvaluateOptions {
  /** evaluate only these check ids (re-running one check, streaming per area) */
  only?: readonly string[];
}

export function evaluate(profile: Profile, facts: Facts, opts: EvaluateOptions = {}): CheckResult[] {
  const out: CheckResult[] = [];
  for (const def of CHECKS) {
    if (opts.only && !opts.only.includes(def.id)) continue;
    const r = runCheck(def, profile, facts);
    if (r) out.push(r);
  }
  return out;
}

/** The checks judged from what the app's window measures (camera, face, microphone, speakers). */
export const DEVICE_CHECK_IDS: readonly string[] = checksForArea('devices');

/** The ids of the checks a profile asks for, in display order. */
export function checkIds(profile: Profile): string[] {
  return CHECKS.filter((c) => c.rule(profile.requirements) !== undefined).map((c) => c.id);
}

/**
 * The device checks an exam asks for that the facts hold no measurement of: the camera, face,
 * microphone and speakers are measured only in the app's window, so a CLI run never has them.
 * Their titles, for the line that says so.
 */
export function unmeasuredDevices(requirements: Requirements, facts: Facts): Msg[] {
  return CHECKS.filter((c) => c.reads.includes('devices') && c.rule(requirements) !== undefined && !c.measured?.(facts)).map((c) =>
    dataMsg(c.titleKey ?? `checks:${c.id}.title`),
  );
}
