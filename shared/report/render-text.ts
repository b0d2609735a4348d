// A readable table for terminals and logs; colour only when the caller says so (electron/cli/
// terminal.ts decides). Laid out for the width the caller passes (the terminal's columns, 80 in a
// pipe): each check's title and value wrap inside their own columns, so long labels and values in
// any script keep the table aligned (text-layout.ts). Every rendered value passes through
// terminalSafe: facts and profile files are data, and may hold escape sequences, CR or bidi
// overrides that would otherwise rewrite the screen.
import type { i18n as I18n } from 'i18next';
import { applies, countByStatus, msg, type CheckResult, type CheckStatus } from '../check';
import { renderMsg } from '../i18n/msg';
import type { Report } from './model';
import type { Profile } from '../profile/schema';
import { examTitle, languageOf } from './exam-title';
import { terminalSafe } from './safe-text';
import { unmeasuredDevices } from '../rules';
import { attentionOf } from './attention';
import { verdictSentence } from './verdict-line';
import { displayWidth, hanging, padTo, sideBySide, wrapLines } from './text-layout';

const show = (i18n: I18n, m: Parameters<typeof renderMsg>[1]) => terminalSafe(renderMsg(i18n, m));

const ICON: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', unknown: '?', 'not-applicable': '–' };
const COLOUR: Record<CheckStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', unknown: '\x1b[35m', 'not-applicable': '\x1b[2m' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/** columns between the title and the value */
const GAP = 2;
/** the title column's share of the room beside the status, and its bounds */
const TITLE_SHARE = 0.45;
const MIN_TITLE = 12;
/** without a width (a file, a log): titles longer than this wrap, values never do */
const UNBOUNDED_TITLE = 44;
/** below this many columns for the value, each value goes on its own line under its title */
const MIN_VALUE = 16;

export interface TextOptions {
  colour?: boolean;
  profile?: Pick<Profile, 'id' | 'title'> & Partial<Pick<Profile, 'requirements'>>;
  /** the terminal's columns (no line is wider); none: lines are not wrapped */
  width?: number;
}

type Report4Text = Pick<Report, 'results' | 'verdict' | 'profile' | 'checkId'> & Partial<Pick<Report, 'facts'>>;
type Paint = (code: string, s: string) => string;
const painter =
  (colour: boolean | undefined): Paint =>
  (code, s) =>
    colour ? `${code}${s}${RESET}` : s;

/** The closing verdict sentence alone (what `--quiet` prints), wrapped at the width. */
export function renderVerdictLine(report: Pick<Report, 'results' | 'verdict'>, i18n: I18n, opts: Pick<TextOptions, 'colour' | 'width'> = {}): string {
  const c = painter(opts.colour);
  const verdictColour = report.verdict === 'ready' ? COLOUR.pass : report.verdict === 'not-ready' ? COLOUR.fail : COLOUR.unknown;
  return wrapLines(show(i18n, verdictSentence(report.verdict, report.results)), opts.width ?? Infinity)
    .map((l) => c(BOLD + verdictColour, l))
    .join('\n');
}

/**
 * `profile`: the one the run used (a file's profile has no built-in to take its other languages
 * from); with its requirements and the report's facts, the devices it asks for that were not
 * measured (never, in a CLI run) are named in one line.
 */
export function renderText(report: Report4Text, i18n: I18n, opts: TextOptions = {}): string {
  const c = painter(opts.colour);
  const width = opts.width ?? Infinity;
  const para = (text: string, code?: string) => wrapLines(text, width).map((l) => (code ? c(code, l) : l));
  const lines: string[] = [];
  lines.push(...para(i18n.t('cli:text.heading', { title: terminalSafe(examTitle(report, languageOf(i18n), opts.profile)) }), BOLD));
  lines.push(...para(i18n.t('cli:text.checkId', { id: terminalSafe(report.checkId) })));
  lines.push('');
  const statusWidth = Math.max(...(['pass', 'warn', 'fail', 'unknown'] as const).map((s) => displayWidth(i18n.t(`common:status.${s}`)))) + 2;
  // checks that do not apply here are not rows: one line names them, after the table
  const rows = report.results.filter(applies);
  const notApplicable = report.results.filter((r) => !applies(r));
  const layout = columnsFor(
    width,
    statusWidth,
    rows.map((r) => displayWidth(titleOf(r, i18n))),
  );
  // what decides the verdict first, the optional checks that could not be read in one block, then the rest
  const a = attentionOf(rows);
  const shown = new Set([...a.first, ...a.unread.flatMap((g) => g.results)]);
  for (const r of a.first) lines.push(...row(r, i18n, layout, c));
  if (a.unreadCount) {
    const head = wrapLines(i18n.t('report:attention.unread', { count: a.unreadCount }), width - layout.indent);
    lines.push(
      ...sideBySide([
        { lines: [c(COLOUR.unknown, padTo(`${ICON.unknown} ${i18n.t('common:status.unknown')}`, statusWidth))], width: statusWidth },
        { lines: head, width: 0 },
      ]),
    );
    for (const g of a.unread)
      lines.push(...hanging(layout.indent, '· ', `${g.results.map((r) => show(i18n, r.title)).join(', ')} — ${show(i18n, g.reason)}`, width));
  }
  for (const r of rows) if (!shown.has(r)) lines.push(...row(r, i18n, layout, c));
  if (notApplicable.length)
    lines.push(
      '',
      ...para(
        show(i18n, msg('cli:text.notApplicable', { count: notApplicable.length, checks: notApplicable.map((r) => renderMsg(i18n, r.title)).join(', ') })),
        COLOUR['not-applicable'],
      ),
    );
  const unmeasured = opts.profile?.requirements && report.facts ? unmeasuredDevices(opts.profile.requirements, report.facts) : [];
  if (unmeasured.length) lines.push('', ...para(show(i18n, msg('report:devicesInApp', { devices: unmeasured.map((m) => renderMsg(i18n, m)).join(', ') }))));
  lines.push('');
  const counts = countByStatus(report.results);
  lines.push(...para(i18n.t('cli:text.counts', { pass: counts.pass, warn: counts.warn, fail: counts.fail, unknown: counts.unknown })));
  lines.push(renderVerdictLine(report, i18n, opts));
  return lines.join('\n') + '\n';
}

interface Columns {
  width: number;
  statusWidth: number;
  /** where the title column (and every detail line) starts */
  indent: number;
  titleWidth: number;
  /** 0: the value goes on its own line under the title (too narrow for two columns) */
  valueWidth: number;
}

/** The title column fits the longest title up to a share of the width; the value takes the rest. */
function columnsFor(width: number, statusWidth: number, titleWidths: number[]): Columns {
  const indent = statusWidth + 1;
  const longest = Math.max(0, ...titleWidths);
  if (!Number.isFinite(width)) return { width, statusWidth, indent, titleWidth: Math.min(UNBOUNDED_TITLE, longest), valueWidth: Infinity };
  const room = width - indent - GAP;
  const titleWidth = Math.min(longest, Math.max(MIN_TITLE, Math.floor(room * TITLE_SHARE)));
  const valueWidth = room - titleWidth;
  if (valueWidth >= MIN_VALUE) return { width, statusWidth, indent, titleWidth, valueWidth };
  return { width, statusWidth, indent, titleWidth: Math.max(1, width - indent), valueWidth: 0 };
}

const titleOf = (r: CheckResult, i18n: I18n) => show(i18n, r.title) + (r.required ? '' : ` ${i18n.t('cli:text.optional')}`);

function row(r: CheckResult, i18n: I18n, col: Columns, c: Paint): string[] {
  const status = c(COLOUR[r.status], padTo(`${ICON[r.status]} ${i18n.t(`common:status.${r.status}`)}`, col.statusWidth));
  const title = wrapLines(titleOf(r, i18n), col.titleWidth);
  const observed = show(i18n, r.observed);
  const out = col.valueWidth
    ? sideBySide([
        { lines: [status], width: col.statusWidth },
        { lines: title, width: col.titleWidth },
        { lines: wrapLines(observed, col.valueWidth), width: col.valueWidth, before: GAP },
      ])
    : [
        ...sideBySide([
          { lines: [status], width: col.statusWidth },
          { lines: title, width: 0 },
        ]),
        ...hanging(col.indent + GAP, '', observed, col.width),
      ];
  if (r.status !== 'pass') {
    if (r.expected) out.push(...hanging(col.indent, `${i18n.t('cli:text.expected')}: `, show(i18n, r.expected), col.width));
    for (const e of r.evidence) out.push(...hanging(col.indent, '· ', show(i18n, e), col.width));
    if (r.fix) out.push(...hanging(col.indent, `${i18n.t('cli:text.fix')}: `, show(i18n, r.fix), col.width));
  }
  return out;
}
