// What opening and comparing report files gives back (the viewer's results). Declared beside the
// code that builds them, below the window<->main contract (shared/api/report.ts re-exports them).
import type { CheckResult, Msg } from '../check';
import type { Report } from './model';

/** Why a file could not be opened as a report; `message` is a viewer:open.* key with file/path/detail. */
export type ReportProblemKind = 'too-large' | 'empty' | 'truncated' | 'not-json' | 'not-report' | 'newer-version' | 'older-version' | 'invalid' | 'no-scan';

export interface ReportProblem {
  kind: ReportProblemKind;
  message: Msg;
}

export interface OpenedReport {
  fileName: string;
  report: Report;
  /**
   * The content no longer matches its check id: it was edited after export (by hand or by a tool).
   * The report is still shown — support staff need to see it — but flagged, with the id it should have.
   */
  tampered: { expectedCheckId: string } | null;
}

export type OpenReportResult = { ok: true; value: OpenedReport } | { ok: false; problem: ReportProblem };

/** How one check moved between an older and a newer report of the same learner. */
export type CheckChange = 'fixed' | 'broke' | 'new' | 'removed' | 'unchanged';

export interface CheckComparison {
  id: string;
  change: CheckChange;
  before: CheckResult | null;
  after: CheckResult | null;
}

export interface ReportComparison {
  /** the earlier report (by createdAt) and the later one, whatever order they were given in */
  older: OpenedReport;
  newer: OpenedReport;
  /** false when the two reports judged different exams: changes may come from the profile, not the machine */
  sameProfile: boolean;
  checks: CheckComparison[];
  counts: Record<CheckChange, number>;
}
