// Taking one open section: the timer (always visible), the question navigator with answered and
// flagged marks, the current question, and early submit. Answers are kept locally for typing
// and each change is saved at once; "saved" is shown only after the main process confirms.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptView, SectionView } from '../../../shared/api/exam';
import { isAnswered, type Answer } from '../../../shared/exam/grading';
import { QuestionInput } from './QuestionInput';
import { Timer } from './Timer';
import { Local } from './text';

const FLAG = '\u2691';

interface Props {
  attempt: AttemptView;
  section: SectionView;
  skewMs: number;
  onView: (v: AttemptView) => void;
  /** re-fetch the attempt (the main process applies expiry) */
  refresh: () => Promise<void>;
}

export function SectionRunner({ attempt, section, skewMs, onView, refresh }: Props) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>(section.answers);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [confirming, setConfirming] = useState(false);
  const pending = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmBtn = useRef<HTMLButtonElement>(null);
  // the confirmation takes focus so a keyboard user lands on the decision they asked for
  useEffect(() => {
    if (confirming) confirmBtn.current?.focus();
  }, [confirming]);
  const q = section.questions[index]!;
  const flagged = section.flags.includes(q.id);

  const call = useCallback(
    async (p: Promise<AttemptView>) => {
      try {
        onView(await p);
        return true;
      } catch {
        // the section closed meanwhile (deadline) or the change was refused: show the truth
        await refresh();
        return false;
      }
    },
    [onView, refresh],
  );

  useEffect(() => {
    void window.preflight.viewQuestion(attempt.id, section.id, q.id).then(onView, () => refresh());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.id]);

  const go = (i: number) => {
    setIndex(i);
    setConfirming(false);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const change = async (a: Answer) => {
    setAnswers((prev) => ({ ...prev, [q.id]: a }));
    pending.current++;
    setSaveState('saving');
    const ok = await call(window.preflight.saveAnswer(attempt.id, section.id, q.id, a));
    pending.current--;
    if (pending.current === 0) setSaveState(ok ? 'saved' : 'error');
  };

  const answeredCount = section.questions.filter((x) => isAnswered(answers[x.id])).length;

  return (
    <section className="exam-runner" aria-labelledby="exam-section-title">
      <div className="exam-sticky">
        <h2 id="exam-section-title">
          <Local text={section.title} />
        </h2>
        <Timer
          deadline={section.deadline!}
          limitMs={section.limitMs}
          skewMs={skewMs}
          warningsPercent={attempt.warningsPercent}
          onExpire={() => void refresh()}
        />
        <p className="exam-save" data-state={saveState} role="status">
          {saveState === 'saving' ? t('exam:save.saving') : saveState === 'saved' ? t('exam:save.saved') : saveState === 'error' ? t('exam:save.error') : ''}
        </p>
      </div>
      <nav aria-label={t('exam:nav.label')} className="exam-navigator">
        <ol>
          {section.questions.map((x, i) => {
            const done = isAnswered(answers[x.id]);
            const fl = section.flags.includes(x.id);
            const label = [t('exam:nav.question', { n: i + 1 }), done ? t('exam:nav.answered') : t('exam:nav.unanswered'), fl ? t('exam:nav.flagged') : '']
              .filter(Boolean)
              .join(', ');
            return (
              <li key={x.id}>
                <button
                  type="button"
                  className="exam-nav-btn"
                  data-answered={done}
                  data-flagged={fl}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={label}
                  onClick={() => go(i)}
                >
                  {i + 1}
                  <span aria-hidden="true" className="exam-nav-mark">
                    {done ? '✓' : ''}
                    {fl ? FLAG : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <p className="exam-hint">{t('exam:nav.progress', { answered: answeredCount, count: section.questions.length, flagged: section.flags.length })}</p>
      </nav>
      <article className="exam-question" aria-labelledby="exam-q-heading">
        <h3 id="exam-q-heading" tabIndex={-1} ref={heading}>
          {t('exam:question.heading', { n: index + 1, count: section.questions.length })}{' '}
          <span className="exam-points">{t('exam:question.points', { count: q.points })}</span>
        </h3>
        <p className="exam-prompt">
          <Local text={q.prompt} note />
        </p>
        <QuestionInput key={q.id} q={q} value={answers[q.id]} onChange={(a) => void change(a)} />
        <div className="actions">
          <button
            type="button"
            className="btn"
            aria-pressed={flagged}
            onClick={() => void call(window.preflight.flagQuestion(attempt.id, section.id, q.id, !flagged))}
          >
            <span aria-hidden="true">{FLAG}</span> {flagged ? t('exam:question.unflag') : t('exam:question.flag')}
          </button>
          <button type="button" className="btn" disabled={index === 0} onClick={() => go(index - 1)}>
            {t('exam:question.previous')}
          </button>
          <button type="button" className="btn" disabled={index === section.questions.length - 1} onClick={() => go(index + 1)}>
            {t('exam:question.next')}
          </button>
        </div>
      </article>
      <div className="exam-submit">
        {!confirming ? (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            {t('exam:submit.button')}
          </button>
        ) : (
          <div role="group" aria-labelledby="exam-confirm-text" className="exam-confirm">
            <p id="exam-confirm-text">{t('exam:submit.confirm', { unanswered: section.questions.length - answeredCount })}</p>
            <button
              type="button"
              className="btn btn-primary"
              ref={confirmBtn}
              onClick={() => void call(window.preflight.submitSection(attempt.id, section.id))}
            >
              {t('exam:submit.yes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('exam:submit.no')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
