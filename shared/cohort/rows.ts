// The flat formats: one row per report × check, so a cohort goes straight into DuckDB, a
// spreadsheet or a BI tool. Rows are made and written one report at a time (the CLI streams them);
// texts are rendered in the reader's language. CSV follows RFC 4180 and neutralises cells a
// spreadsheet would run as a formula (OWASP "CSV injection").
import type { i18n as I18n } from 'i18next';
import { renderMsg } from '../i18n/msg';
import type { CohortReport } from './accumulator';

export const ROW_COLUMNS = [
  'file',
  'check_id',
  'created_at',
  'day',
  'exam',
  'exam_version',
  'verdict',
  'os_platform',
  'os_name',
  'os_version',
  'device_maker',
  'device_model',
  'form_factor',
  'browsers',
  'check_key',
  'area',
  'required',
  'status',
  'title',
  'observed',
  'expected',
  'fix',
] as const;
export type CohortRow = Record<(typeof ROW_COLUMNS)[number], string | boolean | null>;

/** One row per check of the report; the report's columns repeat on each (that is what "flat" buys). */
export function cohortRows(file: string, report: CohortReport, i18n: I18n): CohortRow[] {
  const f = report.facts;
  const t = Date.parse(report.createdAt);
  const base = {
    file,
    check_id: report.checkId,
    created_at: report.createdAt,
    day: Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null,
    exam: report.profile.id,
    exam_version: report.profile.version,
    verdict: report.verdict,
    os_platform: f.os.platform,
    os_name: f.os.name,
    os_version: f.os.version,
    device_maker: f.device.manufacturer,
    device_model: f.device.model,
    form_factor: f.device.formFactor,
    browsers: [...new Set(f.browsers.browsers.map((b) => b.id))].join(';'),
  };
  return report.results.map((r) => ({
    ...base,
    check_key: r.id,
    area: r.area,
    required: r.required,
    status: r.status,
    title: renderMsg(i18n, r.title),
    observed: r.observed ? renderMsg(i18n, r.observed) : null,
    expected: r.expected ? renderMsg(i18n, r.expected) : null,
    // a fix is advice for what did not pass; on a pass it would only mislead a query
    fix: r.fix && r.status !== 'pass' ? renderMsg(i18n, r.fix) : null,
  }));
}

export const ndjsonLines = (rows: readonly CohortRow[]): string => rows.map((r) => JSON.stringify(r) + '\n').join('');

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / carriage return) as a formula. Which
 * character splits cells is the reader's choice, not ours: Excel in a Spanish or Portuguese locale
 * splits on ";", other tools on tab or "|". So every place where ANY of those separators (or a line
 * break) could start a cell is guarded, not only the start of our own field: the formula character
 * after it — past spaces and quotes, which a reader strips — gets a "'" before it. A field holding a
 * separator, a quote or a line break is also quoted, so a reader splitting on that separator keeps it whole.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const CELL_START_FORMULA = /([,;\t|\r\n])([\s"]*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t|\r\n]/;

export function csvCell(v: string | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string') {
    s = s.replace(CELL_START_FORMULA, "$1$2'");
    if (FORMULA_START.test(s) || /^[\s"]+[=+\-@]/.test(s)) s = `'${s}`;
  }
  return NEEDS_QUOTES.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = (): string => ROW_COLUMNS.join(',') + '\r\n';
export const csvLines = (rows: readonly CohortRow[]): string => rows.map((r) => ROW_COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n').join('');
