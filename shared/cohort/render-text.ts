// The cohort summary for a terminal, and as JSON for scripts. In the terminal every value that came
// from a file (names, file paths) is stripped of control characters, so a crafted report cannot
// move the cursor or recolour the admin's screen.
import type { i18n as I18n } from 'i18next';
import { renderMsg } from '../i18n/msg';
import type { Msg } from '../check';
import type { CohortSummary } from './summary';
import { metaLines } from './render-html';
import { BREAKDOWN_ORDER, num, rowLabel, share, verdictParams } from './view';

// C0, DEL, C1 (ESC-less CSI \x9b included) and the bidi overrides that reorder what is shown
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const plain = (s: string): string => s.replace(CONTROL, '').replace(/[\r\n\t]+/g, ' ');

export function renderCohortText(s: CohortSummary, i18n: I18n, opts: { top?: number; listed?: number } = {}): string {
  const m = (x: Msg | null) => plain(renderMsg(i18n, x));
  const out: string[] = [i18n.t('cohort:heading'), ...metaLines(s, i18n).map(plain), ''];
  out.push(i18n.t('cohort:cli.readyLine', verdictParams(s.verdicts)), '');
  const failing = s.checks.filter((c) => c.counts.fail || c.counts.unknown).slice(0, opts.top ?? 10);
  if (failing.length) {
    out.push(i18n.t('cohort:cli.topChecks'));
    for (const c of failing) {
      out.push(
        `  ${i18n.t('cohort:cli.checkLine', { title: m(c.title), fail: num(i18n, c.counts.fail), total: num(i18n, c.total) })}${c.counts.unknown ? ` · ${i18n.t('cohort:checks.unknown')} ${num(i18n, c.counts.unknown)}` : ''}  [${plain(c.id)}]`,
      );
      if (c.fix) out.push(`    ${i18n.t('cohort:checks.fix')}: ${m(c.fix)}`);
    }
    out.push('');
  }
  for (const k of BREAKDOWN_ORDER) {
    const b = s.breakdowns[k];
    if (!b.rows.length) continue;
    out.push(`${i18n.t(`cohort:breakdowns.${k}`)}:`);
    for (const [r, other] of [...b.rows.map((r) => [r, false] as const), ...(b.other ? [[b.other, true] as const] : [])]) {
      out.push(
        `  ${i18n.t('cohort:cli.breakdownLine', { label: plain(rowLabel(k, r, i18n, other)), total: num(i18n, r.total), percent: share(r.verdicts.ready, r.total) })}`,
      );
    }
    out.push('');
  }
  const listed = opts.listed ?? 50;
  if (s.needsHelp.length) {
    out.push(i18n.t('cohort:cli.needsHelp'));
    for (const h of s.needsHelp.slice(0, listed))
      out.push(`  ${plain(h.checkId)}  ${i18n.t(`common:verdict.${h.verdict}`)}  ${plain(h.file)}  ${h.checks.map((c) => plain(c.id)).join(', ')}`);
    const more = s.needsHelp.length - Math.min(listed, s.needsHelp.length) + s.needsHelpOmitted;
    if (more) out.push(`  ${i18n.t('cohort:needsHelp.omitted', { count: more })}`);
    out.push('');
  }
  if (s.skipped) {
    out.push(`${i18n.t('cohort:skipped.heading')}:`);
    for (const f of s.skippedFiles.slice(0, listed)) out.push(`  ${m(f.message)}`);
    const more = s.skippedFiles.length - Math.min(listed, s.skippedFiles.length) + s.skippedOmitted;
    if (more) out.push(`  ${i18n.t('cohort:skipped.omitted', { count: more })}`);
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** JSON for scripts: the summary as is, each message also rendered in the reader's language. */
export function renderCohortJson(s: CohortSummary, i18n: I18n): string {
  const withText = (x: Msg | null) => (x ? { ...x, text: renderMsg(i18n, x) } : null);
  const out = {
    format: 'exam-preflight-cohort',
    version: 1,
    language: i18n.language,
    ...s,
    checks: s.checks.map((c) => ({ ...c, title: withText(c.title), fix: withText(c.fix) })),
    needsHelp: s.needsHelp.map((h) => ({ ...h, checks: h.checks.map((c) => ({ ...c, title: withText(c.title) })) })),
    skippedFiles: s.skippedFiles.map((f) => ({ ...f, message: withText(f.message) })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
