// Step 2: the system check. Results appear as each check lands: what needs attention first, in
// the order that decides the verdict (shared/report/attention.ts; the verdict names every failed or
// unknown required check, with a link to its card), then the optional checks that could not be read
// here as one collapsed line grouped by reason, the passed checks collapsed below. One check can be re-run alone. A polite live region announces progress
// per area, not per tick.
import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { renderMsg } from '../../../shared/i18n';
import { applies, countByStatus, verdictOf, type CheckArea, type CheckResult } from '../../../shared/check';
import { attentionOf } from '../../../shared/report/attention';
import { verdictTitle } from '../../../shared/report/verdict-line';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { NotApplicable } from '../../components/NotApplicable';
import { CheckCard } from '../../components/CheckCard';
import { Unread } from '../../components/Unread';
import { Verdict } from '../../components/Verdict';
import { ContinueButton } from '../../components/ContinueButton';
import { statusCounts } from './counts';
import { MARK, markNow, useScanMarks } from '../../app/marks';
import './check.css';

const AREAS: CheckArea[] = ['system', 'browsers', 'software', 'security', 'network'];

/** Moves to a card (its heading is read out) without touching the hash route. */
function toCard(id: string) {
  const card = document.getElementById(`card-${id}`);
  card?.scrollIntoView({ block: 'start' });
  card?.focus();
}

export default function CheckScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  // only what this screen shows: a change elsewhere in the store (settings, device results) does not re-render the list
  const { results, scanPhase, scanError, rerunning, runScan, rerunCheck, scan } = useApp(
    useShallow((s) => ({
      results: s.results,
      scanPhase: s.scanPhase,
      scanError: s.scanError,
      rerunning: s.rerunning,
      runScan: s.runScan,
      rerunCheck: s.rerunCheck,
      scan: s.scan,
    })),
  );
  const stale = scan && scan.profileId !== profileId;

  useEffect(() => {
    if (profileId && (scanPhase === 'idle' || stale)) void runScan(profileId);
  }, [profileId, scanPhase, stale, runScan]);

  const areasDone = useMemo(() => AREAS.filter((a) => results.some((r) => r.area === a)).length, [results]);
  const attention = attentionOf(results);
  const problems = attention.first;
  const passed = attention.passed;
  const notApplicable = results.filter((r) => !applies(r));
  const failed = results.filter((r) => r.required && r.status === 'fail');
  const unknown = results.filter((r) => r.required && r.status === 'unknown');

  useScanMarks(scanPhase, results.length);
  // one callback for every card (memoised cards keep their render while other results land); none while a scan runs
  const rerunOne = useCallback(
    (id: string) => {
      if (profileId) void rerunCheck(profileId, id);
    },
    [profileId, rerunCheck],
  );
  const rerun = scanPhase === 'running' ? undefined : rerunOne;

  if (!profileId) return null;
  const card = (r: CheckResult) => <CheckCard key={r.id} result={r} busy={rerunning.includes(r.id)} onRerun={rerun} />;
  const named = (key: string, list: CheckResult[]) =>
    list.length > 0 && (
      <div className="verdict-list" data-testid={`verdict-${key}`}>
        <p className="verdict-detail">{t(`journey:check.${key}`, { count: list.length })}</p>
        <ul>
          {list.map((r) => (
            <li key={r.id}>
              <a
                href="#/check"
                onClick={(e) => {
                  e.preventDefault();
                  toCard(r.id);
                }}
              >
                {renderMsg(i18n, r.title)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <section>
      <h1 tabIndex={-1}>{t('common:check.title')}</h1>
      <p className="lead">{t('common:check.lead')}</p>
      {/* announced per finished area, not per result: a screen reader is not flooded while checks land */}
      <div role="status" aria-live="polite" className="scan-status" data-phase={scanPhase}>
        {scanPhase === 'running' && (
          <p>
            <span className="spinner" aria-hidden="true" /> {t('common:check.running', { areas: areasDone })}
          </p>
        )}
        {scanPhase === 'done' && (
          <p>{t('journey:check.done', { count: results.length - notApplicable.length, parts: statusCounts(t, i18n.language, countByStatus(results)) })}</p>
        )}
        {scanPhase === 'error' && <p className="notice">{t('common:check.failed', { error: renderMsg(i18n, scanError) })}</p>}
      </div>
      {scanPhase === 'running' && (
        <p className="scan-count" aria-hidden="true">
          {t('common:check.landed', { count: results.length })}
        </p>
      )}
      {scanPhase === 'done' && (
        <Verdict verdict={verdictOf(results)} title={renderMsg(i18n, verdictTitle(verdictOf(results), results))}>
          {named('failed', failed)}
          {named('unknown', unknown)}
        </Verdict>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={(e) => {
            markNow(MARK.checkClick, e.timeStamp);
            void runScan(profileId);
          }}
          disabled={scanPhase === 'running'}
        >
          {t('common:check.runAgain')}
        </button>
        {scanPhase === 'done' && <ContinueButton from="check" go={go} />}
      </div>
      {results.length > 0 && (
        <section aria-labelledby="check-problems-h" className="check-area">
          <h2 id="check-problems-h">{t('journey:check.problems', { count: problems.length })}</h2>
          {problems.length === 0 ? <p>{t('journey:check.noProblems')}</p> : problems.map(card)}
          <Unread attention={attention} item={card} />
        </section>
      )}
      {passed.length > 0 && (
        <section aria-labelledby="check-passed-h" className="check-area">
          <h2 id="check-passed-h">{t('journey:check.passed', { count: passed.length })}</h2>
          <details className="check-passed">
            <summary>{t('journey:check.showPassed', { count: passed.length })}</summary>
            {passed.map(card)}
          </details>
        </section>
      )}
      <NotApplicable results={notApplicable} className="check-not-applicable" testId="check-not-applicable" />
    </section>
  );
}
