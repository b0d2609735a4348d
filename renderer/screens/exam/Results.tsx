// Results of one closed section: score, each question with the learner's answer, the correct
// answer and the explanation; short answers show the model answer and rubric and are marked by
// the learner (counted once marked); then the pacing chart.
import { useTranslation } from 'react-i18next';
import type { AttemptView, QuestionView, SectionView } from '../../../shared/api/exam';
import type { Question } from '../../../shared/exam/bank';
import type { Answer } from '../../../shared/exam/grading';
import { PacingChart } from './PacingChart';
import { Local, localText, useLang } from './text';

interface Props {
  attempt: AttemptView;
  section: SectionView;
  onView: (v: AttemptView) => void;
}

function CorrectAnswer({ q }: { q: Question }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (q.type === 'single' || q.type === 'multiple') {
    const ids = q.type === 'single' ? [q.correct] : q.correct;
    return <>{q.choices.filter((c) => ids.includes(c.id)).map((c) => localText(c.text, lang)).join('; ')}</>;
  }
  if (q.type === 'text') return <>{q.accepted.join(' / ')}</>;
  if (q.type === 'numeric') {
    const tol = q.tolerance.value ? (q.tolerance.kind === 'absolute' ? t('exam:results.tolAbs', { value: q.tolerance.value }) : t('exam:results.tolRel', { value: q.tolerance.value * 100 })) : '';
    return <>{q.answer}{q.unit ? ` ${q.unit}` : ''}{tol ? ` (${tol})` : ''}</>;
  }
  return <Local text={q.modelAnswer} />;
}

function given(qv: QuestionView, a: Answer | undefined, lang: ReturnType<typeof useLang>): string {
  if (a === undefined || (Array.isArray(a) && !a.length) || a === '') return '';
  const ids = Array.isArray(a) ? a : [a];
  if (qv.choices) return ids.map((id) => qv.choices!.find((c) => c.id === id)).filter(Boolean).map((c) => localText(c!.text, lang)).join('; ');
  return String(a);
}

export function Results({ attempt, section, onView }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const score = attempt.score.sections.find((s) => s.sectionId === section.id)!;
  return (
    <section className="exam-results" aria-labelledby={`res-${section.id}`}>
      <h3 id={`res-${section.id}`}><Local text={section.title} /></h3>
      <p className="exam-score" data-testid={`score-${section.id}`}>
        {t(`exam:status.${section.status}`)} · {t('exam:results.sectionScore', { earned: score.earned, possible: score.possible })}
        {score.pending > 0 && ` · ${t('exam:results.pending', { count: score.pending })}`}
      </p>
      <ol className="exam-result-list">
        {section.questions.map((qv, i) => {
          const q = qv.solution!;
          const g = score.questions.find((x) => x.questionId === qv.id)!.grade;
          const mine = given(qv, section.answers[qv.id], lang);
          return (
            <li key={qv.id} className="exam-result" data-grade={g.status}>
              <h4>
                {t('exam:question.heading', { n: i + 1, count: section.questions.length })} — <span className="exam-grade"><span aria-hidden="true">{g.status === 'correct' ? '✓ ' : g.status === 'incorrect' ? '✗ ' : g.status === 'pending' ? '? ' : ''}</span>{t(`exam:grade.${g.status}`)}</span>
                {' '}<span className="exam-points">{t('exam:results.points', { earned: g.earned, possible: qv.points })}</span>
              </h4>
              <p className="exam-prompt"><Local text={qv.prompt} /></p>
              <dl>
                <dt>{t('exam:results.yourAnswer')}</dt>
                <dd className="exam-given">{mine || t('exam:results.noAnswer')}</dd>
                <dt>{q.type === 'short' ? t('exam:results.modelAnswer') : t('exam:results.correctAnswer')}</dt>
                <dd><CorrectAnswer q={q} /></dd>
                {q.type === 'short' && q.rubric.length > 0 && (
                  <>
                    <dt>{t('exam:results.rubric')}</dt>
                    <dd><ul>{q.rubric.map((r, k) => <li key={k}><Local text={r} /></li>)}</ul></dd>
                  </>
                )}
                <dt>{t('exam:results.explanation')}</dt>
                <dd><Local text={q.explanation} /></dd>
              </dl>
              {/* a blank short answer has nothing to mark: it stays at 0 */}
              {q.type === 'short' && mine && (
                <div role="group" aria-label={t('exam:results.selfMark', { n: i + 1 })} className="exam-selfmark">
                  <span>{t('exam:results.selfMark', { n: i + 1 })}</span>
                  {Array.from({ length: Math.floor(q.points) + 1 }, (_, p) => (
                    <button key={p} type="button" className="btn" aria-pressed={section.selfMarks[q.id] === p}
                      onClick={() => void window.preflight.selfMark(attempt.id, section.id, q.id, p).then(onView)}>
                      {t('exam:results.markPoints', { count: p })}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <PacingChart section={section} />
    </section>
  );
}
