// Step 1: choose the exam. The choice is remembered (settings); a policy lock makes it read-only.
import { useTranslation } from 'react-i18next';
import { useFromMain } from '../../app/useFromMain';
import { errorMessage } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/text';
import { formatDay } from '../../../shared/i18n';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { MARK, markNow } from '../../app/marks';
import './choose.css';

export default function ChooseScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const loaded = useFromMain(() => window.preflight.listProfiles(i18n.language as Language), [i18n.language]);
  const profiles = loaded.value ?? null;
  const error = loaded.error;
  const locked = useApp((s) => s.settings?.lockedProfileId ?? null);
  const updateSettings = useApp((s) => s.updateSettings);

  return (
    <section>
      <h1 tabIndex={-1}>{t('common:choose.title')}</h1>
      <p className="lead">{t('common:choose.lead')}</p>
      {locked && (
        <p className="notice" role="note">
          {t('common:choose.locked')}
        </p>
      )}
      {error && (
        <p className="notice" role="alert">
          {t('common:choose.error', { error: errorMessage(i18n, error.cause) })}
        </p>
      )}
      {!profiles && !error && (
        <p className="loading" role="status">
          {t('common:shell.loading')}
        </p>
      )}
      {profiles && (
        <fieldset className="profile-list" disabled={!!locked}>
          <legend className="sr-only">{t('common:choose.title')}</legend>
          {profiles.map((p) => (
            <label key={p.id} className={`profile-option${p.id === profileId ? ' is-selected' : ''}`}>
              <input type="radio" name="profile" value={p.id} checked={p.id === profileId} onChange={() => void updateSettings({ profileId: p.id })} />
              {/* an admin's profile may lack this language: its English text is marked, never blank */}
              <span className="profile-text" lang={p.untranslated ? 'en' : undefined}>
                <span className="profile-title">{p.title}</span>
                <span className="profile-meta">
                  {p.program}
                  {p.course ? ` · ${p.course}` : ''}
                </span>
                {p.untranslated && (
                  <span className="profile-meta" lang={i18n.language}>
                    {t('common:choose.untranslated')}
                  </span>
                )}
                {p.origin !== 'builtin' && <span className="profile-meta">{t('common:choose.fromPolicy')}</span>}
                {p.reviewed && (
                  <span className={p.reviewStale ? 'profile-meta profile-stale' : 'profile-meta'} lang={i18n.language}>
                    {t(p.reviewStale ? 'profiles:review.stale' : 'profiles:review.checked', { date: formatDay(i18n.language, p.reviewed) })}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!profileId}
          onClick={(e) => {
            markNow(MARK.checkClick, e.timeStamp);
            go('check');
          }}
        >
          {t('common:choose.next')}
        </button>
      </div>
    </section>
  );
}
