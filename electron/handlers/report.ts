// Main-process implementation of ReportApi (shared/api/report.ts): the support staff's report
// viewer. Plain Node, tested without Electron. Every argument arrives as unknown: parsed with zod.
// A report file can be anything — a truncated download, a file from a newer app, something edited by
// hand — so every outcome is a clear message naming the file and the place inside it, never a crash.
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import type { CheckChange, CheckComparison, OpenedReport, OpenReportResult, ReportProblem, ReportProblemKind, reportInvoke } from '../../shared/api/report';
import { msg, type CheckResult, type CheckStatus } from '../../shared/check';
import { InvalidInputError, formatPath, parseJsonText } from '../../shared/profile/parse-errors';
import { allProfiles, findProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import { OLDEST_READABLE_VERSION, REPORT_FORMAT, REPORT_VERSION, ReportSchema, buildReport, shortCheckId } from '../../shared/report/model';
import { evaluate } from '../../shared/rules';
import { CheckResultSchema } from '../../shared/check';
import type { ScanResult } from '../../shared/scan';
import type { SupportContact } from '../../shared/policy/schema';
import { createI18n, isLanguage } from '../../shared/i18n';
import { renderHtml } from '../../shared/report/render-html';
import { reportExtras } from '../report/collect';
import type { HandlerContext } from './context';
import { readLogTail } from '../log/logger';

export type ReportHandlers = Pick<Handlers, keyof typeof reportInvoke>;

export interface ReportOptions {
  /** extra (admin-provided) profiles a report can be re-evaluated against */
  extraProfiles?: Profile[];
  /** the latest system check per exam (kept by the scan handlers) */
  latestScan?: (profileId: string) => ScanResult | undefined;
  /** the admin policy's support contact (wins over the exam's own) */
  supportContact?: SupportContact | null;
  /** Electron's print to PDF + save dialog; absent outside the desktop app (CLI, browser harness) */
  savePdf?: (html: string, fileBase: string) => Promise<{ saved: boolean; file: string | null }>;
}

/** Reports carry the facts (a few hundred kB at most); anything far bigger is not a report. */
export const MAX_REPORT_CHARS = 20 * 1024 * 1024;

const Text = z.string().max(MAX_REPORT_CHARS + 1);
const FileName = z.string().max(1000).transform((n) => n || 'report.json');
const ProfileId = z.string().min(1).max(100);

const problem = (kind: ReportProblemKind, key: string, params: Record<string, string | number>): ReportProblem => ({ kind, message: msg(`viewer:open.${key}`, params) });

/** Parses one report file's text into a report, or says precisely why it is not one. */
export function openReportText(text: string, fileName: string): OpenReportResult {
  const fail = (kind: ReportProblemKind, key: string, params: Record<string, string | number> = {}): OpenReportResult => ({ ok: false, problem: problem(kind, key, { file: fileName, ...params }) });
  if (text.length > MAX_REPORT_CHARS) return fail('too-large', 'tooLarge', { size: text.length, limit: MAX_REPORT_CHARS });
  if (text.trim() === '') return fail('empty', 'empty');
  // UTF-16 (Windows PowerShell 5.1's `>`) read as UTF-8: NULs between the characters. The desktop
  // app's File › Open decodes it (storage/read-text.ts); a dropped file is named for what it is.
  if (/\u0000/.test(text.slice(0, 200))) return fail('not-json', 'notJson', { detail: 'the file is saved as UTF-16 text; save it as UTF-8 (or open it with File › Open report…)' });

  let raw: unknown;
  try {
    raw = parseJsonText(text, fileName);
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    const first = err.problems[0]!;
    if (first.path) return fail('invalid', 'invalid', { path: first.path, detail: first.message });
    return looksTruncated(text) ? fail('truncated', 'truncated') : fail('not-json', 'notJson', { detail: first.message.replace(/^not valid JSON: /, '') });
  }

  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== REPORT_FORMAT) return fail('not-report', 'notReport');
  const { reportVersion, appVersion } = raw as { reportVersion?: unknown; appVersion?: unknown };
  const writtenBy = typeof appVersion === 'string' ? appVersion.slice(0, 40) : '?';
  if (typeof reportVersion === 'number' && reportVersion > REPORT_VERSION) return fail('newer-version', 'newerVersion', { version: reportVersion, supported: REPORT_VERSION, appVersion: writtenBy });
  if (typeof reportVersion === 'number' && reportVersion < OLDEST_READABLE_VERSION) return fail('older-version', 'olderVersion', { version: reportVersion, supported: REPORT_VERSION, appVersion: writtenBy });

  const r = ReportSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return fail('invalid', 'invalid', { path: formatPath(issue.path) || '(top level)', detail: issue.message });
  }
  return { ok: true, value: { fileName, report: r.data, tampered: tamperCheck(raw as Record<string, unknown>) } };
}

/** The check id is derived from the rest of the file as written; a mismatch means it was edited. */
function tamperCheck(raw: Record<string, unknown>): OpenedReport['tampered'] {
  const { checkId, ...body } = raw;
  const expected = shortCheckId(JSON.stringify(body));
  return checkId === expected ? null : { expectedCheckId: expected };
}

