// The cohort dashboard as React components: the same summary, sections and helpers
// (shared/cohort/view.ts) as the HTML page `exam-preflight summarize --format html` writes, so the
// app and the file agree. Values from report files are plain text nodes (React escapes them).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { CohortSummary, Breakdown, BreakdownKind, VerdictCounts } from '../../../shared/cohort/summary';
import { BREAKDOWN_ORDER, VERDICTS, VERDICT_COLOUR, hasTrend, num, rowLabel, share, totalOf, verdictParams } from '../../../shared/cohort/view';
import { metaLines } from '../../../shared/cohort/render-html';
import { formatDay, renderMsg } from '../../../shared/i18n';
import { ColumnHeads } from '../../components/ColumnHeads';

function StackedBar({ v, width, label }: { v: VerdictCounts; width: number; label: string }) {
  const total = totalOf(v);
  let x = 0;
  return (
    <svg role="img" aria-label={label} width={width} height={14} viewBox={`0 0 ${width} 14`} className="co-bar">
      <rect width={width} height={14} fill="#eaeef2" />
      {VERDICTS.map((k) => {
        const w = total ? Math.round((v[k] / total) * width) : 0;
        const r = w ? <rect key={k} x={x} y={0} width={w} height={14} fill={VERDICT_COLOUR[k]} /> : null;
        x += w;
        return r;
      })}
    </svg>
  );
}

