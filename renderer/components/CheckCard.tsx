// One check result: status, what was found, what the exam asks and where it says so, the
// evidence, and the fix. Optional "re-run" button for system checks.
// Memoised: while a system check streams in, a card is rendered again only when its own result, its
// busy state or the re-run callback changes, not for every other result that lands (issue 27).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../shared/check';
import { renderMsg } from '../../shared/i18n';
import { Status } from './Status';
import { EnglishNote } from './Local';
import './check-card.css';

export const CheckCard = memo(function CheckCard({ result, onRerun, busy }: { result: CheckResult; onRerun?: (id: string) => void; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const m = (x: Parameters<typeof renderMsg>[1]) => renderMsg(i18n, x);
  const titleId = `check-${result.id}`;
  return (
    <article
      id={`card-${result.id}`}
      tabIndex={-1}
      className={`check-card check-${result.status}`}
      aria-labelledby={titleId}
      data-check-id={result.id}
      data-status={result.status}
      data-required={result.required}
    >
      <div className="check-head">
        <h3 id={titleId}>{m(result.title)}</h3>
        <Status status={result.status} />
      </div>
      <dl className="check-facts">
        {result.observed && (
          <>
            <dt>{t('common:check.observed')}</dt>
            <dd>{m(result.observed)}</dd>
          </>
        )}
        {result.expected && (
          <>
            <dt>{t('common:check.expected')}</dt>
            <dd>
              {m(result.expected)}
              {!result.required && <> {t('common:check.advisory')}</>}
            </dd>
          </>
        )}
        {result.source && (
          <>
            <dt>{t('common:check.source')}</dt>
            <dd>
              {result.source.quote ? (
                <>
                  <q lang="en">{result.source.quote}</q>
                  <EnglishNote />
                </>
              ) : (
                result.source.source
              )}
            </dd>
          </>
        )}
      </dl>
      {result.fix && result.status !== 'pass' && (
        <p className="check-fix">
          <strong>{t('common:check.fix')}</strong> {m(result.fix)}
        </p>
      )}
      {result.evidence.length > 0 && (
        <details className="check-evidence">
          <summary>{t('common:check.evidence', { count: result.evidence.length })}</summary>
          <ul>
            {result.evidence.map((e, i) => (
              <li key={i}>{m(e)}</li>
            ))}
          </ul>
        </details>
      )}
      {onRerun && (
        <button type="button" className="btn" onClick={() => onRerun(result.id)} disabled={busy} aria-describedby={titleId}>
          {busy ? t('common:check.rerunning') : t('common:check.rerun')}
        </button>
      )}
    </article>
  );
});
