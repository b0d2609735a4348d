// About: version, and the policy in force (an admin may lock the exam profile).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../routes';
import { useApp } from '../../app/store';

export default function AboutScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<string | null>(null);
  const locked = useApp((s) => s.settings?.lockedProfileId ?? null);
  useEffect(() => {
    void window.preflight.appInfo().then((i) => setVersion(i.version));
  }, []);
  return (
    <section>
      <h1 tabIndex={-1}>{t('common:about.title')}</h1>
      <p className="lead">{t('common:about.lead')}</p>
      <dl className="card">
        <dt>{t('common:about.version')}</dt>
        <dd>{version ?? '…'}</dd>
        <dt>{t('common:about.policy')}</dt>
        <dd>{locked ? t('common:about.policyLocked', { profileId: locked }) : t('common:about.policyNone')}</dd>
      </dl>
      <p>{t('common:about.privacy')}</p>
    </section>
  );
}
