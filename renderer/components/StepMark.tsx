// A journey step's state as an icon AND words (never colour alone): not started, done, problem.
import { useTranslation } from 'react-i18next';
import type { StepStatus } from '../../shared/journey';

const ICON = { 'not-started': '○', done: '✓', problem: '!' } as const;

export function StepMark({ step, compact = false }: { step: Pick<StepStatus, 'state' | 'problem'>; compact?: boolean }) {
  const { t } = useTranslation();
  const word = t(`journey:state.${step.state}`);
  const cls = `step-mark step-${step.state}${step.state === 'problem' ? ` step-${step.problem ?? 'fail'}` : ''}`;
  // in the navigation the word is for screen readers only: the icon and the label sit in a narrow bar
  return compact ? (
    <span className={cls}>
      <span aria-hidden="true">{ICON[step.state]}</span>
      <span className="sr-only">{t('journey:stateInNav', { state: word })}</span>
    </span>
  ) : (
    <span className={cls}>
      <span aria-hidden="true">{ICON[step.state]} </span>
      {word}
    </span>
  );
}