/** A JSON error at the very end of the text (or inside an unclosed string) is a cut-off file. */
function looksTruncated(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(trimmed);
    return false;
  } catch (err) {
    const m = (err as Error).message;
    if (/end of JSON input|Unterminated string/i.test(m)) return true;
    const pos = /position (\d+)/.exec(m);
    return pos !== null && Number(pos[1]) >= trimmed.length;
  }
}

/** Worst first: a change towards `pass` is a fix, away from it a break. */
const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, unknown: 2, fail: 3 };

export function compareResults(before: readonly CheckResult[], after: readonly CheckResult[]): CheckComparison[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const out: CheckComparison[] = after.map((a) => {
    const b = old.get(a.id) ?? null;
    old.delete(a.id);
    const change: CheckChange = !b ? 'new' : RANK[a.status] < RANK[b.status] ? 'fixed' : RANK[a.status] > RANK[b.status] ? 'broke' : 'unchanged';
    return { id: a.id, change, before: b, after: a };
  });
  for (const b of old.values()) out.push({ id: b.id, change: 'removed', before: b, after: null });
  // what needs attention first: broke, then fixed, new, removed, unchanged (stable within each)
  const order: CheckChange[] = ['broke', 'fixed', 'new', 'removed', 'unchanged'];
  return out.map((c, i) => ({ c, i })).sort((x, y) => order.indexOf(x.c.change) - order.indexOf(y.c.change) || x.i - y.i).map((x) => x.c);
}

const time = (r: OpenedReport) => Date.parse(r.report.createdAt) || 0;

export function createReportHandlers(ctx: HandlerContext, opts: ReportOptions = {}): ReportHandlers {
  const extra = opts.extraProfiles ?? [];
  const open = (text: unknown, name: unknown) => openReportText(Text.parse(text), FileName.parse(name));

  return {
    async makeReport(profileId: unknown, deviceResults: unknown, includePersonal: unknown, lang: unknown, includeLog: unknown = false) {
      const id = ProfileId.parse(profileId);
      const devices = z.array(CheckResultSchema).max(10).parse(deviceResults).filter((r) => r.area === 'devices');
      const personal = z.boolean().parse(includePersonal);
      const withLog = z.boolean().parse(includeLog);
      const language = isLanguage(lang) ? lang : 'en';
      const profile = findProfile(id, extra);
      if (!profile) return { ok: false, problem: problem('invalid', 'unknownProfile', { id, known: allProfiles(extra).map((p) => p.id).join(', ') }) };
      const scan = opts.latestScan?.(id);
      if (!scan) return { ok: false, problem: problem('no-scan', 'noScan', {}) };
      const now = ctx.now();
      const report = buildReport({
        profile, facts: scan.facts, results: [...scan.results, ...devices], appVersion: ctx.appVersion, createdAt: new Date(now).toISOString(),
        ...(await reportExtras(ctx.dataDir, profile, now)), support: opts.supportContact ?? null, includePersonal: personal,
        log: withLog && ctx.log?.file ? await readLogTail(ctx.log.file) : undefined,
      });
      const json = JSON.stringify(report, null, 2) + '\n';
      return { ok: true, value: { report, json, html: renderHtml(report, createI18n(language)), fileBase: `exam-preflight-${profile.id}-${report.checkId}` } };
    },

    async saveReportPdf(html: unknown, fileBase: unknown) {
      // outside the desktop app (browser harness) there is no print-to-PDF: the window says what to do instead
      if (!opts.savePdf) return { saved: false, file: null, unavailable: true };
      const name = z.string().regex(/^[A-Za-z0-9._-]{1,120}$/).parse(fileBase);
      return opts.savePdf(z.string().max(MAX_REPORT_CHARS).parse(html), name);
    },

    async openReport(text: unknown, fileName: unknown) {
      return open(text, fileName);
    },

    async reevaluateReport(text: unknown, fileName: unknown, profileId: unknown) {
      const opened = open(text, fileName);
      if (!opened.ok) return opened;
      const id = ProfileId.parse(profileId);
      const profile = findProfile(id, extra);
      if (!profile) return { ok: false, problem: problem('invalid', 'unknownProfile', { id, known: allProfiles(extra).map((p) => p.id).join(', ') }) };
      const { facts } = opened.value.report;
      return { ok: true, value: buildReport({ profile, facts, results: evaluate(profile, facts), appVersion: ctx.appVersion, createdAt: new Date(ctx.now()).toISOString() }) };
    },

    async compareReports(textA: unknown, nameA: unknown, textB: unknown, nameB: unknown) {
      const a = open(textA, nameA);
      if (!a.ok) return { ...a, which: 'a' as const };
      const b = open(textB, nameB);
      if (!b.ok) return { ...b, which: 'b' as const };
      const [older, newer] = time(b.value) < time(a.value) ? [b.value, a.value] : [a.value, b.value];
      const checks = compareResults(older.report.results, newer.report.results);
      const counts = { fixed: 0, broke: 0, new: 0, removed: 0, unchanged: 0 };
      for (const c of checks) counts[c.change]++;
      return { ok: true, value: { older, newer, sameProfile: older.report.profile.id === newer.report.profile.id, checks, counts } };
    },
  };
}
