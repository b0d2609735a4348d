// Step 5: ready or not, and what to fix first: required failures, then what could not be checked,
// then advisory warnings. Links onward to the checklists, the mock exam and the report.
import { useTranslation } from 'react-i18next';
import { useFromMain } from '../../app/useFromMain';
import { fixOrder, missingSteps, overallVerdict } from '../../../shared/journey';
import { languageFromLocale, renderMsg } from '../../../shared/i18n';
import type { RouteId, ScreenProps } from '../../screen';
import { hiddenRoutes, useApp } from '../../app/store';
import { Status } from '../../components/Status';
import { Verdict } from '../../components/Verdict';
import { CopySummary } from '../../components/CopySummary';
import './summary.css';

// moved to shared/journey.ts with the verdict; re-exported for existing callers
export { fixOrder } from '../../../shared/journey';

const NEXT: RouteId[] = ['checklists', 'exam', 'report'];

export default function SummaryScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const hidden = hiddenRoutes(info);
  const checklist = useFromMain(() => (profileId ? window.preflight.getChecklists(profileId) : null), [profileId]).value?.summary ?? null;
  const profiles = useFromMain(() => (profileId ? window.preflight.listProfiles(languageFromLocale(i18n.language)) : null), [profileId, i18n.language]).value;
  const examSupport = profiles?.find((p) => p.id === profileId)?.support ?? null;
  const examName = profiles?.find((p) => p.id === profileId)?.title ?? null;
  const lastCheckId = useApp((s) => s.lastCheckId);
  // who to ask: the organisation's contact (admin policy) first, else the exam's own
  const contact = info?.policy?.policy.supportContact ?? examSupport;
  const results = useApp((s) => s.results);
  const scanPhase = useApp((s) => s.scanPhase);
  const devices = useApp((s) => s.devices);
  const all = [...results, ...Object.values(devices)];
  const todo = fixOrder(all);
  const missing = missingSteps({ scanDone: scanPhase === 'done', devices, checklist });
  const verdict = overallVerdict(all, missing);

  return (
    <section>
      <h1 tabIndex={-1}>{t('common:summary.title')}</h1>
      {/* a required failure already decides it; otherwise unfinished steps leave it incomplete */}
      <Verdict verdict={verdict} detail={verdict === 'incomplete' && missing.length > 0 ? t('common:summary.missing') : undefined} />
      {missing.length > 0 && (
        <ul className="summary-missing">
          {missing.map((r) => (
            <li key={r}><button type="button" className="btn" onClick={() => go(r)}>{t(`common:summary.do.${r}`, { count: checklist?.requiredOpen ?? 0 })}</button></li>
          ))}
        </ul>
      )}
      <h2>{t('common:summary.fixFirst')}</h2>
      {todo.length === 0 ? (
        <p>{t('common:summary.nothing')}</p>
      ) : (
        <ol className="fix-list">
          {todo.map((r) => (
            <li key={r.id}>
              <Status status={r.status} />{' '}
              <strong>{renderMsg(i18n, r.title)}</strong>
              {!r.required && <> {t('common:check.advisory')}</>}
              {r.fix && <p>{renderMsg(i18n, r.fix)}</p>}
            </li>
          ))}
        </ol>
      )}
      {examName && (
        <CopySummary
          checkId={lastCheckId}
          exam={examName}
          verdict={verdict}
          failed={all.filter((r) => r.required && r.status === 'fail').map((r) => renderMsg(i18n, r.title))}
        />
      )}
      {contact && (
        <p className="summary-help">{t('common:summary.help')} <span className="contact">{[('name' in contact ? contact.name : undefined), contact.email, contact.url].filter(Boolean).join(' · ')}</span></p>
      )}
      <h2>{t('common:summary.next')}</h2>
      <ul className="next-links">
        {NEXT.filter((r) => !hidden.includes(r)).map((r) => (
          <li key={r}><a href={`#/${r}`}>{t(`common:nav.${r}`)}</a> — {t(`common:summary.nextText.${r}`)}</li>
        ))}
      </ul>
    </section>
  );
}
