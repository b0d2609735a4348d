// The ID comparison: the name on the exam account against the name and expiry printed on the ID.
// Compared here and forgotten: these fields are never saved or sent (component state only).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames, MAX_NAME_CHARS } from '../../../shared/checklist/names';
import { checkExpiry, localDay } from '../../../shared/checklist/dates';
import { renderMsg } from '../../../shared/i18n';
import { DayField } from '../../components/DayField';

export function IdCompare({ examDate }: { examDate: string | null }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [account, setAccount] = useState('');
  const [onId, setOnId] = useState('');
  const [expiry, setExpiry] = useState('');
  const names = compareNames(account, onId);
  const exp = checkExpiry(expiry || null, examDate, localDay(new Date()));
  const nameStatus = names.verdict === 'mismatch' ? 'fail' : names.verdict === 'match-with-notes' ? 'warn' : names.verdict === 'match' ? 'pass' : 'unknown';
  const expStatus = exp.verdict === 'ok' ? 'pass' : exp.verdict === 'expired' || exp.verdict === 'expires-before-exam' ? 'fail' : 'unknown';
  const icon = (s: string) => (s === 'pass' ? '✓' : s === 'fail' ? '✗' : s === 'warn' ? '⚠' : '•');
  return (
    <section className="cl-tool card" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('checklist:name.heading')}</h3>
      <p className="cl-hint">{t('checklist:name.hint')}</p>
      <div className="cl-fields">
        <label>
          {t('checklist:name.account')}
          <input type="text" autoComplete="off" spellCheck={false} maxLength={MAX_NAME_CHARS} value={account} onChange={(e) => setAccount(e.target.value)} />
        </label>
        <label>
          {t('checklist:name.onId')}
          <input type="text" autoComplete="off" spellCheck={false} maxLength={MAX_NAME_CHARS} value={onId} onChange={(e) => setOnId(e.target.value)} />
        </label>
        {/* IDs run up to ten years (some twenty); a year outside that is a typing slip, said as such */}
        <DayField
          legend={t('checklist:name.expiry')}
          value={expiry || null}
          minYear={new Date().getFullYear() - 30}
          maxYear={new Date().getFullYear() + 30}
          testId="id-expiry"
          onChange={(day) => setExpiry(day ?? '')}
        />
      </div>
      <div className="cl-result" data-testid="name-result" data-verdict={names.verdict} data-status={nameStatus}>
        {/* announced when the verdict changes, not on every keystroke */}
        <p aria-live="polite">
          <span aria-hidden="true">{icon(nameStatus)} </span>
          <strong>{t(`checklist:name.result.${names.verdict}`)}</strong>
        </p>
        {names.notes.length > 0 && (
          <ul>
            {names.notes.map((n, i) => (
              <li key={i}>{renderMsg(i18n, n)}</li>
            ))}
          </ul>
        )}
        {names.fix && (
          <p className="cl-fix">
            <strong>{t('common:check.fix')}</strong> {renderMsg(i18n, names.fix)}
          </p>
        )}
      </div>
      {exp.message && (
        <div className="cl-result" data-testid="expiry-result" data-verdict={exp.verdict} data-status={expStatus}>
          <p aria-live="polite">
            <span aria-hidden="true">{icon(expStatus)} </span>
            {renderMsg(i18n, exp.message)}
          </p>
          {exp.fix && (
            <p className="cl-fix">
              <strong>{t('common:check.fix')}</strong> {renderMsg(i18n, exp.fix)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
