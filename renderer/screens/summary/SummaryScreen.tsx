// Step 5: ready or not, and what to fix first: required failures, then what could not be checked,
// then advisory warnings. Links onward to the checklists, the mock exam and the report.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistSummary } from '../../../shared/checklist/summary';
import type { ProfileSummary } from '../../../shared/scan';
import { verdictOf, type CheckResult } from '../../../shared/check';
import { languageFromLocale, renderMsg } from '../../../shared/i18n';
import type { RouteId, ScreenProps } from '../../routes';
import { hiddenRoutes, useApp } from '../../app/store';
import { Status } from '../../components/Status';
import { Verdict } from '../../components/Verdict';
import { CopySummary } from '../../components/CopySummary';
import './summary.css';

/** required fails first, then required unknowns, then the rest of the non-passing checks */
export function fixOrder(results: readonly CheckResult[]): CheckResult[] {
  const rank = (r: CheckResult) => (r.status === 'fail' ? 0 : r.status === 'unknown' ? 2 : 4) + (r.required ? 0 : 1);
  return results.filter((r) => r.status !== 'pass').sort((a, b) => rank(a) - rank(b));
}

const NEXT: RouteId[] = ['checklists', 'exam', 'report'];

export default function SummaryScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const hidden = hiddenRoutes(info);
  const [checklist, setChecklist] = useState<ChecklistSummary | null>(null);
  const [examSupport, setExamSupport] = useState<ProfileSummary['support']>(null);
  const [examName, setExamName] = useState<string | null>(null);
  const lastCheckId = useApp((s) => s.lastCheckId);
  useEffect(() => {
    let live = true;
    if (profileId) {
      void window.preflight.getChecklists(profileId).then((s) => { if (live) setChecklist(s.summary); });
      void window.preflight.listProfiles(languageFromLocale(i18n.language)).then((ps) => {
        const p = ps.find((x) => x.id === profileId);
        if (live) { setExamSupport(p?.support ?? null); setExamName(p?.title ?? null); }
      });
    }
    return () => { live = false; };
  }, [profileId, i18n.language]);
  // who to ask: the organisation's contact (admin policy) first, else the exam's own
  const contact = info?.policy?.policy.supportContact ?? examSupport;
  const results = useApp((s) => s.results);
  const scanPhase = useApp((s) => s.scanPhase);
  const devices = useApp((s) => s.devices);
  const all = [...results, ...Object.values(devices)];
  const todo = fixOrder(all);
  const missing = [
    scanPhase !== 'done' && 'check',
    !devices['devices.camera'] && 'camera',
    !devices['devices.microphone'] && 'microphone',
    // an unticked required item is not a failure, but the learner has not confirmed it yet
    checklist?.status === 'incomplete' && 'checklists',
  ].filter((x): x is RouteId => !!x);

  return (
    <section>
      <h1 tabIndex={-1}>{t('common:summary.title')}</h1>
      {/* a required failure already decides it; otherwise unfinished steps leave it incomplete */}
      {verdictOf(all) !== 'not-ready' && missing.length > 0 ? (
        <Verdict verdict="incomplete" detail={t('common:summary.missing')} />
      ) : (
        <Verdict verdict={verdictOf(all)} />
      )}
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
          verdict={verdictOf(all) !== 'not-ready' && missing.length > 0 ? 'incomplete' : verdictOf(all)}
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
