// The one template every check is built from: a check declares which fact areas it reads, whether
// the profile asks for it, and how to judge the facts. The template adds the id, the area, the
// duration, and turns a failed or timed-out probe into `unknown` with the reason — so no check can
// forget that case and no unknown can pass.
import { dataMsg, msg, type CheckArea, type CheckResult, type Msg, type SourceRef } from '../check';
import type { FactArea, Facts, Platform } from '../facts';
import type { Profile } from '../profile/schema';
import type { Requirements } from '../profile/requirements';
import { matchesPattern } from '../profile/pattern';
import { ruleTier, whoAsks } from '../profile/tier';
import type { ProfileSource } from '../profile/schema';

export interface Verdict {
  status: CheckResult['status'];
  observed?: Msg | null;
  expected?: Msg | null;
  evidence?: Msg[];
  fix?: Msg | null;
  /** overrides the rule's own required flag (e.g. an advisory sub-rule) */
  required?: boolean;
  /** the sub-rule that decided, when it has a source of its own (e.g. ChromeOS and "download software") */
  source?: SourceRef;
  /** how long the measurement took, when it is not a probe's (a device tested in the app's window) */
  durationMs?: number;
}

/** How each platform is named to a learner (the same in every language). */
export const PLATFORM_NAMES: Record<Platform, string> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  chromeos: 'ChromeOS',
  android: 'Android',
  ios: 'iOS',
  ipados: 'iPadOS',
  other: '?',
};

/** What every rule a check reads carries: whether it blocks, and where the exam says so. */
export interface RuleRef {
  required: boolean;
  source?: SourceRef;
}

/**
 * One check. `R` is the piece of the profile this check judges, as `rule` picks it out: the judge
 * receives exactly that (typed, never undefined), so no judge digs it out of the requirements again.
 */
export interface CheckDef<R extends RuleRef = RuleRef> {
  id: string;
  /** the title's message key when it lives outside the checks namespace (default checks:<id>.title) */
  titleKey?: string;
  area: CheckArea;
  /** facts this check reads (re-running the check re-collects exactly these) */
  reads: readonly FactArea[];
  /** the rule in the profile that asks for this check, or undefined when the exam does not */
  rule: (req: Requirements) => R | undefined;
  /**
   * Whether the facts hold anything for this check to judge. Absent: always. A device the window
   * has not tested yet (or a CLI run, which never tests one) gives no result at all: not measured
   * is not a failure, and `unknown` stays for a measurement that could not tell.
   */
  measured?: (facts: Facts) => boolean;
  /**
   * The platforms where the thing checked exists (Windows S mode: windows). Elsewhere the result is
   * `not-applicable` with that as the reason, decided here and nowhere else, so no check can pass
   * something that is not there. Absent: every platform.
   */
  platforms?: readonly Platform[];
  judge: (facts: Facts, rule: R, profile: Profile) => Verdict;
}

/**
 * Declares a check. The rule's type flows from `rule` into `judge`; the result is stored as a plain
 * CheckDef (the registry holds checks of many rule types: the judge is only ever called with the
 * value its own `rule` returned, which runCheck guarantees).
 */
export const define = <R extends RuleRef>(def: CheckDef<R>): CheckDef => def as unknown as CheckDef;

/** The required flag and source of a rule that is a list of sub-rules: required if any is. */
export const anyRequired = (rules: readonly RuleRef[]): RuleRef | undefined =>
  rules.length ? { required: rules.some((r) => r.required), source: rules.find((r) => r.source)?.source } : undefined;

