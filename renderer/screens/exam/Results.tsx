// Results of one closed section: score and pacing first, then the questions collapsed (wrong and
// unanswered first) with the learner's answer, the correct answer and the explanation; short
// answers show the model answer and rubric and are marked by the learner (counted once marked).
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
  /** the question list is open (the learner opened it, or chose "expand all") */
  expanded: boolean;
  onToggle: (open: boolean) => void;
}

/** wrong and unanswered first, then what is still to be marked, then the rest */
const RANK: Record<string, number> = { incorrect: 0, unanswered: 0, pending: 1, 'self-marked': 2, correct: 3 };

/** A number of an answer key as the reader's language writes it, every digit kept (1,6667). */
export function answerNumber(lang: string, n: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 20, useGrouping: false }).format(n);
}

function CorrectAnswer({ q }: { q: Question }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  if (q.type === 'single' || q.type === 'multiple') {
    const ids = q.type === 'single' ? [q.correct] : q.correct;
    return (
      <>
        {q.choices
          .filter((c) => ids.includes(c.id))
          .map((c) => localText(c.text, lang))
          .join('; ')}
      </>
    );
  }
  if (q.type === 'text') return <>{q.accepted.join(' / ')}</>;
  if (q.type === 'numeric') {
    const tol = q.tolerance.value
      ? q.tolerance.kind === 'absolute'
        ? t('exam:results.tolAbs', { value: answerNumber(i18n.language, q.tolerance.value) })
        : t('exam:results.tolRel', { value: answerNumber(i18n.language, q.tolerance.value * 100) })
      : '';
    return (
      <>
        {answerNumber(i18n.language, q.answer)}
        {q.unit ? ` ${q.unit}` : ''}
        {tol ? ` (${tol})` : ''}
      </>
    );
  }
  return <Local text={q.modelAnswer} />;
}

function given(qv: QuestionView, a: Answer | undefined, lang: ReturnType<typeof useLang>): string {
  if (a === undefined || (Array.isArray(a) && !a.length) || a === '') return '';
  const ids = Array.isArray(a) ? a : [a];
  if (qv.choices)
    return ids
      .map((id) => qv.choices!.find((c) => c.id === id))
      .filter(Boolean)
      .map((c) => localText(c!.text, lang))
      .join('; ');
  return String(a);
}

export function Results({ attempt, section, onView, expanded, onToggle }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const score = attempt.score.sections.find((s) => s.sectionId === section.id)!;
  const gradeOf = (id: string) => score.questions.find((x) => x.questionId === id)!.grade;
  const numbered = section.questions.map((qv, i) => ({ qv, i }));
  const ordered = [...numbered].sort((a, b) => (RANK[gradeOf(a.qv.id).status] ?? 2) - (RANK[gradeOf(b.qv.id).status] ?? 2) || a.i - b.i);
  const toReview = numbered.filter(({ qv }) => RANK[gradeOf(qv.id).status] === 0).length;
  return (
    <section className="exam-results" aria-labelledby={`res-${section.id}`}>
      <h3 id={`res-${section.id}`}>
        <Local text={section.title} />
      </h3>
      <p className="exam-score" data-testid={`score-${section.id}`}>
        {t(`exam:status.${section.status}`)} · {t('exam:results.sectionScore', { earned: score.earned, possible: score.possible })}
        {score.pending > 0 && ` · ${t('exam:results.pending', { count: score.pending })}`}
      </p>
      <PacingChart section={section} />
      <details
        className="exam-questions"
        open={expanded}
        onToggle={(e) => {
          if (e.currentTarget.open !== expanded) onToggle(e.currentTarget.open);
        }}
      >
        <summary data-testid={`questions-${section.id}`}>{t('journey:exam.questions', { count: section.questions.length, wrong: toReview })}</summary>
        <ul className="exam-result-list">
          {ordered.map(({ qv, i }) => {
            const q = qv.solution!;
            const g = gradeOf(qv.id);
            const mine = given(qv, section.answers[qv.id], lang);
            return (
              <li key={qv.id} className="exam-result" data-grade={g.status}>
                <h4>
                  {t('exam:question.heading', { n: i + 1, count: section.questions.length })} —{' '}
                  <span className="exam-grade">
                    <span aria-hidden="true">{g.status === 'correct' ? '✓ ' : g.status === 'incorrect' ? '✗ ' : g.status === 'pending' ? '? ' : ''}</span>
                    {t(`exam:grade.${g.status}`)}
                  </span>{' '}
                  <span className="exam-points">{t('exam:results.points', { earned: g.earned, possible: qv.points })}</span>
                </h4>
                <p className="exam-prompt">
                  <Local text={qv.prompt} note />
                </p>
                <dl>
                  <dt>{t('exam:results.yourAnswer')}</dt>
                  <dd className="exam-given">{mine || t('exam:results.noAnswer')}</dd>
                  <dt>{q.type === 'short' ? t('exam:results.modelAnswer') : t('exam:results.correctAnswer')}</dt>
                  <dd>
                    <CorrectAnswer q={q} />
                  </dd>
                  {q.type === 'short' && q.rubric.length > 0 && (
                    <>
                      <dt>{t('exam:results.rubric')}</dt>
                      <dd>
                        <ul>
                          {q.rubric.map((r, k) => (
                            <li key={k}>
                              <Local text={r} />
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                  <dt>{t('exam:results.explanation')}</dt>
                  <dd>
                    <Local text={q.explanation} />
                  </dd>
                </dl>
                {/* a blank short answer has nothing to mark: it stays at 0 */}
                {q.type === 'short' && mine && (
                  <div role="group" aria-label={t('exam:results.selfMark', { n: i + 1 })} className="exam-selfmark">
                    <span>{t('exam:results.selfMark', { n: i + 1 })}</span>
                    {Array.from({ length: Math.floor(q.points) + 1 }, (_, p) => (
                      <button
                        key={p}
                        type="button"
                        className="btn"
                        aria-pressed={section.selfMarks[q.id] === p}
                        onClick={() => void window.preflight.selfMark(attempt.id, section.id, q.id, p).then(onView)}
                      >
                        {t('exam:results.markPoints', { count: p })}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
