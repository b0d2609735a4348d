// The one result shape every check returns (system checks, camera/microphone, checklists).
// User-facing text is never stored here as prose: it is a message key plus parameters, so the
// same result renders in English, Spanish or Portuguese (screens, CLI text, reports).
import { z } from 'zod';
import type { MsgKey } from './i18n/keys';

/** A translatable message: a key in the i18n catalogs plus its interpolation values. */
export const MsgSchema = z.object({
  key: z.string().min(1).max(200),
  params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
});
export type Msg = z.infer<typeof MsgSchema>;
/**
 * Parameters are bounded where messages are built: a fact may be 10 kB (a hostile model name), and a
 * report whose messages broke the 2000-character limit above could not be opened again. The full
 * value stays in the facts; the message shows the start and "…". 500 characters (code points) stay
 * under 2000 UTF-16 units even for emoji.
 */
export const MAX_PARAM_CHARS = 500;
const bounded = (v: string | number) =>
  typeof v === 'string' && v.length > MAX_PARAM_CHARS && [...v].length > MAX_PARAM_CHARS ? `${[...v].slice(0, MAX_PARAM_CHARS - 1).join('')}…` : v;
const build = (key: string, params?: Msg['params']): Msg =>
  params ? { key, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, bounded(v)])) } : { key };
/** A message with a key the catalogs have (checked by the type checker: see i18n/keys.ts). */
export const msg = (key: MsgKey, params?: Msg['params']): Msg => build(key, params);
/**
 * A message whose key is built from data (a check's id: "checks:<id>.title"), which the type checker
 * cannot see; tests/unit/i18n/typed-keys.test.ts checks those keys exist for every check.
 */
export const dataMsg = (key: string, params?: Msg['params']): Msg => build(key, params);

/** The message key of a value the computer did not report (what a learner reads instead of "?"). */
export const NOT_REPORTED = 'common:notReported';
/**
 * A message parameter for a value the computer may not have reported: the value, or (null, empty)
 * the words "not reported by this computer" in the reader's language — never a bare "?".
 */
export const reported = (name: string, value: string | number | null | undefined): Record<string, string | number> =>
  value === null || value === undefined || value === '' ? { [`@${name}`]: NOT_REPORTED } : { [name]: value };

/**
 * `not-applicable`: the thing checked does not exist here (Windows S mode on Linux, macOS Screen
 * Recording on Windows). It is neither a pass nor a problem: never counted, never decides the
 * verdict, shown collapsed with its reason. Reports written before it existed simply lack it.
 */
export const CheckStatusSchema = z.enum(['pass', 'warn', 'fail', 'unknown', 'not-applicable']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;
/** The statuses that count (pass counts, problem lists): everything but `not-applicable`. */
export type CountedStatus = Exclude<CheckStatus, 'not-applicable'>;
export const COUNTED_STATUSES: readonly CountedStatus[] = ['pass', 'warn', 'fail', 'unknown'];
export const applies = (r: Pick<CheckResult, 'status'>): boolean => r.status !== 'not-applicable';

export const CheckAreaSchema = z.enum(['system', 'browsers', 'software', 'security', 'network', 'devices', 'checklist']);
export type CheckArea = z.infer<typeof CheckAreaSchema>;

/** Where a requirement comes from, so a learner can read why (e.g. which exam FAQ says so). */
export const SourceRefSchema = z.object({
  /** id of a source listed in the profile's `sources` */
  source: z.string(),
  /** the sentence of the source that states the rule, verbatim */
  quote: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const CheckResultSchema = z.object({
  id: z.string(),
  area: CheckAreaSchema,
  title: MsgSchema,
  status: CheckStatusSchema,
  /** a required check that fails makes the machine "not ready"; an optional one only warns */
  required: z.boolean(),
  /** what was found, e.g. "Windows XP 5.1.2600" (raw values are not translated) */
  observed: MsgSchema.nullable(),
  /** what the exam asks for */
  expected: MsgSchema.nullable(),
  /** which signals fired, so a false positive can be argued with */
  evidence: z.array(MsgSchema),
  /** one concrete step the learner can take; null when nothing is to be done */
  fix: MsgSchema.nullable(),
  source: SourceRefSchema.optional(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export type Verdict = 'ready' | 'not-ready' | 'incomplete';

/**
 * Overall verdict: any required fail -> not ready; otherwise any required unknown -> incomplete
 * (unknown is never counted as pass); otherwise ready (warnings do not block).
 */
export function verdictOf(results: readonly CheckResult[]): Verdict {
  if (results.some((r) => r.required && r.status === 'fail')) return 'not-ready';
  if (results.some((r) => r.required && r.status === 'unknown')) return 'incomplete';
  return 'ready';
}

/** Counts of the results that apply; `not-applicable` ones are left out (they would inflate the passes). */
export function countByStatus(results: readonly Pick<CheckResult, 'status'>[]): Record<CountedStatus, number> {
  const out: Record<CountedStatus, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const r of results) if (r.status !== 'not-applicable') out[r.status] += 1;
  return out;
}
