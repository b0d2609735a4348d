// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no external assets,
// so it opens anywhere, prints well (and to PDF), and cannot call out. Every value is escaped: the
// page is built with the html`` template (./html.ts), which escapes whatever it is given.
// Text comes from the catalogs in the reader's language; FAQ quotes stay verbatim (lang="en").
import type { i18n as I18n } from 'i18next';
import { applies, COUNTED_STATUSES, countByStatus, msg, type CheckResult, type CheckStatus } from '../check';
import { renderMsg, formatDay, formatNumber } from '../i18n/msg';
import { findProfile } from '../profile/load';
import { activeItems } from '../checklist/schema';
import { localize, type Language } from '../i18n/text';
import type { Report } from './model';
import { concat, html, raw, type Html } from './html';
import { examTitle, languageOf } from './exam-title';
import { unmeasuredDevices } from '../rules';
import type { Profile } from '../profile/schema';
import { attentionOf } from './attention';
import { verdictTitle } from './verdict-line';

/** HTML-escapes a value (also used by shared/cohort/render-html.ts). */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const ICON: Record<CheckStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', unknown: '?', 'not-applicable': '–' };
const COLOUR: Record<CheckStatus, string> = { pass: '#1a7f37', warn: '#8a5a00', fail: '#b42318', unknown: '#57606a', 'not-applicable': '#57606a' };
const AREAS = ['system', 'browsers', 'software', 'security', 'network', 'devices'] as const;

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;max-width:60rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}h3{font-size:1rem;margin:1.25rem 0 .4rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}.meta dt{color:#57606a}.meta dd{margin:0}
.checkid{font:700 1.4rem/1 ui-monospace,"DejaVu Sans Mono",monospace;letter-spacing:.05em}
.verdict{border:2px solid;border-radius:.5rem;padding:.75rem 1rem;font-weight:700;font-size:1.15rem;margin:1rem 0}
.verdict.ready{color:#1a7f37}.verdict.not-ready{color:#b42318}.verdict.incomplete{color:#57606a}
.status{font-weight:700;white-space:nowrap}.status.pass{color:#1a7f37}.status.warn{color:#8a5a00}.status.fail{color:#b42318}.status.unknown{color:#57606a}.status.not-applicable{color:#57606a;font-weight:400}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #d0d7de}th{font-size:.85rem;color:#57606a}
td ul{margin:.2rem 0;padding-left:1.1rem}.fix{margin-top:.3rem}.muted{color:#57606a}q{font-style:italic}
.privacy{background:#f6f8fa;border-left:4px solid #0969da;padding:.5rem .75rem}
pre{white-space:pre-wrap;word-break:break-word;font-size:.8rem;background:#f6f8fa;padding:.75rem}
details.unread{margin:.5rem 0}details.unread summary{font-weight:700}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,.verdict{break-inside:avoid}details{display:none}details.unread{display:block}a{color:inherit}}
`;

function countsChart(results: readonly CheckResult[], i18n: I18n): Html {
  const c = countByStatus(results);
  const order = COUNTED_STATUSES;
  const max = Math.max(1, ...order.map((s) => c[s]));
  const rowH = 26;
  const bars = order.map((s, i) => {
    const w = Math.round((c[s] / max) * 300);
    const y = i * rowH;
    return html`<text x="${0}" y="${y + 17}" font-size="13">${`${ICON[s]} ${i18n.t(`common:status.${s}`)}`}</text><rect x="130" y="${y + 4}" width="${w}" height="18" fill="${COLOUR[s]}"/><text x="${136 + w}" y="${y + 18}" font-size="13">${c[s]}</text>`;
  });
  const label = i18n.t('report:html.chartLabel', c);
  return html`<svg role="img" aria-label="${label}" width="480" height="${order.length * rowH}" viewBox="0 0 480 ${order.length * rowH}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function checkRow(r: CheckResult, i18n: I18n): Html {
  const m = (x: Parameters<typeof renderMsg>[1]) => renderMsg(i18n, x);
  const evidence = r.evidence.length > 0 && html`<ul>${r.evidence.map((e) => html`<li>${m(e)}</li>`)}</ul>`;
  const source =
    r.source && html`<div class="muted">${i18n.t('common:check.source')}: ${r.source.quote ? html`<q lang="en">${r.source.quote}</q>` : r.source.source}</div>`;
  const fix = r.fix && r.status !== 'pass' && html`<div class="fix"><strong>${i18n.t('common:check.fix')}</strong> ${m(r.fix)}</div>`;
  return concat(
    html`<tr data-check-id="${r.id}"><td><span class="status ${r.status}">${ICON[r.status]} ${i18n.t(`common:status.${r.status}`)}</span></td>`,
    html`<td><strong>${m(r.title)}</strong>${!r.required && html` <span class="muted">${i18n.t('common:check.advisory')}</span>`}${evidence}${fix}${source}</td>`,
    html`<td>${m(r.observed)}</td><td>${m(r.expected)}</td></tr>`,
  );
}

/**
 * What needs attention, in the order that decides the verdict (./attention.ts), and the optional
 * checks that could not be read as one collapsed line grouped by reason. Every check stays in the
 * tables by area below.
 */
function attentionPart(report: Report, i18n: I18n): Html {
  const a = attentionOf(report.results);
  const head = html`<thead><tr><th>${i18n.t('report:html.status')}</th><th>${i18n.t('report:html.check')}</th><th>${i18n.t('common:check.observed')}</th><th>${i18n.t('common:check.expected')}</th></tr></thead>`;
  const unread =
    a.unreadCount > 0 &&
    html`<details class="unread" data-unread="${a.unreadCount}"><summary><span class="status unknown">${ICON.unknown}</span> ${i18n.t('report:attention.unread', { count: a.unreadCount })}</summary><ul>${a.unread.map(
      (g) => html`<li>${g.results.map((r) => renderMsg(i18n, r.title)).join(', ')} — <span class="muted">${renderMsg(i18n, g.reason)}</span></li>`,
    )}</ul></details>`;
  return html`<h2 id="attention">${i18n.t('report:attention.first', { count: a.first.length })}</h2>${a.first.length > 0 ? html`<table data-attention="${a.first.length}">${head}<tbody>${a.first.map((r) => checkRow(r, i18n))}</tbody></table>` : html`<p>${i18n.t('journey:check.noProblems')}</p>`}${unread}`;
}

function checklistPart(report: Report, i18n: I18n, lang: Language): Html | '' {
  const c = report.checklist;
  if (!c || c.status === 'none') return '';
  const profile = findProfile(report.profile.id);
  const statement = new Map(activeItems(profile?.checklists).map((i) => [i.id, localize(i.statement, lang).text]));
  const rows = c.items.map(
    (i) =>
      html`<tr><td><span class="status ${i.done ? 'pass' : i.required ? 'fail' : 'unknown'}">${i.done ? '✓' : '✗'} ${i18n.t(i.done ? 'report:html.ticked' : 'report:html.notTicked')}</span></td><td>${statement.get(i.id) ?? i.id}</td><td>${i18n.t(`checklist:section.${i.section}`)}</td><td>${i18n.t(i.required ? 'checklist:item.required' : 'checklist:item.optional')}</td></tr>`,
  );
  return html`<h2>${i18n.t('report:html.checklist')}</h2><p>${c.status === 'complete' ? i18n.t('checklist:complete') : i18n.t('checklist:progress', { done: c.done, total: c.total, open: c.requiredOpen })}${c.examDate && html` ${i18n.t('report:html.examDate', { date: formatDay(i18n.language, c.examDate) })}`}</p><table><tbody>${rows}</tbody></table>`;
}

/** Pacing of the latest mock exam: per section, the time used against the time allowed. */
function pacingChart(x: NonNullable<Report['mockExam']>, i18n: I18n, lang: Language): Html | '' {
  const done = x.sections.filter((s) => s.usedMs !== null && s.limitMs > 0);
  if (!done.length) return '';
  const rowH = 26;
  // the full title is in the table above; the chart's label column holds about 28 characters
  const short = (t: string) => ([...t].length > 28 ? `${[...t].slice(0, 27).join('')}…` : t);
  const min = (ms: number) => formatNumber(i18n.language, Math.round(ms / 6000) / 10);
  const rows = done.map((s, i) => {
    const y = i * rowH;
    const used = Math.round(Math.min(1, s.usedMs! / s.limitMs) * 300);
    const text = i18n.t('report:html.minutes', { used: min(s.usedMs!), limit: min(s.limitMs) });
    // the allowed time is the outlined bar, the time used the filled one
    return html`<text x="0" y="${y + 17}" font-size="13">${short(localize(s.title, lang).text)}</text><rect x="200" y="${y + 4}" width="300" height="18" fill="none" stroke="#57606a"/><rect x="200" y="${y + 4}" width="${used}" height="18" fill="#0969da"/><text x="506" y="${y + 18}" font-size="13">${text}</text>`;
  });
  const label = done
    .map((s) => `${localize(s.title, lang).text}: ${i18n.t('report:html.minutes', { used: min(s.usedMs!), limit: min(s.limitMs) })}`)
    .join('; ');
  return html`<svg role="img" aria-label="${`${i18n.t('report:html.pacing')}: ${label}`}" width="680" height="${done.length * rowH}" viewBox="0 0 680 ${done.length * rowH}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

function mockExamPart(report: Report, i18n: I18n, lang: Language): Html | '' {
  const x = report.mockExam;
  if (!x) return '';
  const pct = (n: number) => formatNumber(i18n.language, n);
  const rows = x.sections.map(
    (s) =>
      html`<tr><td>${localize(s.title, lang).text}</td><td>${i18n.t(`exam:status.${s.status}`, { defaultValue: s.status })}</td><td>${pct(s.earned)} / ${pct(s.possible)}</td><td>${s.usedMs === null ? '—' : i18n.t('report:html.minutes', { used: pct(Math.round(s.usedMs / 6000) / 10), limit: pct(Math.round(s.limitMs / 6000) / 10) })}</td></tr>`,
  );
  const verdict = i18n.t(`exam:verdict.${x.verdict}`, { percent: pct(x.percent), pass: x.passMarkPercent });
  return concat(
    html`<h2>${i18n.t('report:html.mockExam')}</h2><p><strong>${verdict}</strong> ${x.accommodation === 'none' ? i18n.t('report:html.noAccommodation') : i18n.t('report:html.accommodation', { value: x.accommodation })}</p>`,
    html`<table><thead><tr><th>${i18n.t('exam:sections.section')}</th><th>${i18n.t('exam:sections.status')}</th><th>${i18n.t('report:html.points')}</th><th>${i18n.t('report:html.time')}</th></tr></thead><tbody>${rows}</tbody></table>${pacingChart(x, i18n, lang)}`,
  );
}

function factsPart(report: Report, i18n: I18n): Html {
  const f = report.facts;
  // GB as the checks count them (2^30 bytes), so the table and the checks agree
  const gb = (b: number | null) => (b === null ? '—' : `${formatNumber(i18n.language, Math.round((b / 2 ** 30) * 10) / 10)} GB`);
  const rows: Array<[string, string]> = [
    ['os', [f.os.name, f.os.version, f.os.arch].filter(Boolean).join(' · ')],
    ['device', [f.device.manufacturer, f.device.model, f.device.formFactor].filter(Boolean).join(' · ')],
    ['cpu', [f.device.cpu.brand, f.device.cpu.cores === null ? null : `(${f.device.cpu.cores})`].filter(Boolean).join(' ') || '—'],
    ['memory', gb(f.device.memory.totalBytes)],
    ['disk', gb(f.device.disk.freeBytes)],
    [
      'displays',
      f.displays.displays.map((d) => (d.width === null || d.height === null ? i18n.t('common:notReported') : `${d.width}×${d.height}`)).join(', ') || '—',
    ],
    ['browsers', f.browsers.browsers.map((b) => `${b.name} ${b.version ?? ''}`.trim()).join(', ') || '—'],
    ['python', f.software.python.map((p) => `${p.version ?? '—'} (${p.path})`).join(', ') || '—'],
    ['r', f.software.r.map((p) => `${p.version ?? '—'} (${p.path})`).join(', ') || '—'],
    ['host', `${f.device.hostname ?? '—'} · ${f.device.username ?? '—'}`],
  ];
  return concat(
    html`<h2>${i18n.t('report:html.facts')}</h2><dl class="meta">${rows.map(([k, v]) => html`<dt>${i18n.t(`report:html.fact.${k}`)}</dt><dd>${v}</dd>`)}</dl>`,
    html`<details><summary>${i18n.t('report:html.allFacts')}</summary><pre>${JSON.stringify(f, null, 2)}</pre></details>`,
  );
}

/** The checks that do not apply to this machine: collapsed under one line, each with its reason. */
function notApplicablePart(results: readonly CheckResult[], i18n: I18n): Html | '' {
  const na = results.filter((r) => !applies(r));
  if (!na.length) return '';
  const m = (x: Parameters<typeof renderMsg>[1]) => renderMsg(i18n, x);
  const items = na.map(
    (r) =>
      html`<li data-check-id="${r.id}"><span class="status not-applicable">${ICON['not-applicable']} ${i18n.t('common:status.not-applicable')}</span> <strong>${m(r.title)}</strong>${r.evidence.length > 0 && html` — ${r.evidence.map((e) => m(e)).join(' ')}`}</li>`,
  );
  return html`<details class="not-applicable" data-not-applicable="${na.length}"><summary>${i18n.t('report:html.notApplicable', { count: na.length })}</summary><ul>${items}</ul></details>`;
}

/**
 * The devices the exam asks for that the report holds no measurement of (a CLI run never has one),
 * named in one line. `profile`: the one judged, when the caller has it (an admin's file); else the
 * built-in of that id.
 */
function unmeasuredPart(report: Report, i18n: I18n, profile: Pick<Profile, 'requirements'> | undefined): Html | '' {
  const requirements = (profile ?? findProfile(report.profile.id))?.requirements;
  const names = requirements ? unmeasuredDevices(requirements, report.facts).map((m) => renderMsg(i18n, m)) : [];
  return names.length
    ? html`<p class="muted" data-unmeasured="${names.length}">${renderMsg(i18n, msg('report:devicesInApp', { devices: names.join(', ') }))}</p>`
    : '';
}

export function renderHtml(report: Report, i18n: I18n, opts: { profile?: Pick<Profile, 'requirements'> } = {}): string {
  const lang = languageOf(i18n);
  const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {});
  const created = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(report.createdAt));
  const grouped = AREAS.map((a) => [a, report.results.filter((r) => r.area === a && applies(r))] as const).filter(([, rs]) => rs.length);
  const title = examTitle(report, lang);
  const support = report.support ? [report.support.name, report.support.email, report.support.url].filter(Boolean).join(' · ') : '';
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${t('report:html.title', { checkId: report.checkId })}</title><style>${raw(CSS)}</style></head>
<body>
<header><p class="muted">${t('common:app.name')}</p><h1>${t('report:html.heading')}</h1>
<dl class="meta"><dt>${t('report:html.exam')}</dt><dd>${title} <span class="muted">(${report.profile.id} ${report.profile.version})</span></dd>
<dt>${t('report:html.checkId')}</dt><dd class="checkid">${report.checkId}</dd>
<dt>${t('report:html.created')}</dt><dd>${created}</dd>
<dt>${t('report:html.appVersion')}</dt><dd>${report.appVersion}</dd>
${support && html`<dt>${t('report:html.support')}</dt><dd>${support}</dd>`}</dl></header>
<p class="verdict ${report.verdict}" data-verdict="${report.verdict}">${report.verdict === 'ready' ? '✓' : report.verdict === 'not-ready' ? '✗' : '?'} ${renderMsg(i18n, verdictTitle(report.verdict, report.results))} — ${t(`report:html.verdict.${report.verdict}`)}</p>
<p class="privacy">${t(report.redacted ? 'report:html.redacted' : 'report:html.personal')}</p>
${attentionPart(report, i18n)}
<h2>${t('report:html.summary')}</h2>${countsChart(report.results, i18n)}
${grouped.map(([area, rs], i) => html`${i > 0 && '\n'}<h3>${t(`common:area.${area}`)}</h3><table><thead><tr><th>${t('report:html.status')}</th><th>${t('report:html.check')}</th><th>${t('common:check.observed')}</th><th>${t('common:check.expected')}</th></tr></thead><tbody>${rs.map((r) => checkRow(r, i18n))}</tbody></table>`)}
${notApplicablePart(report.results, i18n)}
${unmeasuredPart(report, i18n, opts.profile)}
${checklistPart(report, i18n, lang)}
${mockExamPart(report, i18n, lang)}
${factsPart(report, i18n)}
${report.log && report.log.length > 0 && html`<details class="log"><summary>${t('report:html.log', { count: report.log.length })}</summary><pre>${report.log.join('\n')}</pre></details>`}
<footer><p class="muted">${t('report:html.footer', { version: report.appVersion })}</p></footer>
</body></html>
`.text;
}
