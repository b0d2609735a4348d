// About: version, the admin policy in force (or why a policy file was rejected), and who to ask
// for help: the organisation's contact from the policy and the exam's own from its profile.
import { useTranslation } from 'react-i18next';
import { useFromMain } from '../../app/useFromMain';
import { languageFromLocale } from '../../../shared/i18n';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import './about.css';

type Contact = { name?: string; email?: string; url?: string };

// Plain, selectable text rather than links: the app opens no browser or mail client (no
// shell.openExternal in main), so learners copy the address into the program they use.
function ContactLine({ c }: { c: Contact }) {
  return <span className="contact">{[c.name, c.email, c.url].filter(Boolean).join(' · ')}</span>;
}

export default function AboutScreen({ profileId }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const all = useFromMain(() => (profileId ? window.preflight.listProfiles(languageFromLocale(i18n.language)) : null), [profileId, i18n.language]).value;
  const exam = all?.find((p) => p.id === profileId) ?? null;
  const state = info?.policy ?? null;
  const p = state?.policy;
  const org = p?.supportContact ?? null;
  const yesNo = (b: boolean) => t(b ? 'common:about.on' : 'common:about.off');
  return (
    <section>
      <h1 tabIndex={-1}>{t('common:about.title')}</h1>
      <p className="lead">{t('common:about.lead')}</p>
      <dl className="card term-list about-list">
        <dt>{t('common:about.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('common:about.policy')}</dt>
        <dd>
          {!state || !state.source
            ? t('common:about.policyNone')
            : state.rejected
              ? t('common:about.policyRejected', { file: state.source })
              : t('common:about.policyFile', { file: state.source })}
        </dd>
        {p && state?.source && !state.rejected && (
          <>
            <dt>{t('common:about.locked')}</dt>
            <dd>{p.lockedProfile ?? t('common:about.notLocked')}</dd>
            <dt>{t('common:about.network')}</dt>
            <dd>{yesNo(p.networkChecks)}</dd>
            <dt>{t('common:about.mockExam')}</dt>
            <dd>{p.hideMockExam ? t('common:about.hidden') : yesNo(true)}</dd>
          </>
        )}
        <dt>{t('common:about.support')}</dt>
        <dd data-testid="support">
          {!org && !exam?.support && t('common:about.supportNone')}
          {org && (
            <p>
              {t('common:about.supportOrg')} <ContactLine c={org} />
            </p>
          )}
          {exam?.support && (
            <p>
              {t('common:about.supportExam', { exam: exam.title })} <ContactLine c={exam.support} />
            </p>
          )}
        </dd>
      </dl>
      {state && state.problems.length > 0 && (
        <div className="notice" role="note">
          <p>{t('common:about.problems')}</p>
          <ul>
            {state.problems.map((x, i) => (
              <li key={i}>
                <code>{x}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('common:about.privacy')}</p>
      <DiagnosticsPanel />
    </section>
  );
}
