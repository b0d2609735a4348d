// The two "at least" shapes several checks share: a measured amount against the profile's minimum
// (memory, free disk, CPU cores), and an installed program against a minimum version (Python, R).
// Written once, so each such check only says what it measures and which messages it shows.
import { msg, type CheckArea, type Msg } from '../check';
import type { FactArea, Facts } from '../facts';
import type { Requirements } from '../profile/requirements';
import { compareVersions, define, failOrWarn, type CheckDef, type RuleRef, type Verdict } from './template';

export interface AmountRule extends RuleRef {
  value: number;
}

export interface MinimumDef<R extends AmountRule> {
  id: string;
  area: CheckArea;
  reads: readonly FactArea[];
  rule: (req: Requirements) => R | undefined;
  /** the measured amount, or null when the OS did not report it (the check says `unknown`) */
  measure: (facts: Facts) => number | null;
  /** whether the amount is enough (default: at least the rule's value) */
  meets?: (have: number, min: number) => boolean;
  expected: (rule: R) => Msg;
  observed: (have: number, facts: Facts) => Msg;
  fix: (rule: R) => Msg;
}

/** A check of one amount against a minimum: unknown when not reported, pass when enough, else fail or warn. */
export function defineMinimum<R extends AmountRule>(def: MinimumDef<R>): CheckDef {
  const meets = def.meets ?? ((have, min) => have >= min);
  return define<R>({
    id: def.id,
    area: def.area,
    reads: def.reads,
    rule: def.rule,
    judge: (facts, rule) => {
      const have = def.measure(facts);
      const expected = def.expected(rule);
      if (have === null) return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:common.fix.rerun') };
      const observed = def.observed(have, facts);
      return meets(have, rule.value) ? { status: 'pass', observed, expected } : { status: failOrWarn(rule.required), observed, expected, fix: def.fix(rule) };
    },
  });
}

/** A version `version` meets `min` (no minimum: any version); null when the version is unknown. */
export const meetsVersion = (version: string | null, min: string | undefined): boolean | null =>
  version === null ? null : !min || compareVersions(version, min) >= 0;

export interface VersionRule extends RuleRef {
  minVersion?: string;
}

/**
 * Installed copies of a program against a minimum version. Messages are `<keys>.expected.min|any`,
 * `<keys>.observed.none|list`, `<keys>.fix.install|upgrade` ({min}); `defaultMin` fills {min} when
 * the profile names none. Pass when any copy is new enough; unknown when no copy told its version.
 */
export function judgeInstalled<T extends { version: string | null }>(
  list: readonly T[],
  rule: VersionRule,
  o: { keys: 'checks:software.python' | 'checks:software.r'; defaultMin: string; evidence: (x: T) => Msg },
): Verdict {
  const expected = msg(rule.minVersion ? `${o.keys}.expected.min` : `${o.keys}.expected.any`, { min: rule.minVersion ?? '' });
  const min = { min: rule.minVersion ?? o.defaultMin };
  if (!list.length) return { status: failOrWarn(rule.required), observed: msg(`${o.keys}.observed.none`), expected, fix: msg(`${o.keys}.fix.install`, min) };
  const evidence = list.map(o.evidence);
  const observed = msg(`${o.keys}.observed.list`, { versions: list.map((x) => x.version ?? '–').join(', ') });
  if (list.some((x) => meetsVersion(x.version, rule.minVersion))) return { status: 'pass', observed, expected, evidence };
  if (list.every((x) => x.version === null)) return { status: 'unknown', observed, expected, evidence, fix: msg(`${o.keys}.fix.install`, min) };
  return { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg(`${o.keys}.fix.upgrade`, min) };
}
