// One attempt: the section list (limits, status, why a section is locked), the open section, and
// the results of closed sections. The attempt is re-read from main on every visit, which is when
// an expired section is submitted with what was saved.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import type { AttemptView } from '../../../shared/api/exam';
import { SectionRunner } from './SectionRunner';
import { Results } from './Results';
import { Local, clock, minutes } from './text';

interface Props { attemptId: string; onLeave: () => void }

export function AttemptPanel({ attemptId, onLeave }: Props) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<AttemptView | null>(null);
  const [skew, setSkew] = useState(0);
  // the failure itself: worded at render time, so it follows a language switch
  const [error, setError] = useState<{ cause: unknown } | null>(null);

  const onView = useCallback((v: AttemptView) => {
    setSkew(v.now - Date.now());
    setView(v);
  }, []);
  const refresh = useCallback(async () => {
    try {
      onView(await window.preflight.getAttempt(attemptId));
    } catch (e) {
      setError({ cause: e });
    }
  }, [attemptId, onView]);
  useEffect(() => { void refresh(); }, [refresh]);

  if (error) return <p className="notice" role="alert">{t('exam:errors.load', { error: errorMessage(i18n, error.cause) })}</p>;
  if (!view) return <p role="status">{t('exam:loading')}</p>;
  const open = view.sections.find((s) => s.status === 'open');
  const score = view.score;

  return (
    <div className="exam-attempt">
      <section aria-labelledby="exam-sections-h">
        <h2 id="exam-sections-h">{t('exam:sections.title')}</h2>
        {view.accommodation.kind !== 'none' && (
          <p className="exam-accom">{view.accommodation.kind === 'extra-minutes' ? t('exam:accommodation.appliedMinutes', { count: view.accommodation.minutes }) : t('exam:accommodation.appliedFactor', { factor: view.accommodation.factor })}</p>
        )}
        <table className="exam-sections">
          <thead><tr><th scope="col">{t('exam:sections.section')}</th><th scope="col">{t('exam:sections.limit')}</th><th scope="col">{t('exam:sections.questions')}</th><th scope="col">{t('exam:sections.status')}</th><th scope="col"><span className="sr-only">{t('exam:sections.action')}</span></th></tr></thead>
          <tbody>
            {view.sections.map((s) => (
              <tr key={s.id} data-testid={`section-${s.id}`} data-status={s.status}>
                <th scope="row"><Local text={s.title} /></th>
                <td>{t('exam:sections.minutes', { count: minutes(s.limitMs) })}{s.limitMs !== s.baseLimitMs && ` (${t('exam:sections.base', { count: minutes(s.baseLimitMs) })})`}</td>
                <td>{s.questions.length}</td>
                <td><span className={`exam-status exam-status-${s.status}`}><span aria-hidden="true">{s.status === 'submitted' ? '✓ ' : s.status === 'expired' ? '◔ ' : s.status === 'open' ? '▶ ' : ''}</span>{t(`exam:status.${s.status}`)}</span>
                  {s.status === 'expired' && s.closedAt && <span className="exam-hint"> {t('exam:sections.expiredAt', { time: new Date(s.closedAt).toLocaleTimeString(i18n.language) })}</span>}
                </td>
                <td>
                  {s.status === 'not-started' && (
                    s.blockedBy ? <span className="exam-hint">{t(`exam:sections.blocked.${s.blockedBy}`)}</span> : (
                      <button type="button" className="btn btn-primary" onClick={() => void window.preflight.openSection(view.id, s.id).then(onView, () => refresh())}
                        aria-label={t('exam:sections.openNamed', { limit: clock(s.limitMs) })}>
                        {t('exam:sections.open')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="exam-hint">{t('exam:sections.noReopen')}</p>
      </section>

      {open && <SectionRunner key={open.id} attempt={view} section={open} skewMs={skew} onView={onView} refresh={refresh} />}

      {view.sections.some((s) => s.status === 'submitted' || s.status === 'expired') && (
        <section aria-labelledby="exam-results-h" className="exam-results-all">
          <h2 id="exam-results-h">{t('exam:results.title')}</h2>
          <p className="exam-total" data-verdict={score.verdict} data-testid="exam-total">
            <span aria-hidden="true">{score.verdict === 'pass' ? '✓ ' : score.verdict === 'fail' ? '✗ ' : '… '}</span>
            {t(`exam:verdict.${score.verdict}`, { percent: score.percent, pass: score.passMarkPercent })}{' '}
            {t('exam:results.total', { earned: score.earned, possible: score.possible })}
          </p>
          {view.sections.filter((s) => s.status === 'submitted' || s.status === 'expired').map((s) => <Results key={s.id} attempt={view} section={s} onView={onView} />)}
        </section>
      )}
      <div className="actions"><button type="button" className="btn" onClick={onLeave}>{t('exam:attempt.back')}</button></div>
    </div>
  );
}
