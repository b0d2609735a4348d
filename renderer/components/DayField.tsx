// A calendar day typed in the app's language, not the browser's: day, month (by name) and year,
// in the order the language writes them (Intl), so a Spanish screen never shows "mm/dd/yyyy"
// (Chromium's native date field follows the browser locale and ignores lang). Says when a date
// cannot be read instead of guessing; the year is bounded.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readDayParts, type DayParts } from '../../shared/checklist/dates';
import { renderMsg } from '../../shared/i18n';

const split = (v: string | null): DayParts => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v ?? '');
  return m ? { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) } : { day: '', month: '', year: '' };
};

interface Props {
  legend: string;
  value: string | null;
  /** a real day "YYYY-MM-DD", or null while the field is empty, incomplete or unreadable */
  onChange: (day: string | null, empty: boolean) => void;
  minYear: number;
  maxYear: number;
  testId?: string;
}

export function DayField({ legend, value, onChange, minYear, maxYear, testId }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [parts, setParts] = useState<DayParts>(() => split(value));
  // a value changed from outside (a reset, the saved date arriving) replaces what is typed; the
  // learner's own valid day coming back as the value leaves the fields alone
  useEffect(() => {
    setParts((p) => {
      const r = readDayParts(p, minYear, maxYear);
      if ((r.kind === 'day' ? r.value : null) === value) return p;
      return value || r.kind === 'day' ? split(value) : p;
    });
  }, [value, minYear, maxYear]);
  const read = readDayParts(parts, minYear, maxYear);
  const edit = (patch: Partial<DayParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    const r = readDayParts(next, minYear, maxYear);
    onChange(r.kind === 'day' ? r.value : null, r.kind === 'empty');
  };
  const order = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' })
        .formatToParts(new Date(Date.UTC(2026, 10, 23)))
        .map((p) => p.type)
        .filter((x): x is 'day' | 'month' | 'year' => x === 'day' || x === 'month' || x === 'year'),
    [i18n.language],
  );
  const monthName = (m: number) => t(`journey:month.${m}`);
  const problemId = `${id}-problem`;
  const invalid = read.kind === 'problem';
  const problemArgs = {
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? problemId : undefined,
  };
  // day and year are the same digits-only box, only their width differs
  const numberPart = (key: 'day' | 'year', digits: number) => (
    <label key={key} className="day-part">
      {t(`journey:date.${key}`)}
      <input
        type="text"
        inputMode="numeric"
        maxLength={digits}
        size={digits + 1}
        autoComplete="off"
        value={parts[key]}
        {...problemArgs}
        onChange={(e) => edit({ [key]: e.target.value.replace(/\D/g, '') })}
      />
    </label>
  );
  const field = {
    day: numberPart('day', 2),
    month: (
      <label key="month" className="day-part">
        {t('journey:date.month')}
        <select value={parts.month} {...problemArgs} onChange={(e) => edit({ month: e.target.value })}>
          <option value="">{t('journey:date.noMonth')}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={String(i + 1)}>
              {monthName(i + 1)}
            </option>
          ))}
        </select>
      </label>
    ),
    year: numberPart('year', 4),
  };
  return (
    <fieldset className="day-field" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="day-parts">{order.map((k) => field[k])}</div>
      {read.kind === 'problem' && (
        <p className="notice day-problem" id={problemId} role="alert">
          {renderMsg(i18n, read.message)}
        </p>
      )}
    </fieldset>
  );
}
