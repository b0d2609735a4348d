// The ID comparison: the name on the exam account against the name and expiry printed on the ID.
// Compared here and forgotten: these fields are never saved or sent (component state only).
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames, MAX_NAME_CHARS } from '../../../shared/checklist/names';
import { checkExpiry, localDay } from '../../../shared/checklist/dates';
import { renderMsg } from '../../../shared/i18n';
import { DayField } from '../../components/DayField';
import type { Msg } from '../../../shared/check';

const icon = (s: string) => (s === 'pass' ? '✓' : s === 'fail' ? '✗' : s === 'warn' ? '⚠' : '•');

interface ResultProps {
  testId: string;
  verdict: string;
  status: string;
  fix: Msg | null;
  notes?: Msg[];
  children: ReactNode;
}

/** One comparison's outcome: the headline (announced when it changes, not on every keystroke), notes, the fix. */
function Result({ testId, verdict, status, fix, notes = [], children }: ResultProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="cl-result" data-testid={testId} data-verdict={verdict} data-status={status}>
      <p aria-live="polite">
        <span aria-hidden="true">{icon(status)} </span>
        {children}
      </p>
      {notes.length > 0 && (
        <ul>
          {notes.map((n, i) => (
            <li key={i}>{renderMsg(i18n, n)}</li>
          ))}
        </ul>
      )}
      {fix && (
        <p className="cl-fix">
          <strong>{t('common:check.fix')}</strong> {renderMsg(i18n, fix)}
        </p>
      )}
    </div>
  );
}

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
      <Result testId="name-result" verdict={names.verdict} status={nameStatus} fix={names.fix} notes={names.notes}>
        <strong>{t(`checklist:name.result.${names.verdict}`)}</strong>
      </Result>
      {exp.message && (
        <Result testId="expiry-result" verdict={exp.verdict} status={expStatus} fix={exp.fix}>
          {renderMsg(i18n, exp.message)}
        </Result>
      )}
    </section>
  );
}
