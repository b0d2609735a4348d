// The exam date: days left and when to run the full check again (same time of day, same network).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay, planForExamDate } from '../../../shared/checklist/dates';
import { renderMsg } from '../../../shared/i18n';

export function ExamDate({ value, onChange }: { value: string | null; onChange: (day: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const plan = planForExamDate(value, localDay(new Date()));
  // The field is edited locally: while a year is being typed the browser reports dates like
  // 0002-12-03; only a plausible day is saved, and a reset from outside replaces the draft.
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const edit = (v: string) => {
    setDraft(v);
    if (!v) onChange(null);
    else if (/^(20\d\d|2100)-/.test(v)) onChange(v);
  };
  return (
    <section className="cl-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('checklist:examDate.heading')}</h2>
      <div className="cl-fields">
        <label>{t('checklist:examDate.label')}<input type="date" value={draft} min="2000-01-01" max="2100-12-31" onChange={(e) => edit(e.target.value)} /></label>
        {value && <button type="button" className="btn" onClick={() => onChange(null)}>{t('checklist:examDate.clear')}</button>}
      </div>
      {plan && <p className="cl-plan" data-testid="exam-plan" data-days={plan.daysLeft}>{renderMsg(i18n, plan.message)}</p>}
    </section>
  );
}
