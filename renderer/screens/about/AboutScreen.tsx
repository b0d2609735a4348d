// About: version, and the admin policy in force (or why a policy file was rejected).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/scan';
import type { ScreenProps } from '../../routes';
import './about.css';

export default function AboutScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void window.preflight.appInfo().then((i) => { if (live) setInfo(i); });
    return () => { live = false; };
  }, []);
  const state = info?.policy ?? null;
  const p = state?.policy;
  const yesNo = (b: boolean) => t(b ? 'common:about.on' : 'common:about.off');
  return (
    <section>
      <h1 tabIndex={-1}>{t('common:about.title')}</h1>
      <p className="lead">{t('common:about.lead')}</p>
      <dl className="card about-list">
        <dt>{t('common:about.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('common:about.policy')}</dt>
        <dd>
          {!state || !state.source ? t('common:about.policyNone') : state.rejected ? t('common:about.policyRejected', { file: state.source }) : t('common:about.policyFile', { file: state.source })}
        </dd>
        {p && state?.source && !state.rejected && (
          <>
            <dt>{t('common:about.locked')}</dt>
            <dd>{p.lockedProfile ?? t('common:about.notLocked')}</dd>
            <dt>{t('common:about.network')}</dt>
            <dd>{yesNo(p.networkChecks)}</dd>
          </>
        )}
      </dl>
      {state && state.problems.length > 0 && (
        <div className="notice" role="note">
          <p>{t('common:about.problems')}</p>
          <ul>{state.problems.map((x, i) => <li key={i}><code>{x}</code></li>)}</ul>
        </div>
      )}
      <p>{t('common:about.privacy')}</p>
    </section>
  );
}
