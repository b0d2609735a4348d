// What the HTML page, the terminal text and the app's dashboard all derive the same way from a
// summary: labels in the reader's language, shares, and which sections have something to show.
import type { i18n as I18n } from 'i18next';
import type { Language } from '../i18n/text';
import { examTitle as titleOfReport, languageOf } from '../report/exam-title';
import { formatNumber } from '../i18n/msg';
import type { Verdict } from '../check';
import type { BreakdownKind, BreakdownRow, CohortSummary, VerdictCounts } from './summary';

export const VERDICTS: readonly Verdict[] = ['ready', 'not-ready', 'incomplete'];
export const VERDICT_COLOUR: Record<Verdict, string> = { ready: '#1a7f37', 'not-ready': '#b42318', incomplete: '#57606a' };

export const langOf = (i18n: I18n): Language => languageOf(i18n);

/** A whole-number share in percent (0 when there is nothing to share). */
export const share = (n: number, total: number): number => (total > 0 ? Math.round((n / total) * 100) : 0);

export const totalOf = (v: VerdictCounts): number => v.ready + v['not-ready'] + v.incomplete;

/** An exam this app knows, in the reader's language; else its id as the report wrote it. */
export function examTitle(id: string, lang: Language): string {
  return titleOfReport({ profile: { id, title: id, version: '' } }, lang);
}

/** A breakdown row's label: exams by title, "not reported" and "others" from the catalog. */
export function rowLabel(kind: BreakdownKind, row: BreakdownRow, i18n: I18n, isOther = false): string {
  if (isOther) return i18n.t('cohort:breakdowns.other');
  if (row.label === null) return i18n.t('cohort:breakdowns.notReported');
  return kind === 'exam' ? examTitle(row.label, langOf(i18n)) : row.label;
}

export const num = (i18n: I18n, n: number): string => formatNumber(i18n.language, n);

/** The verdict counts line: "Ready 3 · Not ready 2 · Incomplete 1". */
export function verdictParams(v: VerdictCounts) {
  return { ready: v.ready, notReady: v['not-ready'], incomplete: v.incomplete };
}

/** A trend is worth drawing only when the reports span more than one day. */
export const hasTrend = (s: CohortSummary): boolean => s.trend.length > 1;

export const BREAKDOWN_ORDER: readonly BreakdownKind[] = ['exam', 'os', 'browser', 'maker'];
