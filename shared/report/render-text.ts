// A readable table for terminals and logs; colour only when the caller says the output is a TTY.
// Every rendered value passes through terminalSafe: facts and profile files are data, and may hold
// escape sequences, CR or bidi overrides that would otherwise rewrite the screen.
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

const show = (i18n: I18n, m: Parameters<typeof renderMsg>[1]) => terminalSafe(renderMsg(i18n, m));

const ICON: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', unknown: '?', 'not-applicable': '–' };
const COLOUR: Record<CheckStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', unknown: '\x1b[35m', 'not-applicable': '\x1b[2m' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

function pad(s: string, width: number) {
  const len = [...s].length;
  return len >= width ? s : s + ' '.repeat(width - len);
}

/**
 * `profile`: the one the run used (a file's profile has no built-in to take its other languages
 * from); with its requirements and the report's facts, the devices it asks for that were not
 * measured (never, in a CLI run) are named in one line.
 */
export function renderText(
  report: Pick<Report, 'results' | 'verdict' | 'profile' | 'checkId'> & Partial<Pick<Report, 'facts'>>,
  i18n: I18n,
  opts: { colour?: boolean; profile?: Pick<Profile, 'id' | 'title'> & Partial<Pick<Profile, 'requirements'>> } = {},
): string {
  const c = (code: string, s: string) => (opts.colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  lines.push(c(BOLD, `${i18n.t('cli:text.heading', { title: terminalSafe(examTitle(report, languageOf(i18n), opts.profile)) })}`));
  lines.push(i18n.t('cli:text.checkId', { id: terminalSafe(report.checkId) }));
  lines.push('');
  const statusWidth = Math.max(...(['pass', 'warn', 'fail', 'unknown'] as const).map((s) => [...i18n.t(`common:status.${s}`)].length)) + 2;
  // checks that do not apply here are not rows: one line names them, after the table
  const rows = report.results.filter(applies);
  const notApplicable = report.results.filter((r) => !applies(r));
  const titleWidth = Math.min(44, Math.max(0, ...rows.map((r) => [...show(i18n, r.title)].length)));
  // what decides the verdict first, the optional checks that could not be read in one block, then the rest
  const a = attentionOf(rows);
  const shown = new Set([...a.first, ...a.unread.flatMap((g) => g.results)]);
  for (const r of a.first) lines.push(...row(r, i18n, statusWidth, titleWidth, c));
  if (a.unreadCount) {
    const indent = ' '.repeat(statusWidth + 1);
    lines.push(
      `${c(COLOUR.unknown, pad(`${ICON.unknown} ${i18n.t('common:status.unknown')}`, statusWidth))} ${i18n.t('report:attention.unread', { count: a.unreadCount })}`,
    );
    for (const g of a.unread) lines.push(`${indent}· ${g.results.map((r) => show(i18n, r.title)).join(', ')} — ${show(i18n, g.reason)}`);
  }
  for (const r of rows) if (!shown.has(r)) lines.push(...row(r, i18n, statusWidth, titleWidth, c));
  if (notApplicable.length)
    lines.push(
      '',
      c(
        COLOUR['not-applicable'],
        show(i18n, msg('cli:text.notApplicable', { count: notApplicable.length, checks: notApplicable.map((r) => renderMsg(i18n, r.title)).join(', ') })),
      ),
    );
  const unmeasured = opts.profile?.requirements && report.facts ? unmeasuredDevices(opts.profile.requirements, report.facts) : [];
  if (unmeasured.length) lines.push('', show(i18n, msg('report:devicesInApp', { devices: unmeasured.map((m) => renderMsg(i18n, m)).join(', ') })));
  lines.push('');
  const counts = countByStatus(report.results);
  lines.push(i18n.t('cli:text.counts', { pass: counts.pass, warn: counts.warn, fail: counts.fail, unknown: counts.unknown }));
  const verdictColour = report.verdict === 'ready' ? COLOUR.pass : report.verdict === 'not-ready' ? COLOUR.fail : COLOUR.unknown;
  lines.push(c(BOLD + verdictColour, show(i18n, verdictSentence(report.verdict, report.results))));
  return lines.join('\n') + '\n';
}

function row(r: CheckResult, i18n: I18n, statusWidth: number, titleWidth: number, c: (code: string, s: string) => string): string[] {
  const status = pad(`${ICON[r.status]} ${i18n.t(`common:status.${r.status}`)}`, statusWidth);
  const title = pad(show(i18n, r.title) + (r.required ? '' : ` ${i18n.t('cli:text.optional')}`), titleWidth);
  const out = [`${c(COLOUR[r.status], status)} ${title}  ${show(i18n, r.observed)}`];
  if (r.status !== 'pass') {
    const indent = ' '.repeat(statusWidth + 1);
    if (r.expected) out.push(`${indent}${i18n.t('cli:text.expected')}: ${show(i18n, r.expected)}`);
    for (const e of r.evidence) out.push(`${indent}· ${show(i18n, e)}`);
    if (r.fix) out.push(`${indent}${i18n.t('cli:text.fix')}: ${show(i18n, r.fix)}`);
  }
  return out;
}
