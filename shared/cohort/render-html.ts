// The cohort dashboard as one self-contained HTML page: inline CSS and SVG bars, no scripts, a CSP
// that forbids everything else, prints well, in the reader's language. All HTML is built in this
// one module (so switching to the shared `html` tagged template is one file); every value, above
// all every value that came from a report file (file names, OS and maker names), goes through esc.
import type { i18n as I18n } from 'i18next';
import { renderMsg, formatDay } from '../i18n/msg';
import { esc } from '../report/render-html';
import type { Breakdown, BreakdownKind, CohortSummary, VerdictCounts } from './summary';
import { BREAKDOWN_ORDER, VERDICTS, VERDICT_COLOUR, examTitle, hasTrend, langOf, num, rowLabel, share, totalOf, verdictParams } from './view';

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;max-width:72rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}h3{font-size:1rem;margin:1.25rem 0 .4rem}
.muted{color:#57606a}.lead{margin:.25rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}.card{border:2px solid;border-radius:.5rem;padding:.5rem 1rem;min-width:9rem}
.card strong{display:block;font-size:1.6rem}.card.ready{color:#1a7f37}.card.not-ready{color:#b42318}.card.incomplete{color:#57606a}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d0d7de}th{font-size:.85rem;color:#57606a}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.checkid{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:0 2rem}.grid>section{min-width:0}
.v-ready{color:#1a7f37}.v-not-ready{color:#b42318}.v-incomplete{color:#57606a}
ul.ids{margin:0;padding-left:1rem}code{font-size:.85rem}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,.card,svg{break-inside:avoid}a{color:inherit}}
`;

const RED = '#b42318';

/** A horizontal bar split by verdict (ready, not ready, incomplete), `w` pixels wide. */
function stacked(v: VerdictCounts, w: number, label: string): string {
  const total = totalOf(v);
  let x = 0;
  const parts = VERDICTS.map((k) => {
    const width = total ? Math.round((v[k] / total) * w) : 0;
    const rect = width ? `<rect x="${x}" y="0" width="${width}" height="14" fill="${VERDICT_COLOUR[k]}"/>` : '';
    x += width;
    return rect;
  }).join('');
  return `<svg role="img" aria-label="${esc(label)}" width="${w}" height="14" viewBox="0 0 ${w} 14" xmlns="http://www.w3.org/2000/svg"><rect width="${w}" height="14" fill="#eaeef2"/>${parts}</svg>`;
}

function verdictPart(s: CohortSummary, i18n: I18n): string {
  const total = totalOf(s.verdicts);
  const cards = VERDICTS.map(
    (v) =>
      `<div class="card ${v}" data-verdict="${v}"><strong>${num(i18n, s.verdicts[v])}</strong>${esc(i18n.t(`common:verdict.${v}`))} <span class="muted">${esc(i18n.t('cohort:verdicts.share', { percent: share(s.verdicts[v], total) }))}</span></div>`,
  ).join('');
  return `<h2>${esc(i18n.t('cohort:verdicts.heading'))}</h2><div class="cards">${cards}</div>${stacked(s.verdicts, 600, i18n.t('cohort:verdicts.chartLabel', verdictParams(s.verdicts)))}`;
}

function checksPart(s: CohortSummary, i18n: I18n): string {
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  if (!s.checks.length) return `<h2>${t('cohort:checks.heading')}</h2><p>${t('cohort:checks.none')}</p>`;
  const rows = s.checks
    .map((c) => {
      const title = renderMsg(i18n, c.title);
      const w = c.total ? Math.round((c.counts.fail / c.total) * 120) : 0;
      const bar = `<svg role="img" aria-label="${esc(i18n.t('cohort:checks.barLabel', { title, fail: c.counts.fail, total: c.total }))}" width="120" height="10" viewBox="0 0 120 10" xmlns="http://www.w3.org/2000/svg"><rect width="120" height="10" fill="#eaeef2"/><rect width="${w}" height="10" fill="${RED}"/></svg>`;
      const fix = c.fix && (c.counts.fail || c.counts.unknown || c.counts.warn) ? esc(renderMsg(i18n, c.fix)) : '';
      return (
        `<tr data-check="${esc(c.id)}"><td><strong>${esc(title)}</strong>${c.required ? '' : ` <span class="muted">${t('cohort:checks.advisory')}</span>`}<br><code class="muted">${esc(c.id)}</code>${c.counts['not-applicable'] ? `<br><span class="muted" data-not-applicable="${c.counts['not-applicable']}">${t('cohort:checks.notApplicable', { count: c.counts['not-applicable'] })}</span>` : ''}</td>` +
        `<td class="n">${t('cohort:checks.ofTotal', { count: num(i18n, c.counts.fail), total: num(i18n, c.total) })}<br>${bar}</td><td class="n">${num(i18n, c.counts.unknown)}</td><td class="n">${num(i18n, c.counts.warn)}</td><td class="n">${num(i18n, c.counts.pass)}</td><td>${fix}</td></tr>`
      );
    })
    .join('');
  const omitted = s.checksOmitted ? `<p class="muted">${t('cohort:checks.omitted', { count: s.checksOmitted })}</p>` : '';
  return `<h2>${t('cohort:checks.heading')}</h2><table><thead><tr><th>${t('cohort:checks.check')}</th><th>${t('cohort:checks.failed')}</th><th>${t('cohort:checks.unknown')}</th><th>${t('cohort:checks.warned')}</th><th>${t('cohort:checks.passed')}</th><th>${t('cohort:checks.fix')}</th></tr></thead><tbody>${rows}</tbody></table>${omitted}`;
}

function breakdownTable(kind: BreakdownKind, b: Breakdown, i18n: I18n): string {
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  const rows = [...b.rows.map((r) => [r, false] as const), ...(b.other ? [[b.other, true] as const] : [])]
    .map(([r, other]) => {
      const label = rowLabel(kind, r, i18n, other);
      return `<tr><td>${esc(label)}</td><td class="n">${num(i18n, r.total)}</td><td class="n">${t('cohort:verdicts.share', { percent: share(r.verdicts.ready, r.total) })}</td><td>${stacked(r.verdicts, 120, `${label}: ${i18n.t('cohort:verdicts.chartLabel', verdictParams(r.verdicts))}`)}</td></tr>`;
    })
    .join('');
  const note = kind === 'browser' ? `<p class="muted">${t('cohort:breakdowns.browserNote')}</p>` : '';
  return `<section><h3>${t(`cohort:breakdowns.${kind}`)}</h3>${note}<table data-breakdown="${kind}"><thead><tr><th>${t('cohort:breakdowns.value')}</th><th>${t('cohort:breakdowns.total')}</th><th>${t('cohort:breakdowns.readyShare')}</th><th><span class="muted">${esc(VERDICTS.map((v) => i18n.t(`common:verdict.${v}`)).join(' / '))}</span></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function needsHelpPart(s: CohortSummary, i18n: I18n): string {
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  if (!s.needsHelp.length) return `<h2>${t('cohort:needsHelp.heading')}</h2><p>${t('cohort:needsHelp.none')}</p>`;
  const date = new Intl.DateTimeFormat(langOf(i18n), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const when = (iso: string) => {
    const d = Date.parse(iso);
    return Number.isFinite(d) ? `${date.format(d)} UTC` : iso;
  };
  const rows = s.needsHelp
    .map(
      (h) =>
        `<tr data-check-id="${esc(h.checkId)}"><td class="checkid">${esc(h.checkId)}</td><td>${esc(h.file)}</td><td>${esc(when(h.createdAt))}</td><td class="v-${h.verdict}">${t(`common:verdict.${h.verdict}`)}</td>` +
        `<td><ul class="ids">${h.checks.map((c) => `<li>${esc(renderMsg(i18n, c.title))} <span class="muted">(${t(`common:status.${c.status}`)})</span></li>`).join('')}</ul></td></tr>`,
    )
    .join('');
  const omitted = s.needsHelpOmitted ? `<p class="muted">${t('cohort:needsHelp.omitted', { count: s.needsHelpOmitted })}</p>` : '';
  return `<h2>${t('cohort:needsHelp.heading')}</h2><table><thead><tr><th>${t('cohort:needsHelp.checkId')}</th><th>${t('cohort:needsHelp.file')}</th><th>${t('cohort:needsHelp.created')}</th><th>${t('cohort:needsHelp.verdict')}</th><th>${t('cohort:needsHelp.checks')}</th></tr></thead><tbody>${rows}</tbody></table>${omitted}`;
}

function trendPart(s: CohortSummary, i18n: I18n): string {
  if (!hasTrend(s)) return '';
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  const colW = Math.max(8, Math.min(40, Math.floor(640 / s.trend.length)));
  const h = 120;
  const labels = s.trend.map((d) =>
    i18n.t('cohort:trend.dayLabel', {
      day: formatDay(i18n.language, d.day),
      percent: share(d.verdicts.ready, totalOf(d.verdicts)),
      total: totalOf(d.verdicts),
    }),
  );
  const bars = s.trend
    .map((d, i) => {
      const total = totalOf(d.verdicts);
      const ready = total ? Math.round((d.verdicts.ready / total) * h) : 0;
      return `<rect x="${i * colW}" y="0" width="${colW - 2}" height="${h}" fill="#eaeef2"/><rect x="${i * colW}" y="${h - ready}" width="${colW - 2}" height="${ready}" fill="${VERDICT_COLOUR.ready}"/>`;
    })
    .join('');
  const w = colW * s.trend.length;
  const chart = `<svg role="img" aria-label="${esc(i18n.t('cohort:trend.chartLabel', { days: labels.join('; ') }))}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
  const rows = s.trend
    .map(
      (d) =>
        `<tr><td>${esc(formatDay(i18n.language, d.day))}</td>${VERDICTS.map((v) => `<td class="n">${num(i18n, d.verdicts[v])}</td>`).join('')}<td class="n">${t('cohort:verdicts.share', { percent: share(d.verdicts.ready, totalOf(d.verdicts)) })}</td></tr>`,
    )
    .join('');
  return `<h2>${t('cohort:trend.heading')}</h2>${chart}<table><thead><tr><th>${t('cohort:trend.day')}</th>${VERDICTS.map((v) => `<th>${t(`common:verdict.${v}`)}</th>`).join('')}<th>${t('cohort:breakdowns.readyShare')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function skippedPart(s: CohortSummary, i18n: I18n): string {
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  if (!s.skipped) return '';
  const kinds = Object.entries(s.skippedByKind)
    .map(([k, n]) => `${i18n.t(`cohort:kind.${k}`)}: ${num(i18n, n)}`)
    .join(', ');
  const rows = s.skippedFiles.map((f) => `<tr data-kind="${esc(f.kind)}"><td>${esc(f.file)}</td><td>${esc(renderMsg(i18n, f.message))}</td></tr>`).join('');
  const omitted = s.skippedOmitted ? `<p class="muted">${t('cohort:skipped.omitted', { count: s.skippedOmitted })}</p>` : '';
  return `<h2>${t('cohort:skipped.heading')}</h2><p>${t('cohort:skipped.kinds', { list: kinds })}</p><table><thead><tr><th>${t('cohort:skipped.file')}</th><th>${t('cohort:skipped.reason')}</th></tr></thead><tbody>${rows}</tbody></table>${omitted}`;
}

/** The meta lines under the heading: how much was read, the span of dates, what judged the reports. */
export function metaLines(s: CohortSummary, i18n: I18n): string[] {
  const lang = langOf(i18n);
  const lines = [`${i18n.t('cohort:read', { count: s.reports })} · ${i18n.t('cohort:skippedCount', { count: s.skipped })}`];
  if (s.firstAt && s.lastAt)
    lines.push(i18n.t('cohort:span', { first: formatDay(lang, s.firstAt.slice(0, 10)), last: formatDay(lang, s.lastAt.slice(0, 10)) }));
  lines.push(
    s.reevaluatedAgainst
      ? i18n.t('cohort:reevaluated', { exam: examTitle(s.reevaluatedAgainst.id, lang), version: s.reevaluatedAgainst.version })
      : i18n.t('cohort:asWritten'),
  );
  return lines;
}

export function renderCohortHtml(s: CohortSummary, i18n: I18n, appVersion: string): string {
  const lang = langOf(i18n);
  const t = (k: string, o?: Record<string, unknown>) => esc(i18n.t(k, o ?? {}));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${t('cohort:title')}</title><style>${CSS}</style></head>
<body>
<header><p class="muted">${t('common:app.name')}</p><h1>${t('cohort:heading')}</h1>${metaLines(s, i18n)
    .map((l) => `<p class="lead">${esc(l)}</p>`)
    .join('')}</header>
<main>
${verdictPart(s, i18n)}
${checksPart(s, i18n)}
<h2>${t('cohort:breakdowns.heading')}</h2><div class="grid">${BREAKDOWN_ORDER.map((k) => breakdownTable(k, s.breakdowns[k], i18n)).join('')}</div>
${needsHelpPart(s, i18n)}
${trendPart(s, i18n)}
${skippedPart(s, i18n)}
</main>
<footer><p class="muted">${t('cohort:footer', { version: appVersion, count: s.reports })}</p></footer>
</body></html>
`;
}