function BreakdownTable({ kind, b, i18n }: { kind: BreakdownKind; b: Breakdown; i18n: I18n }) {
  const t = i18n.t.bind(i18n);
  const rows = [...b.rows.map((r) => [r, false] as const), ...(b.other ? [[b.other, true] as const] : [])];
  return (
    <section className="co-breakdown" aria-labelledby={`co-b-${kind}`}>
      <h5 id={`co-b-${kind}`}>{t(`cohort:breakdowns.${kind}`)}</h5>
      {kind === 'browser' && <p className="cl-hint">{t('cohort:breakdowns.browserNote')}</p>}
      <table className="co-table" data-breakdown={kind}>
        <ColumnHeads
          labels={[
            t('cohort:breakdowns.value'),
            t('cohort:breakdowns.total'),
            t('cohort:breakdowns.readyShare'),
            VERDICTS.map((v) => t(`common:verdict.${v}`)).join(' / '),
          ]}
        />
        <tbody>
          {rows.map(([r, other], i) => {
            const label = rowLabel(kind, r, i18n, other);
            return (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td className="n">{num(i18n, r.total)}</td>
                <td className="n">{t('cohort:verdicts.share', { percent: share(r.verdicts.ready, r.total) })}</td>
                <td>
                  <StackedBar v={r.verdicts} width={120} label={`${label}: ${t('cohort:verdicts.chartLabel', verdictParams(r.verdicts))}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Trend({ s, i18n }: { s: CohortSummary; i18n: I18n }) {
  const t = i18n.t.bind(i18n);
  const colW = Math.max(8, Math.min(40, Math.floor(640 / s.trend.length)));
  const h = 120;
  const days = s.trend.map((d) =>
    t('cohort:trend.dayLabel', { day: formatDay(i18n.language, d.day), percent: share(d.verdicts.ready, totalOf(d.verdicts)), total: totalOf(d.verdicts) }),
  );
  return (
    <section aria-labelledby="co-trend-h" data-testid="cohort-trend">
      <h4 id="co-trend-h">{t('cohort:trend.heading')}</h4>
      <svg
        role="img"
        aria-label={t('cohort:trend.chartLabel', { days: days.join('; ') })}
        width={colW * s.trend.length}
        height={h}
        viewBox={`0 0 ${colW * s.trend.length} ${h}`}
      >
        {s.trend.map((d, i) => {
          const total = totalOf(d.verdicts);
          const ready = total ? Math.round((d.verdicts.ready / total) * h) : 0;
          return (
            <g key={d.day}>
              <rect x={i * colW} y={0} width={colW - 2} height={h} fill="#eaeef2" />
              <rect x={i * colW} y={h - ready} width={colW - 2} height={ready} fill={VERDICT_COLOUR.ready} />
            </g>
          );
        })}
      </svg>
      <table className="co-table">
        <ColumnHeads labels={[t('cohort:trend.day'), ...VERDICTS.map((v) => t(`common:verdict.${v}`)), t('cohort:breakdowns.readyShare')]} />
        <tbody>
          {s.trend.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDay(i18n.language, d.day)}</th>
              {VERDICTS.map((v) => (
                <td className="n" key={v}>
                  {num(i18n, d.verdicts[v])}
                </td>
              ))}
              <td className="n">{t('cohort:verdicts.share', { percent: share(d.verdicts.ready, totalOf(d.verdicts)) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The checks and needs-help sections: a table that scrolls sideways, or one line saying there are
 * no rows; the rows over the cap are counted below. Heading and notes come from `cohort:<kind>.*`.
 */
function ListSection({ kind, rows, omitted, children }: { kind: 'checks' | 'needsHelp'; rows: number; omitted: number; children: ReactNode }) {
  const { t } = useTranslation();
  const id = `co-${kind}-h`;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{t(`cohort:${kind}.heading`)}</h4>
      {rows === 0 ? <p>{t(`cohort:${kind}.none`)}</p> : <div className="co-scroll">{children}</div>}
      {omitted > 0 && <p className="cl-hint">{t(`cohort:${kind}.omitted`, { count: omitted })}</p>}
    </section>
  );
}

export function CohortDashboard({ summary: s }: { summary: CohortSummary }) {
  const { t, i18n } = useTranslation();
  const total = totalOf(s.verdicts);
  const when = (iso: string) => {
    const d = Date.parse(iso);
    return Number.isFinite(d) ? new Date(d).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : iso;
  };
  return (
    <div className="co-dashboard" data-testid="cohort">
      {metaLines(s, i18n).map((l) => (
        <p key={l} className="co-meta">
          {l}
        </p>
      ))}

      <section aria-labelledby="co-verdicts-h">
        <h4 id="co-verdicts-h">{t('cohort:verdicts.heading')}</h4>
        <div className="co-cards">
          {VERDICTS.map((v) => (
            <div key={v} className={`co-card ${v}`} data-verdict={v}>
              <strong>{num(i18n, s.verdicts[v])}</strong> {t(`common:verdict.${v}`)}{' '}
              <span className="cl-hint">{t('cohort:verdicts.share', { percent: share(s.verdicts[v], total) })}</span>
            </div>
          ))}
        </div>
        <StackedBar v={s.verdicts} width={480} label={t('cohort:verdicts.chartLabel', verdictParams(s.verdicts))} />
      </section>

      <ListSection kind="checks" rows={s.checks.length} omitted={s.checksOmitted}>
        <table className="co-table">
          <ColumnHeads
            labels={[
              t('cohort:checks.check'),
              t('cohort:checks.failed'),
              t('cohort:checks.unknown'),
              t('cohort:checks.warned'),
              t('cohort:checks.passed'),
              t('cohort:checks.fix'),
            ]}
          />
          <tbody>
            {s.checks.map((c) => {
              const title = renderMsg(i18n, c.title);
              const troubled = c.counts.fail || c.counts.unknown || c.counts.warn;
              return (
                <tr key={c.id} data-check={c.id}>
                  <th scope="row">
                    {title}
                    {!c.required && <span className="cl-hint"> {t('cohort:checks.advisory')}</span>}
                    <br />
                    <code className="cl-hint">{c.id}</code>
                  </th>
                  <td className="n">
                    {t('cohort:checks.ofTotal', { count: num(i18n, c.counts.fail), total: num(i18n, c.total) })}
                    <br />
                    <svg
                      role="img"
                      aria-label={t('cohort:checks.barLabel', { title, fail: c.counts.fail, total: c.total })}
                      width={120}
                      height={10}
                      viewBox="0 0 120 10"
                    >
                      <rect width={120} height={10} fill="#eaeef2" />
                      <rect width={c.total ? Math.round((c.counts.fail / c.total) * 120) : 0} height={10} fill={VERDICT_COLOUR['not-ready']} />
                    </svg>
                  </td>
                  <td className="n">{num(i18n, c.counts.unknown)}</td>
                  <td className="n">{num(i18n, c.counts.warn)}</td>
                  <td className="n">{num(i18n, c.counts.pass)}</td>
                  <td>{troubled && c.fix ? renderMsg(i18n, c.fix) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ListSection>

      <section aria-labelledby="co-breakdowns-h">
        <h4 id="co-breakdowns-h">{t('cohort:breakdowns.heading')}</h4>
        <div className="co-grid">
          {BREAKDOWN_ORDER.map((k) => (
            <BreakdownTable key={k} kind={k} b={s.breakdowns[k]} i18n={i18n} />
          ))}
        </div>
      </section>

      <ListSection kind="needsHelp" rows={s.needsHelp.length} omitted={s.needsHelpOmitted}>
        <table className="co-table" data-testid="cohort-needs-help">
          <ColumnHeads
            labels={[
              t('cohort:needsHelp.checkId'),
              t('cohort:needsHelp.file'),
              t('cohort:needsHelp.created'),
              t('cohort:needsHelp.verdict'),
              t('cohort:needsHelp.checks'),
            ]}
          />
          <tbody>
            {s.needsHelp.map((h, i) => (
              <tr key={i} data-check-id={h.checkId}>
                <th scope="row" className="co-checkid">
                  {h.checkId}
                </th>
                <td className="co-file">{h.file}</td>
                <td>{when(h.createdAt)}</td>
                <td>{t(`common:verdict.${h.verdict}`)}</td>
                <td>
                  <ul className="co-ids">
                    {h.checks.map((c) => (
                      <li key={c.id}>
                        {renderMsg(i18n, c.title)} <span className="cl-hint">({t(`common:status.${c.status}`)})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListSection>

      {hasTrend(s) && <Trend s={s} i18n={i18n} />}

      {s.skipped > 0 && (
        <section aria-labelledby="co-skipped-h">
          <h4 id="co-skipped-h">{t('cohort:skipped.heading')}</h4>
          <p>
            {t('cohort:skipped.kinds', {
              list: Object.entries(s.skippedByKind)
                .map(([k, n]) => `${t(`cohort:kind.${k}`)}: ${num(i18n, n)}`)
                .join(', '),
            })}
          </p>
          <table className="co-table" data-testid="cohort-skipped">
            <ColumnHeads labels={[t('cohort:skipped.file'), t('cohort:skipped.reason')]} />
            <tbody>
              {s.skippedFiles.map((f, i) => (
                <tr key={i} data-kind={f.kind}>
                  <th scope="row" className="co-file">
                    {f.file}
                  </th>
                  <td>{renderMsg(i18n, f.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.skippedOmitted > 0 && <p className="cl-hint">{t('cohort:skipped.omitted', { count: s.skippedOmitted })}</p>}
        </section>
      )}
    </div>
  );
}
