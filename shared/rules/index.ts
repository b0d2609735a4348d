// evaluate(profile, facts) -> CheckResult[]: pure and deterministic (no clock, no I/O), so the same
// facts give the same answer on the learner's machine, in support's viewer and in the CLI.
import type { CheckResult } from '../check';
import type { Facts } from '../facts';
import type { Profile } from '../profile/schema';
import { CHECKS } from './registry';
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

/** The ids of the checks a profile asks for, in display order. */
export function checkIds(profile: Profile): string[] {
  return CHECKS.filter((c) => c.rule(profile.requirements) !== undefined).map((c) => c.id);
}
