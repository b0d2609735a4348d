// The report: what a learner hands to support staff, and what the headless command prints as JSON.
// It carries the facts, so anyone can re-evaluate them against another profile without the machine,
// plus the checklist status and the latest mock exam. Personal data is redacted unless the learner
// opts in (shared/report/redact.ts); the report says which.
import { z } from 'zod';
import { CheckResultSchema, verdictOf, type CheckResult, type Verdict } from '../check';
import { FactsSchema, type Facts } from '../facts';
import type { Profile } from '../profile/schema';
import { localize, LocalTextSchema } from '../i18n/text';
import { ChecklistSummarySchema, type ChecklistSummary } from '../checklist/summary';
import { proxyUserinfo, redactReportBody, stripCredentials, stripProxyCredentials } from './redact';
import { NetworkRunSchema, type NetworkRun } from '../network/result';

export const REPORT_FORMAT = 'exam-preflight-report';
/** 2 added checklist, mockExam, support and redacted; version 1 files are still read. */
export const REPORT_VERSION = 2;
export const OLDEST_READABLE_VERSION = 1;

export const MockExamSummarySchema = z.object({
  attemptId: z.string(),
  bankId: z.string(),
  startedAt: z.string(),
  finished: z.boolean(),
  percent: z.number(),
  passMarkPercent: z.number(),
  verdict: z.enum(['pass', 'fail', 'pending']),
  /** "none", "+30 min", "×1.5" */
  accommodation: z.string(),
  // title as the bank wrote it (all its languages), so the report reads in the reader's language
  sections: z.array(
    z.object({
      id: z.string(),
      title: LocalTextSchema,
      status: z.string(),
      earned: z.number(),
      possible: z.number(),
      usedMs: z.number().nullable(),
      limitMs: z.number(),
    }),
  ),
});
export type MockExamSummary = z.infer<typeof MockExamSummarySchema>;

export const SupportSchema = z.object({ name: z.string().optional(), email: z.string().optional(), url: z.string().optional() });

export const ReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  reportVersion: z.union([z.literal(1), z.literal(2)]),
  appVersion: z.string(),
  createdAt: z.string(),
  /** short id to quote on the phone, derived from the content */
  checkId: z.string().regex(/^EP-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  profile: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  verdict: z.enum(['ready', 'not-ready', 'incomplete']),
  results: z.array(CheckResultSchema),
  facts: FactsSchema,
  /** true: user and host names, serial numbers, MAC addresses and home folders were removed */
  redacted: z.boolean().default(false),
  checklist: ChecklistSummarySchema.nullable().default(null),
  mockExam: MockExamSummarySchema.nullable().default(null),
  /** who the learner can ask: the admin policy's contact, else the exam's own */
  support: SupportSchema.nullable().default(null),
  /** the latest network measurement (shared/network), when the learner ran one; its findings are in results */
  network: NetworkRunSchema.nullable().default(null),
  /** the app's log (last lines, redacted), only when the learner chose to attach it */
  log: z.array(z.string().max(2000)).max(500).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread on the phone

/** FNV-1a over the text, twice with different seeds, as 8 base32 characters. Not security: a label. */
export function shortCheckId(text: string): string {
  // both seeds in one pass over the text (the cohort summary hashes thousands of reports)
  let a = 0x811c9dc5 >>> 0;
  let b = 0x1b873593 >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  const n = [a, b];
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[(n[i >> 2]! >>> ((i & 3) * 5)) & 31];
  return `EP-${out.slice(0, 4)}-${out.slice(4)}`;
}

export interface ReportInput {
  profile: Profile;
  facts: Facts;
  results: CheckResult[];
  appVersion: string;
  createdAt: string;
  checklist?: ChecklistSummary | null;
  mockExam?: MockExamSummary | null;
  support?: z.infer<typeof SupportSchema> | null;
  network?: NetworkRun | null;
  /** the learner's opt-in to keep names, serials, MAC addresses and home folders (default: redact) */
  includePersonal?: boolean;
  /** the log lines the learner chose to attach (already redacted by the logger) */
  log?: string[];
}

export function buildReport(args: ReportInput): Report {
  // the machine's verdict; the checklist and the mock exam are reported beside it
  const verdict: Verdict = verdictOf(args.results);
  const body = {
    format: REPORT_FORMAT,
    reportVersion: REPORT_VERSION,
    appVersion: args.appVersion,
    createdAt: args.createdAt,
    profile: { id: args.profile.id, version: args.profile.version, title: localize(args.profile.title, 'en').text },
    verdict,
    // credentials out whatever the opt-in says (facts may come from a file, not our own probe)
    results: stripCredentials(args.results, proxyUserinfo(args.facts.network.proxy)),
    facts: stripCredentials(stripProxyCredentials(args.facts), proxyUserinfo(args.facts.network.proxy)),
    redacted: !args.includePersonal,
    checklist: args.checklist ?? null,
    mockExam: args.mockExam ?? null,
    support: args.support ?? args.profile.support ?? null,
    // the measurement keeps no credentials itself; stripped again like the facts, whatever its origin
    network: args.network ? stripCredentials(args.network, proxyUserinfo(args.facts.network.proxy)) : null,
    ...(args.log?.length ? { log: args.log.slice(-500).map((l) => l.slice(0, 2000)) } : {}),
  } as const;
  const final = args.includePersonal ? body : redactReportBody(body);
  return { ...final, checkId: shortCheckId(JSON.stringify(final)) } as Report;
}
