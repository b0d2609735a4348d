// One attempt: the section list (limits, status, why a section is locked), the open section, and
// the results of closed sections. The attempt is re-read from main on every visit, which is when
// an expired section is submitted with what was saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import type { AttemptView } from '../../../shared/api/exam';
import { SectionRunner } from './SectionRunner';
import { Results } from './Results';
import { Local, clock, localText, minutes, useLang } from './text';
import { refreshJourney } from '../../app/useJourney';
import { formatNumber } from '../../../shared/i18n';
import { ColumnHeads } from '../../components/ColumnHeads';
import { Notice } from '../../components/Notice';

interface Props {
  attemptId: string;
  onLeave: () => void;
}

export function AttemptPanel({ attemptId, onLeave }: Props) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<AttemptView | null>(null);
  const [skew, setSkew] = useState(0);
  // the failure itself, worded at render time: the message follows a change of language
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const openBefore = useRef<string | null>(null);
  const lang = useLang();
  const error = failure && errorMessage(i18n, failure.cause);

  const onView = useCallback((v: AttemptView) => {
    // against the page's monotonic clock: a change of the computer's clock does not move the timer
    setSkew(v.now - performance.now());
    setView(v);
  }, []);
  const refresh = useCallback(async () => {
    try {
      onView(await window.preflight.getAttempt(attemptId));
    } catch (e) {
      setFailure({ cause: e });
    }
  }, [attemptId, onView]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // While a section runs, main saves the time used so far on every call: ask once a minute, so a
  // crash or a restart after a clock change loses at most a minute. The answer replaces the view
  // only when something the learner sees changed (the section closed, the clock jumped).
  const openId = view?.sections.find((s) => s.status === 'open')?.id ?? null;
  const jumps = view?.clockJumps.length ?? 0;
  useEffect(() => {
    if (!openId) return;
    const id = setInterval(() => {
      void window.preflight.getAttempt(attemptId).then(
        (v) => {
          if (v.clockJumps.length !== jumps || v.sections.find((s) => s.status === 'open')?.id !== openId) onView(v);
        },
        () => {},
      );
    }, 60_000);
    return () => clearInterval(id);
  }, [attemptId, openId, jumps, onView]);

  // A section just closed (submitted, or its time ran out): the runner and its buttons are gone, so
  // focus moves to the results and the score is announced, instead of falling to the page body.
  const openNow = view?.sections.find((s) => s.status === 'open')?.id ?? null;
  useEffect(() => {
    const was = openBefore.current;
    openBefore.current = openNow;
    if (!view || !was || was === openNow) return;
    const closed = view.sections.find((s) => s.id === was);
    if (!closed || (closed.status !== 'submitted' && closed.status !== 'expired')) return;
    const sc = view.score.sections.find((x) => x.sectionId === was);
    setAnnounce(t(`journey:exam.closed.${closed.status}`, { section: localText(closed.title, lang), earned: sc?.earned ?? 0, possible: sc?.possible ?? 0 }));
    requestAnimationFrame(() => resultsHeading.current?.focus());
    void refreshJourney(view.profileId);
  }, [openNow, view, t, lang]);

  const lastJump = view?.clockJumps.at(-1);
  if (error) return <Notice>{t('exam:errors.load', { error })}</Notice>;
  if (!view) return <p role="status">{t('exam:loading')}</p>;
  const open = view.sections.find((s) => s.status === 'open');
  const score = view.score;
  const closed = view.sections.filter((s) => s.status === 'submitted' || s.status === 'expired');
  const results = closed.length > 0 && (
    <section aria-labelledby="exam-results-h" className="exam-results-all">
      <h2 id="exam-results-h" tabIndex={-1} ref={resultsHeading}>
        {t('exam:results.title')}
      </h2>
      <p className="exam-total" data-verdict={score.verdict} data-testid="exam-total">
        <span aria-hidden="true">{score.verdict === 'pass' ? '✓ ' : score.verdict === 'fail' ? '✗ ' : '… '}</span>
        {t(`exam:verdict.${score.verdict}`, {
          percent: formatNumber(i18n.language, score.percent),
          pass: formatNumber(i18n.language, score.passMarkPercent),
        })}{' '}
        {t('exam:results.total', { earned: score.earned, possible: score.possible })}
      </p>
      <div className="actions">
        {expanded.length < closed.length ? (
          <button type="button" className="btn" onClick={() => setExpanded(closed.map((x) => x.id))}>
            {t('journey:exam.expandAll')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => setExpanded([])}>
            {t('journey:exam.collapseAll')}
          </button>
        )}
      </div>
      {closed.map((s) => (
        <Results
          key={s.id}
          attempt={view}
          section={s}
          onView={onView}
          expanded={expanded.includes(s.id)}
          onToggle={(o) => setExpanded((e) => (o ? [...e.filter((x) => x !== s.id), s.id] : e.filter((x) => x !== s.id)))}
        />
      ))}
    </section>
  );

  return (
    <div className="exam-attempt">
      <p role="status" className="sr-only" data-testid="exam-announce">
        {announce}
      </p>
      {lastJump && (
        <Notice testId="exam-clock-jump">
          {t(lastJump.byMs < 0 ? 'exam:timer.clockBack' : 'exam:timer.clockForward', { count: Math.max(1, Math.round(Math.abs(lastJump.byMs) / 60_000)) })}
        </Notice>
      )}
      {/* score and pacing first once nothing is open; while a section runs, the section list leads */}
      {!open && results}
      <section aria-labelledby="exam-sections-h">
        <h2 id="exam-sections-h">{t('exam:sections.title')}</h2>
        {view.accommodation.kind !== 'none' && (
          <p className="exam-accom">
            {view.accommodation.kind === 'extra-minutes'
              ? t('exam:accommodation.appliedMinutes', { count: view.accommodation.minutes })
              : t('exam:accommodation.appliedFactor', { factor: formatNumber(i18n.language, view.accommodation.factor) })}
          </p>
        )}
        <table className="exam-sections">
          <ColumnHeads
            labels={[
              t('exam:sections.section'),
              t('exam:sections.limit'),
              t('exam:sections.questions'),
              t('exam:sections.status'),
              <span className="sr-only">{t('exam:sections.action')}</span>,
            ]}
          />
          <tbody>
            {view.sections.map((s) => (
              <tr key={s.id} data-testid={`section-${s.id}`} data-status={s.status}>
                <th scope="row">
                  <Local text={s.title} />
                </th>
                <td>
                  {t('exam:sections.minutes', { count: minutes(s.limitMs) })}
                  {s.limitMs !== s.baseLimitMs && ` (${t('exam:sections.base', { count: minutes(s.baseLimitMs) })})`}
                </td>
                <td>{s.questions.length}</td>
                <td>
                  <span className={`exam-status exam-status-${s.status}`}>
                    <span aria-hidden="true">{s.status === 'submitted' ? '✓ ' : s.status === 'expired' ? '◔ ' : s.status === 'open' ? '▶ ' : ''}</span>
                    {t(`exam:status.${s.status}`)}
                  </span>
                  {s.status === 'expired' && s.closedAt && (
                    <span className="exam-hint"> {t('exam:sections.expiredAt', { time: new Date(s.closedAt).toLocaleTimeString(i18n.language) })}</span>
                  )}
                </td>
                <td>
                  {s.status === 'not-started' &&
                    (s.blockedBy ? (
                      <span className="exam-hint">{t(`exam:sections.blocked.${s.blockedBy}`)}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-primary"
                        onClick={() => void window.preflight.openSection(view.id, s.id).then(onView, () => refresh())}
                        aria-label={t('exam:sections.openNamed', { limit: clock(s.limitMs) })}
                      >
                        {t('exam:sections.open')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="exam-hint">{t('exam:sections.noReopen')}</p>
      </section>

      {open && <SectionRunner key={open.id} attempt={view} section={open} skewMs={skew} onView={onView} refresh={refresh} />}

      {open && results}
      <div className="actions">
        <button type="button" className="btn" onClick={onLeave}>
          {t('exam:attempt.back')}
        </button>
      </div>
    </div>
  );
}
