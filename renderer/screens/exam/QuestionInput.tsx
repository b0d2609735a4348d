// One question's answer control: radio buttons, checkboxes or a text field. Every change is
// handed to onChange at once (the runner saves it to disk before confirming "saved").
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionView } from '../../../shared/api/exam';
import type { Answer } from '../../../shared/exam/grading';
import { Local } from './text';

interface Props {
  q: QuestionView;
  value: Answer | undefined;
  onChange: (a: Answer) => void;
  disabled?: boolean;
}

export function QuestionInput({ q, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (q.type === 'single' || q.type === 'multiple') {
    const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
    return (
      <fieldset className="exam-choices" disabled={disabled}>
        <legend className="sr-only">{q.type === 'single' ? t('exam:question.chooseOne') : t('exam:question.chooseAll')}</legend>
        <p className="exam-hint" aria-hidden="true">
          {q.type === 'single' ? t('exam:question.chooseOne') : t('exam:question.chooseAll')}
        </p>
        {q.choices!.map((c) => (
          <label key={c.id} className="exam-choice">
            <input
              type={q.type === 'single' ? 'radio' : 'checkbox'}
              name={`${id}-${q.id}`}
              value={c.id}
              checked={chosen.has(c.id)}
              onChange={(e) => {
                if (q.type === 'single') onChange(c.id);
                else {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(c.id);
                  else next.delete(c.id);
                  onChange(q.choices!.map((x) => x.id).filter((x) => next.has(x)));
                }
              }}
            />
            <Local text={c.text} />
          </label>
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const hint = q.type === 'numeric' ? t('exam:question.numericHint') : q.type === 'text' ? t('exam:question.textHint') : t('exam:question.shortHint');
  return (
    <div className="exam-field">
      <label htmlFor={`${id}-input`}>
        {t('exam:question.yourAnswer')}
        {q.unit ? ` (${q.unit})` : ''}
      </label>
      <p id={`${id}-hint`} className="exam-hint">
        {hint}
      </p>
      {q.type === 'short' ? (
        <textarea id={`${id}-input`} rows={6} value={text} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          id={`${id}-input`}
          type="text"
          inputMode={q.type === 'numeric' ? 'decimal' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
