// Step 2: the system check. Results appear as each check lands, grouped by area; one check can be
// re-run alone. A polite live region announces progress per area, not per tick.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMsg } from '../../../shared/i18n';
import { countByStatus, verdictOf, type CheckArea, type CheckResult } from '../../../shared/check';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { CheckCard } from '../../components/CheckCard';
import { Verdict } from '../../components/Verdict';
import './check.css';

const AREAS: CheckArea[] = ['system', 'browsers', 'software', 'security', 'network'];

export default function CheckScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const { results, scanPhase, scanError, rerunning, runScan, rerunCheck, scan } = useApp();
  const stale = scan && scan.profileId !== profileId;

  useEffect(() => {
    if (profileId && (scanPhase === 'idle' || stale)) void runScan(profileId);
  }, [profileId, scanPhase, stale, runScan]);

  const grouped = useMemo(() => {
    const by = new Map<CheckArea, CheckResult[]>();
    for (const r of results) by.set(r.area, [...(by.get(r.area) ?? []), r]);
    return by;
  }, [results]);
  const counts = countByStatus(results);
  const areasDone = AREAS.filter((a) => grouped.has(a)).length;

  if (!profileId) return null;
  return (
    <section>
      <h1 tabIndex={-1}>{t('common:check.title')}</h1>
      <p className="lead">{t('common:check.lead')}</p>
      {/* announced per finished area, not per result: a screen reader is not flooded while checks land */}
      <div role="status" aria-live="polite" className="scan-status" data-phase={scanPhase}>
        {scanPhase === 'running' && <p><span className="spinner" aria-hidden="true" /> {t('common:check.running', { areas: areasDone })}</p>}
        {scanPhase === 'done' && <p>{t('common:check.done', { count: results.length, ...counts })}</p>}
        {scanPhase === 'error' && <p className="notice">{t('common:check.failed', { error: renderMsg(i18n, scanError) })}</p>}
      </div>
      {scanPhase === 'running' && <p className="scan-count" aria-hidden="true">{t('common:check.landed', { count: results.length })}</p>}
      {scanPhase === 'done' && <Verdict verdict={verdictOf(results)} />}
      <div className="actions">
        <button type="button" className="btn" onClick={() => void runScan(profileId)} disabled={scanPhase === 'running'}>
          {t('common:check.runAgain')}
        </button>
        {scanPhase === 'done' && (
          <button type="button" className="btn btn-primary" onClick={() => go('camera')}>{t('common:check.next')}</button>
        )}
      </div>
      {AREAS.filter((a) => grouped.has(a)).map((area) => (
        <section key={area} aria-labelledby={`area-${area}`} className="check-area">
          <h2 id={`area-${area}`}>{t(`common:area.${area}`)}</h2>
          {grouped.get(area)!.map((r) => (
            <CheckCard
              key={r.id}
              result={r}
              busy={rerunning.includes(r.id)}
              onRerun={scanPhase === 'running' ? undefined : () => void rerunCheck(profileId, r.id)}
            />
          ))}
        </section>
      ))}
    </section>
  );
}
