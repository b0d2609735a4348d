// Opening a report file: whatever a support person drops in — a truncated download, a file from a
// newer app, something edited by hand — becomes a report or one precise message naming the file and
// the place inside it, never a crash. Pure (the text is read by the caller), shared by the viewer's
// handlers and anything else that opens reports.
import type { OpenedReport, OpenReportResult, ReportProblem, ReportProblemKind } from './opened';
import { msg } from '../check';
import type { KeysUnder } from '../i18n/keys';
import { InvalidInputError, formatPath, jsonShapeProblem, parseJsonText } from '../parse-errors';
import { OLDEST_READABLE_VERSION, REPORT_FORMAT, REPORT_VERSION, ReportSchema, shortCheckId } from './model';

/** Reports carry the facts (a few hundred kB at most); anything far bigger is not a report. */
export const MAX_REPORT_CHARS = 20 * 1024 * 1024;

/** A viewer:open.* message about a report file (or a request about one). */
export const reportProblem = (kind: ReportProblemKind, key: KeysUnder<'viewer:open.'>, params: Record<string, string | number>): ReportProblem => ({
  kind,
  message: msg(`viewer:open.${key}`, params),
});

/** Parses one report file's text into a report, or says precisely why it is not one. */
export function openReportText(text: string, fileName: string): OpenReportResult {
  const fail = (kind: ReportProblemKind, key: KeysUnder<'viewer:open.'>, params: Record<string, string | number> = {}): OpenReportResult => ({
    ok: false,
    problem: reportProblem(kind, key, { file: fileName, ...params }),
  });
  if (text.length > MAX_REPORT_CHARS) return fail('too-large', 'tooLarge', { size: text.length, limit: MAX_REPORT_CHARS });
  if (text.trim() === '') return fail('empty', 'empty');
  // UTF-16 (Windows PowerShell 5.1's `>`) read as UTF-8: NULs between the characters. The desktop
  // app's File › Open decodes it (storage/read-text.ts); a dropped file is named for what it is.
  if (/\u0000/.test(text.slice(0, 200)))
    return fail('not-json', 'notJson', { detail: 'the file is saved as UTF-16 text; save it as UTF-8 (or open it with File › Open report…)' });

  // bounded before anything expands: a 2 MB list of a million items would cost a gigabyte once
  // parsed and validated (tests/unit/hardening/report-memory.test.ts holds every report ≤ 20 MB to 200 MB)
  const shape = jsonShapeProblem(text);
  if (shape) return fail('invalid', 'invalid', { path: '(top level)', detail: shape.message });

  let raw: unknown;
  try {
    raw = parseJsonText(text, fileName);
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    const first = err.problems[0]!;
    if (first.path) return fail('invalid', 'invalid', { path: first.path, detail: first.message });
    return looksTruncated(text)
      ? fail('truncated', 'truncated')
      : fail('not-json', 'notJson', { detail: unquoted(first.message.replace(/^not valid JSON: /, '')) });
  }

  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== REPORT_FORMAT) return fail('not-report', 'notReport');
  const { reportVersion, appVersion } = raw as { reportVersion?: unknown; appVersion?: unknown };
  const writtenBy = typeof appVersion === 'string' ? appVersion.slice(0, 40) : '?';
  if (typeof reportVersion === 'number' && reportVersion > REPORT_VERSION)
    return fail('newer-version', 'newerVersion', { version: reportVersion, supported: REPORT_VERSION, appVersion: writtenBy });
  if (typeof reportVersion === 'number' && reportVersion < OLDEST_READABLE_VERSION)
    return fail('older-version', 'olderVersion', { version: reportVersion, supported: REPORT_VERSION, appVersion: writtenBy });

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

/**
 * JSON.parse's message without the piece of the file it quotes (`Unexpected token 'r', "root:x:0:0"...
 * is not valid JSON`): a file that is not a report may be anything a link led to, and none of it is
 * repeated. What is left says where: "unexpected character (line 1, column 1)".
 */
function unquoted(detail: string): string {
  if (!detail.startsWith('Unexpected token')) return detail;
  const where = detail.lastIndexOf(' (line ');
  return `unexpected character${where >= 0 ? detail.slice(where) : ''}`;
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
