// Time spent on each question against the even pace the section's limit allows, as an inline SVG
// bar chart (no chart library, no external resources: the CSP forbids them) with the same numbers
// in a table for screen readers and keyboard users.
import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../../shared/api/exam';
import { clock } from './text';
import { ColumnHeads } from '../../components/ColumnHeads';

export function PacingChart({ section }: { section: SectionView }) {
  const { t } = useTranslation();
  const p = section.pacing;
  if (!p) return null;
  const W = 560,
    H = 180,
    padL = 44,
    padB = 24,
    padT = 10;
  const n = p.perQuestion.length;
  const max = Math.max(p.evenMs * 1.5, ...p.perQuestion.map((q) => q.spentMs), 1);
  const bw = (W - padL - 8) / Math.max(1, n);
  const y = (ms: number) => padT + (H - padT - padB) * (1 - ms / max);
  const over = p.perQuestion.filter((q) => q.spentMs > p.evenMs).length;
  const summary = t('exam:pacing.summary', { used: clock(p.usedMs), limit: clock(p.limitMs), even: clock(p.evenMs), over, count: n });
  return (
    <figure className="exam-pacing">
      <figcaption>{t('exam:pacing.title')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="pacing-chart">
        <line x1={padL} x2={W} y1={H - padB} y2={H - padB} className="axis" />
        {p.perQuestion.map((q, i) => {
          const x = padL + i * bw + bw * 0.15;
          const top = y(q.spentMs);
          return (
            <g key={q.questionId}>
              <rect x={x} y={top} width={bw * 0.7} height={Math.max(0, H - padB - top)} className={q.spentMs > p.evenMs ? 'bar over' : 'bar'} />
              <text x={x + bw * 0.35} y={H - 8} textAnchor="middle" className="tick">
                {i + 1}
              </text>
            </g>
          );
        })}
        <line x1={padL} x2={W} y1={y(p.evenMs)} y2={y(p.evenMs)} className="even" />
        <text x={4} y={y(p.evenMs) + 4} className="tick">
          {clock(p.evenMs)}
        </text>
      </svg>
      <p className="exam-pacing-legend">
        <span className="key bar" aria-hidden="true" /> {t('exam:pacing.legendSpent')} <span className="key over" aria-hidden="true" />{' '}
        {t('exam:pacing.legendOver')} <span className="key even" aria-hidden="true" /> {t('exam:pacing.legendEven')}
      </p>
      <p>{summary}</p>
      <details>
        <summary>{t('exam:pacing.table')}</summary>
        <table>
          <ColumnHeads labels={[t('exam:pacing.question'), t('exam:pacing.spent'), t('exam:pacing.vsEven')]} />
          <tbody>
            {p.perQuestion.map((q, i) => (
              <tr key={q.questionId}>
                <th scope="row">{i + 1}</th>
                <td>{clock(q.spentMs)}</td>
                <td>{q.spentMs > p.evenMs ? t('exam:pacing.slower') : t('exam:pacing.within')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
