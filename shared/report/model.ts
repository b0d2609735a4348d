// The report: what a learner hands to support staff, and what the headless command prints as JSON.
// It carries the facts, so anyone can re-evaluate them against another profile without the machine.
import { z } from 'zod';
import { CheckResultSchema, verdictOf, type CheckResult, type Verdict } from '../check';
import { FactsSchema, type Facts } from '../facts';
import type { Profile } from '../profile/schema';
import { localize } from '../i18n/text';

export const REPORT_FORMAT = 'exam-preflight-report';
export const REPORT_VERSION = 1;

export const ReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  reportVersion: z.literal(REPORT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  /** short id to quote on the phone, derived from the content */
  checkId: z.string().regex(/^EP-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  profile: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  verdict: z.enum(['ready', 'not-ready', 'incomplete']),
  results: z.array(CheckResultSchema),
  facts: FactsSchema,
});
export type Report = z.infer<typeof ReportSchema>;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread on the phone

/** FNV-1a over the text, twice with different seeds, as 8 base32 characters. Not security: a label. */
export function shortCheckId(text: string): string {
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  };
  const n = [hash(0x811c9dc5), hash(0x1b873593)];
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[(n[i >> 2]! >>> ((i & 3) * 5)) & 31];
  return `EP-${out.slice(0, 4)}-${out.slice(4)}`;
}

export function buildReport(args: { profile: Profile; facts: Facts; results: CheckResult[]; appVersion: string; createdAt: string }): Report {
  const verdict: Verdict = verdictOf(args.results);
  const body = {
    format: REPORT_FORMAT,
    reportVersion: REPORT_VERSION,
    appVersion: args.appVersion,
    createdAt: args.createdAt,
    profile: { id: args.profile.id, version: args.profile.version, title: localize(args.profile.title, 'en').text },
    verdict,
    results: args.results,
    facts: args.facts,
  } as const;
  return { ...body, checkId: shortCheckId(JSON.stringify(body)) };
}
