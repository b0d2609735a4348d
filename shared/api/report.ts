// Report part of the renderer <-> main contract: the support staff's report viewer. The renderer
// reads a file the user picked or dropped and sends its TEXT; main parses and judges it (the
// renderer never trusts a report's shape). Problems come back as i18n messages (viewer namespace).
import type { Language } from '../i18n/text';
import type { Report } from '../report/model';
import type { OpenReportResult, ReportComparison, ReportProblem } from '../report/opened';
import type { DeviceMeasurements } from '../devices/measurements';

// the viewer's results are declared where they are built (shared/report/opened.ts)
export type { ReportProblemKind, ReportProblem, OpenedReport, OpenReportResult, CheckChange, CheckComparison, ReportComparison } from '../report/opened';

export type ReevaluateResult = { ok: true; value: Report } | { ok: false; problem: ReportProblem };
export type CompareResult = { ok: true; value: ReportComparison } | { ok: false; problem: ReportProblem; which: 'a' | 'b' };

/** A report made in the app, in both file formats, ready to save. */
export interface ReportExport {
  report: Report;
  json: string;
  html: string;
  /** e.g. "exam-preflight-mitx-pom-final-EP-1234-ABCD" (no extension) */
  fileBase: string;
}
export type MakeReportResult = { ok: true; value: ReportExport } | { ok: false; problem: ReportProblem };

/**
 * Why a report file opened from outside the window (double-click, command line, second instance)
 * was not read: a URL or a network share (refused before any lookup), something that is not a
 * path, not a regular file, or a file that could not be read. The viewer says so in words.
 */
export type OpenedFileRefusal = 'url' | 'unc' | 'not-a-path' | 'not-a-file' | 'unreadable';

/** A report file opened from outside the window: its text, or why it was not read (then text is ''). */
export interface OpenedReportFile {
  text: string;
  fileName: string;
  refused?: OpenedFileRefusal;
}

export interface ReportApi {
  /**
   * The report of this exam's latest system check plus the camera, microphone and speakers as the
   * window measured them (judged here, carried in the facts), the checklist status and the latest
   * mock exam. Redacted unless includePersonal.
   */
  makeReport(profileId: string, devices: DeviceMeasurements, includePersonal: boolean, lang: Language, includeLog?: boolean): Promise<MakeReportResult>;
  /** Electron's print to PDF of a report's HTML, saved where the learner chooses (desktop app only). */
  /** the desktop app's File › Open report… menu picked a file: its text, for the viewer */
  onReportFileOpened(cb: (file: OpenedReportFile) => void): () => void;
  saveReportPdf(html: string, fileBase: string): Promise<{ saved: boolean; file: string | null; unavailable?: boolean }>;
  /** parses a report file's text (fileName only labels messages) */
  openReport(text: string, fileName: string): Promise<OpenReportResult>;
  /** judges the report's facts against another exam profile (built-in or from the policy folder) */
  reevaluateReport(text: string, fileName: string, profileId: string): Promise<ReevaluateResult>;
  /** what changed between two reports: fixed, broke, new, removed, unchanged per check */
  compareReports(textA: string, fileNameA: string, textB: string, fileNameB: string): Promise<CompareResult>;
}

export const reportInvoke = {
  makeReport: 'preflight:make-report',
  saveReportPdf: 'preflight:save-report-pdf',
  openReport: 'preflight:open-report',
  reevaluateReport: 'preflight:reevaluate-report',
  compareReports: 'preflight:compare-reports',
} as const;

export const reportEvents = {
  onReportFileOpened: 'preflight:report-file-opened',
} as const;
