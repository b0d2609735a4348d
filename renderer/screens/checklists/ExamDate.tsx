// The exam date: days left and when to run the full check again (same time of day, same network).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay, planForExamDate } from '../../../shared/checklist/dates';
import { renderMsg } from '../../../shared/i18n';
import { DayField } from '../../components/DayField';

export function ExamDate({ value, onChange }: { value: string | null; onChange: (day: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const plan = planForExamDate(value, localDay(new Date()));
  const thisYear = new Date().getFullYear();
  return (
    <section className="cl-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('checklist:examDate.heading')}</h2>
      <div className="cl-fields">
        {/* only a readable day (or clearing the field) is saved; while it is typed nothing changes */}
        <DayField
          legend={t('checklist:examDate.label')}
          value={value}
          minYear={thisYear - 1}
          maxYear={thisYear + 5}
          testId="exam-date"
          onChange={(day, empty) => {
            if (day) onChange(day);
            else if (empty) onChange(null);
          }}
        />
        {value && (
          <button type="button" className="btn" onClick={() => onChange(null)}>
            {t('checklist:examDate.clear')}
          </button>
        )}
      </div>
      {plan && (
        <p className="cl-plan" data-testid="exam-plan" data-days={plan.daysLeft}>
          {renderMsg(i18n, plan.message)}
        </p>
      )}
    </section>
  );
}
