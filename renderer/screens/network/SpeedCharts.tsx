// Two small inline-SVG charts (no chart library: the CSP forbids external resources): the speed
// while a test runs, and the speeds of past tests. Each has a text equivalent for screen readers.
import { useTranslation } from 'react-i18next';
import type { NetworkRun } from '../../../shared/network/result';

export interface LivePoint {
  direction: 'download' | 'upload';
  mbps: number;
}

const W = 560,
  H = 160,
  padL = 40,
  padB = 20,
  padT = 10;

function scale(max: number) {
  const top = Math.max(1, max) * 1.1;
  return (v: number) => padT + (H - padT - padB) * (1 - v / top);
}

export function LiveChart({ points }: { points: LivePoint[] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...points.map((p) => p.mbps));
  const y = scale(max);
  const step = (W - padL - 8) / Math.max(20, points.length);
  const line = (dir: LivePoint['direction']) =>
    points
      .map((p, i) => (p.direction === dir ? `${padL + i * step},${y(p.mbps)}` : null))
      .filter(Boolean)
      .join(' ');
  const last = points.at(-1)?.mbps ?? 0;
  // the newest point of each direction as a dot: a transfer over in one sample is still seen
  const dot = (dir: LivePoint['direction']) => {
    const i = points.map((p) => p.direction).lastIndexOf(dir);
    return i < 0 ? null : <circle cx={padL + i * step} cy={y(points[i]!.mbps)} r={3.5} className={dir === 'download' ? 'down' : 'up'} />;
  };
  const fmt = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <figure className="net-chart">
      <figcaption>{t('network:screen.liveTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('network:screen.liveDesc', { mbps: fmt.format(last) })} data-testid="live-chart">
        <line x1={padL} x2={W} y1={H - padB} y2={H - padB} className="axis" />
        <text x={4} y={y(max) + 4} className="tick">
          {fmt.format(max)}
        </text>
        <text x={4} y={H - padB} className="tick">
          {fmt.format(0)}
        </text>
        <polyline points={line('download')} className="down" />
        <polyline points={line('upload')} className="up" />
        {dot('download')}
        {dot('upload')}
      </svg>
      <p className="net-legend">
        <span className="key down" aria-hidden="true" /> {t('network:screen.download')} <span className="key up" aria-hidden="true" />{' '}
        {t('network:screen.upload')}
      </p>
    </figure>
  );
}

export function HistoryChart({ runs }: { runs: NetworkRun[] }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (!runs.length) return <p>{t('network:screen.historyNone')}</p>;
  const shown = runs.slice(-12);
  const max = Math.max(1, ...shown.flatMap((r) => [r.download?.mbps ?? 0, r.upload?.mbps ?? 0]));
  const y = scale(max);
  const slot = (W - padL - 8) / shown.length;
  const bar = (i: number, k: 0 | 1, v: number | null | undefined, cls: string) => {
    const x = padL + i * slot + slot * (0.15 + 0.35 * k);
    // a slow run next to a fast one still shows a sliver, not nothing
    const top = Math.min(y(v ?? 0), v ? H - padB - 2 : H - padB);
    return <rect x={x} y={top} width={slot * 0.3} height={Math.max(0, H - padB - top)} className={cls} />;
  };
  const val = (v: number | null | undefined) => (v === null || v === undefined ? t('network:screen.notMeasured') : fmt.format(v));
  return (
    <figure className="net-chart">
      <figcaption>{t('network:screen.historyTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('network:screen.historyDesc', { count: shown.length })} data-testid="history-chart">
        <line x1={padL} x2={W} y1={H - padB} y2={H - padB} className="axis" />
        <text x={4} y={y(max) + 4} className="tick">
          {fmt.format(max)}
        </text>
        {shown.map((r, i) => (
          <g key={r.id}>
            {bar(i, 0, r.download?.mbps, 'down')}
            {bar(i, 1, r.upload?.mbps, 'up')}
          </g>
        ))}
      </svg>
      <p className="net-legend">
        <span className="key down" aria-hidden="true" /> {t('network:screen.download')} <span className="key up" aria-hidden="true" />{' '}
        {t('network:screen.upload')}
      </p>
      <details>
        <summary>{t('network:screen.historyDesc', { count: shown.length })}</summary>
        <ul>
          {shown.map((r) => (
            <li key={r.id}>{t('network:screen.historyRow', { when: date(r.startedAt), down: val(r.download?.mbps), up: val(r.upload?.mbps) })}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
