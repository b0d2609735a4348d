// The cohort summary: what a support desk or an IT admin needs from hundreds or thousands of
// reports at a glance. Plain data (it crosses IPC and is the `summarize --format json` output);
// every user-facing text is a Msg, rendered in the reader's language by the renderers and screens.
// Every list that grows with the number of files is capped, with a count of what was left out, so
// the summary stays small however many reports were read.
import type { CheckArea, CheckStatus, Msg, Verdict } from '../check';

/** Why a file was not counted. `tampered`: its check id no longer matches its content. */
export type SkipKind =
  | 'too-large'
  | 'empty'
  | 'truncated'
  | 'not-json'
  | 'not-report'
  | 'newer-version'
  | 'older-version'
  | 'invalid'
  | 'tampered'
  | 'unreadable'
  | 'needs-profile'
  /** a pipe, socket or device named like a report: listed, never opened for reading */
  | 'not-regular'
  /** a link to a file outside the folder that was named: not read unless asked (--follow-links) */
  | 'link-outside';

export interface SkippedFile {
  file: string;
  kind: SkipKind;
  message: Msg;
}

export type VerdictCounts = Record<Verdict, number>;

export interface RankedCheck {
  /** the check's own id, e.g. "os.supported" */
  id: string;
  area: CheckArea;
  title: Msg;
  /** required in at least one report (an advisory check never makes a machine not ready) */
  required: boolean;
  /** reports that ran this check, and how it came out (`not-applicable`: reports of machines it does not apply to, outside the total) */
  total: number;
  counts: Record<CheckStatus, number>;
  /** the fix most often given when the check did not pass (null: none was given) */
  fix: Msg | null;
}

export interface BreakdownRow {
  /** what the reports said, e.g. "Windows 11 Pro", "Google Chrome", "Dell Inc." (data: escape on
   * output); null when the reports did not say (the renderers write "not reported") */
  label: string | null;
  total: number;
  verdicts: VerdictCounts;
}

/** Machines grouped by a fact; `other` gathers what did not fit within the cap of distinct values. */
export interface Breakdown {
  rows: BreakdownRow[];
  other: BreakdownRow | null;
}

export type BreakdownKind = 'exam' | 'os' | 'browser' | 'maker';
export const BREAKDOWN_KINDS: readonly BreakdownKind[] = ['exam', 'os', 'browser', 'maker'];

export interface NeedsHelp {
  file: string;
  /** the report's check id (EP-XXXX-XXXX), what the learner quotes on the phone */
  checkId: string;
  createdAt: string;
  verdict: Exclude<Verdict, 'ready'>;
  profileId: string;
  /** the required checks that failed (not-ready) or could not be determined (incomplete) */
  checks: Array<{ id: string; title: Msg; status: CheckStatus }>;
}

export interface TrendDay {
  /** "YYYY-MM-DD" (UTC) of the report's createdAt */
  day: string;
  verdicts: VerdictCounts;
}

export interface CohortSummary {
  /** reports (and facts files, with --profile) that were read and counted */
  reports: number;
  /** files that could not be counted, by reason */
  skipped: number;
  skippedByKind: Partial<Record<SkipKind, number>>;
  skippedFiles: SkippedFile[];
  /** how many skipped files are not listed (the list is capped) */
  skippedOmitted: number;
  verdicts: VerdictCounts;
  /** the exam every report was re-evaluated against, when one was given */
  reevaluatedAgainst: { id: string; version: string } | null;
  /** worst first: most failures, then most undetermined, then most warnings */
  checks: RankedCheck[];
  /** distinct check ids beyond the cap (not ranked) */
  checksOmitted: number;
  breakdowns: Record<BreakdownKind, Breakdown>;
  /** reports not ready or incomplete, by file name; capped */
  needsHelp: NeedsHelp[];
  needsHelpOmitted: number;
  /** one entry per day with reports, oldest first */
  trend: TrendDay[];
  /** earliest and latest createdAt of the counted reports (null when none) */
  firstAt: string | null;
  lastAt: string | null;
}

/** A report is a few hundred kB at most; a file over this is refused from its size, unread. */
export const MAX_COHORT_FILE_BYTES = 20 * 1024 * 1024;

/** Files taken from a folder: reports are saved as .json, or .epreport (the desktop app's file type). */
export const COHORT_FILE = /\.(json|epreport)$/i;

export const emptyVerdicts = (): VerdictCounts => ({ ready: 0, 'not-ready': 0, incomplete: 0 });
