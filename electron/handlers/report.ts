// Main-process implementation of ReportApi (shared/api/report.ts): the support staff's report
// viewer. Plain Node, tested without Electron. Every argument arrives as unknown: parsed with zod.
// A report file can be anything — a truncated download, a file from a newer app, something edited by
// hand — so every outcome is a clear message naming the file and the place inside it, never a crash.
import { z } from 'zod';
import { reportOf } from '../../shared/pipeline';
import type { Handlers } from '../../shared/api';
import type { reportInvoke } from '../../shared/api/report';
import { DeviceMeasurementsSchema } from '../../shared/devices/measurements';
import { allProfiles, findProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import { compareReports } from '../../shared/report/compare';
import { MAX_REPORT_CHARS, openReportText, reportProblem as problem } from '../../shared/report/open';
import type { ScanResult } from '../../shared/scan';
import type { SupportContact } from '../../shared/policy/schema';
import { createI18n, isLanguage } from '../../shared/i18n';
import { renderHtml } from '../../shared/report/render-html';
import { reportExtras } from '../report/collect';
import type { NetworkRunView } from '../../shared/api/network';
import type { HandlerContext } from './context';
import { readLogTail } from '../log/logger';

// moved to shared/report/ (one place for the viewer, the CLI and tests); re-exported for callers
export { compareResults } from '../../shared/report/compare';
export { MAX_REPORT_CHARS, openReportText } from '../../shared/report/open';

export type ReportHandlers = Pick<Handlers, keyof typeof reportInvoke>;

export interface ReportOptions {
  /** extra (admin-provided) profiles a report can be re-evaluated against */
  extraProfiles?: Profile[];
  /** the latest system check per exam (kept by the scan handlers) */
  latestScan?: (profileId: string) => ScanResult | undefined;
  /** the latest network measurement per exam (kept by the network handlers) */
  latestNetwork?: (profileId: string) => NetworkRunView | undefined;
  /** the admin policy's support contact (wins over the exam's own) */
  supportContact?: SupportContact | null;
  /** Electron's print to PDF + save dialog; absent outside the desktop app (CLI, browser harness) */
  savePdf?: (html: string, fileBase: string) => Promise<{ saved: boolean; file: string | null }>;
}

const Text = z.string().max(MAX_REPORT_CHARS + 1);
const FileName = z
  .string()
  .max(1000)
  .transform((n) => n || 'report.json');
const ProfileId = z.string().min(1).max(100);

export function createReportHandlers(ctx: HandlerContext, opts: ReportOptions = {}): ReportHandlers {
  const extra = opts.extraProfiles ?? [];
  const open = (text: unknown, name: unknown) => openReportText(Text.parse(text), FileName.parse(name));
  /** the viewer's problem for an exam it does not know, naming the ones it does */
  const unknownProfile = (id: string) =>
    ({
      ok: false,
      problem: problem('invalid', 'unknownProfile', {
        id,
        known: allProfiles(extra)
          .map((p) => p.id)
          .join(', '),
      }),
    }) as const;

  return {
    async makeReport(profileId: unknown, deviceMeasurements: unknown, includePersonal: unknown, lang: unknown, includeLog: unknown = false) {
      const id = ProfileId.parse(profileId);
      // measurements, never results: the window cannot add or replace a verdict, and the report's
      // devices are judged (and re-judged against another exam) like its other facts
      const measured = DeviceMeasurementsSchema.parse(deviceMeasurements);
      const personal = z.boolean().parse(includePersonal);
      const withLog = z.boolean().parse(includeLog);
      const language = isLanguage(lang) ? lang : 'en';
      const profile = findProfile(id, extra);
      if (!profile) return unknownProfile(id);
      const scan = opts.latestScan?.(id);
      if (!scan) return { ok: false, problem: problem('no-scan', 'noScan', {}) };
      const now = ctx.now();
      const net = opts.latestNetwork?.(id);
      // the measurements join the facts: the report carries them and re-evaluating it re-judges them
      const facts = { ...scan.facts, devices: { ...scan.facts.devices, ...measured } };
      const report = reportOf(
        profile,
        { facts, network: net?.run ?? null, ...(await reportExtras(ctx.dataDir, profile, now)) },
        {
          appVersion: ctx.appVersion,
          createdAt: new Date(now).toISOString(),
          support: opts.supportContact ?? null,
          includePersonal: personal,
          log: withLog && ctx.log?.file ? await readLogTail(ctx.log.file) : undefined,
        },
      );
      const json = JSON.stringify(report, null, 2) + '\n';
      return {
        ok: true,
        value: { report, json, html: renderHtml(report, createI18n(language), { profile }), fileBase: `exam-preflight-${profile.id}-${report.checkId}` },
      };
    },

    async saveReportPdf(html: unknown, fileBase: unknown) {
      // outside the desktop app (browser harness) there is no print-to-PDF: the window says what to do instead
      if (!opts.savePdf) return { saved: false, file: null, unavailable: true };
      const name = z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,120}$/)
        .parse(fileBase);
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
      if (!profile) return unknownProfile(id);
      const { facts, network } = opened.value.report;
      // the network measurement travels with the report: its numbers are judged against the other exam too
      return { ok: true, value: reportOf(profile, { facts, network }, { appVersion: ctx.appVersion, createdAt: new Date(ctx.now()).toISOString() }) };
    },

    async compareReports(textA: unknown, nameA: unknown, textB: unknown, nameB: unknown) {
      const a = open(textA, nameA);
      if (!a.ok) return { ...a, which: 'a' as const };
      const b = open(textB, nameB);
      if (!b.ok) return { ...b, which: 'b' as const };
      return { ok: true, value: compareReports(a.value, b.value) };
    },
  };
}