export function runCheck(def: CheckDef, profile: Profile, facts: Facts): CheckResult | null {
  const rule = def.rule(profile.requirements);
  if (!rule) return null;
  if (def.measured && !def.measured(facts)) return null;
  const base = {
    id: def.id,
    area: def.area,
    title: dataMsg(def.titleKey ?? `checks:${def.id}.title`),
    required: rule.required,
    ...(rule.source ? { source: rule.source } : {}),
    durationMs: Math.max(0, ...def.reads.map((a) => facts[a].probe.durationMs)),
  };
  const na = notApplicableReason(def, facts);
  if (na) return { ...base, status: 'not-applicable', observed: null, expected: null, evidence: [na], fix: null };
  const failed = def.reads
    .map((a) => [a, facts[a].probe] as const)
    .find(([, p]) => p.status === 'error' || p.status === 'timeout' || p.status === 'unsupported');
  if (failed) {
    const [area, probe] = failed;
    return {
      ...base,
      status: 'unknown',
      observed: null,
      expected: null,
      evidence: [
        msg(`checks:common.probe.${probe.status as 'error' | 'timeout' | 'unsupported'}`, { '@area': `checks:common.area.${area}`, reason: probe.error ?? '' }),
      ],
      fix: msg('checks:common.fix.rerun'),
    };
  }
  const v = def.judge(facts, rule, profile);
  const required = v.required ?? rule.required;
  const source = v.source ?? rule.source;
  return {
    ...base,
    required,
    ...(v.source ? { source: v.source } : {}),
    ...(v.durationMs !== undefined ? { durationMs: v.durationMs } : {}),
    status: v.status,
    observed: v.observed ?? null,
    expected: v.expected ? tieredExpected(v.expected, { required, source }, profile.sources) : null,
    evidence: v.evidence ?? [],
    fix: v.status === 'pass' ? null : (v.fix ?? null),
  };
}

/**
 * Why a check does not apply to this machine, or null when it does. Only a platform the OS probe
 * read is a reason: an unrecognised one ("other") or an OS probe that failed is not, and the check
 * runs and says what it can (usually unknown).
 */
export function notApplicableReason(def: Pick<CheckDef, 'platforms'>, facts: Facts): Msg | null {
  // a check for every platform reads no OS facts here (a streamed device check may come before them)
  if (!def.platforms) return null;
  const platform = facts.os.platform;
  const read = facts.os.probe.status === 'ok' || facts.os.probe.status === 'partial';
  if (!read || platform === 'other' || def.platforms.includes(platform)) return null;
  return msg('checks:common.notApplicable', { platform: PLATFORM_NAMES[platform], platforms: def.platforms.map((p) => PLATFORM_NAMES[p]).join(', ') });
}

/**
 * What the exam asks, worded from the rule's tier (shared/profile/tier.ts), so no check can call an
 * advisory rule "not allowed": required → "… — the exam's rules say you must"; advisory → "… —
 * recommended because ProctorU requires it" (who, when the source names a publisher) or "… —
 * recommended, not required by this exam". The check's own text says only what is asked.
 */
export function tieredExpected(expected: Msg, rule: RuleRef, sources: readonly ProfileSource[]): Msg {
  const tier = ruleTier(rule, sources);
  const who = tier === 'advisory' ? whoAsks(rule, sources) : null;
  const key = tier !== 'advisory' ? 'checks:common.tier.required' : who ? 'checks:common.tier.advisoryWho' : 'checks:common.tier.advisory';
  // the check's own "@" params first: renderMsg translates nested keys in order, and {{what}} uses them
  return msg(key, { ...(expected.params ?? {}), ...(who ? { who } : {}), '@what': expected.key });
}

/** A failing rule fails when required and warns when advisory. */
export const failOrWarn = (required: boolean): CheckResult['status'] => (required ? 'fail' : 'warn');

/** Numeric, part-by-part version comparison ("10.0.22631" vs "10"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-+ ]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.\-+ ]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export const GB = 1024 ** 3;
export const gb = (bytes: number) => Math.round((bytes / GB) * 10) / 10;

/** Tests a profile's pattern against a fact, in linear time (RE2), on the fact cut to 256 characters. */
export const matches = (pattern: string, value: string | null, flags = 'i'): boolean => matchesPattern(pattern, value, flags.includes('i'));
