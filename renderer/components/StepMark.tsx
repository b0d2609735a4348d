// A journey step's state as an icon AND words (never colour alone), one state per step so the mark
// and the words always agree: not started, not finished (a test left while it ran), done, worth a
// look (an advisory finding), problem.
import { useTranslation } from 'react-i18next';
import type { StepStatus } from '../../shared/journey';

type Mark = 'not-started' | 'unfinished' | 'done' | 'review' | 'problem';
const ICON: Record<Mark, string> = { 'not-started': '○', unfinished: '◐', done: '✓', review: '⚠', problem: '!' };

/** The one mark of a step (the words are journey:state.<mark>). */
export const markOf = (step: Pick<StepStatus, 'state' | 'problem' | 'unfinished'>): Mark =>
  step.unfinished ? 'unfinished' : step.state === 'problem' && step.problem === 'warn' ? 'review' : step.state;

export function StepMark({ step, compact = false }: { step: Pick<StepStatus, 'state' | 'problem' | 'unfinished'>; compact?: boolean }) {
  const { t } = useTranslation();
  const mark = markOf(step);
  const word = t(`journey:state.${mark}`);
  const cls = `step-mark step-${step.state}${step.state === 'problem' ? ` step-${step.problem ?? 'fail'}` : ''}${step.unfinished ? ' step-unfinished' : ''}`;
  // in the navigation the word is for screen readers only: the icon and the label sit in a narrow bar
  return compact ? (
    <span className={cls}>
      <span aria-hidden="true">{ICON[mark]}</span>
      <span className="sr-only">{t('journey:stateInNav', { state: word })}</span>
    </span>
  ) : (
    <span className={cls}>
      <span aria-hidden="true">{ICON[mark]} </span>
      {word}
    </span>
  );
}
