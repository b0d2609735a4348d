// The summary: every step of the journey added up (shared/journey.ts). The verdict says
// "ready" only when every required step is done and passed; until then it says what is not done
// yet. Then what to fix first: required failures, then what could not be checked, then advisory
// warnings, then who to ask and the report.
import { useTranslation } from 'react-i18next';
import { languageFromLocale, renderMsg } from '../../../shared/i18n';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { useFromMain } from '../../app/useFromMain';
import { useJourney } from '../../app/useJourney';
import { journeyResults, notDone } from '../../../shared/journey';
import { attentionOf } from '../../../shared/report/attention';
import { Unread } from '../../components/Unread';
import { Status } from '../../components/Status';
import { Verdict } from '../../components/Verdict';
import { verdictTitle } from '../../../shared/report/verdict-line';
import { StepMark } from '../../components/StepMark';
import { ContinueButton } from '../../components/ContinueButton';
import { CopySummary } from '../../components/CopySummary';
import './summary.css';

export default function SummaryScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const lastCheckId = useApp((s) => s.lastCheckId);
  const profiles = useFromMain(() => (profileId ? window.preflight.listProfiles(languageFromLocale(i18n.language)) : null), [profileId, i18n.language]);
  const exam = profiles.value?.find((x) => x.id === profileId);
  const examSupport = exam?.support ?? null;
  const examName = exam?.title ?? null;
  // who to ask: the organisation's contact (admin policy) first, else the exam's own
  const contact = info?.policy?.policy.supportContact ?? examSupport;
  const { steps, verdict } = useJourney(profileId);
  // the same results the verdict was judged by (system check, camera and face, microphone, speakers, network)
  const attention = attentionOf(journeyResults(steps));
  const todo = attention.first;
  const open = notDone(steps);
  const requiredOpen = open.filter((s) => s.required).length;
  const stepName = (r: string) => t(`common:nav.${r}`);

  return (
    <section>
      <h1 tabIndex={-1}>{t('common:summary.title')}</h1>
      <Verdict
        verdict={verdict}
        title={renderMsg(i18n, verdictTitle(verdict, journeyResults(steps)))}
        detail={verdict === 'incomplete' ? t('journey:verdict.incomplete', { count: requiredOpen }) : t(`journey:verdict.${verdict}`)}
      />

      <h2 id="summary-steps-h">{t('journey:summary.steps')}</h2>
      <ol className="summary-steps" aria-labelledby="summary-steps-h">
        {steps.map((s) => (
          <li key={s.route} data-step={s.route} data-state={s.state}>
            <StepMark step={s} /> <a href={`#/${s.route}`}>{stepName(s.route)}</a>
            {!s.required && <> {t('journey:summary.optional')}</>}
            {s.state === 'problem' && (
              <>
                {' — '}
                {t(`journey:detail.problem.${s.problem ?? 'fail'}`, { count: s.count ?? 0 })}
              </>
            )}
            {s.unfinished && (s.route === 'camera' || s.route === 'microphone') && (
              <>
                {' — '}
                {t(`journey:detail.unfinished.${s.route}`)}
              </>
            )}
          </li>
        ))}
      </ol>

      {open.length > 0 && (
        <>
          <h2>{t('journey:summary.notDone')}</h2>
          <ul className="summary-missing">
            {open.map((s) => (
              <li key={s.route}>
                <button type="button" className="btn" onClick={() => go(s.route)}>
                  {s.route === 'checklists' && s.count
                    ? t('common:summary.do.checklists', { count: s.count })
                    : t('journey:summary.do', { step: stepName(s.route) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('common:summary.fixFirst')}</h2>
      {todo.length > 0 && (
        <ol className="fix-list" data-testid="fix-first">
          {todo.map((r) => (
            <li key={r.id}>
              <Status status={r.status} /> <strong>{renderMsg(i18n, r.title)}</strong>
              {!r.required && <> {t('common:check.advisory')}</>}
              {r.fix && <p>{renderMsg(i18n, r.fix)}</p>}
            </li>
          ))}
        </ol>
      )}
      <Unread
        attention={attention}
        item={(r) => (
          <p key={r.id} className="unread-item">
            {renderMsg(i18n, r.title)}
          </p>
        )}
      />
      {todo.length === 0 && (
        // "all set" only when there is nothing left to do either
        <p data-testid="nothing-to-fix">
          {verdict === 'ready' && open.length === 0 ? t('common:summary.nothing') : t('journey:summary.nothingYet', { count: open.length })}
        </p>
      )}
      {examName && (
        <CopySummary
          checkId={lastCheckId}
          exam={examName}
          verdict={verdict}
          failed={todo.filter((r) => r.required && r.status === 'fail').map((r) => renderMsg(i18n, r.title))}
        />
      )}
      {contact && (
        <p className="summary-help">
          {t('common:summary.help')}{' '}
          <span className="contact">{['name' in contact ? contact.name : undefined, contact.email, contact.url].filter(Boolean).join(' · ')}</span>
        </p>
      )}
      <div className="actions">
        <ContinueButton from="summary" go={go} />
      </div>
    </section>
  );
}
