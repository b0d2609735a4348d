// About › For support: where the log and crash reports are (both stay on this computer), buttons
// to open their folders in the desktop app, and the opt-in update check with what it found.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/api/desktop';
import { useFromMain } from '../../app/useFromMain';

function updateText(t: (k: string, o?: Record<string, unknown>) => string, u: UpdateStatus): string {
  switch (u.state) {
    case 'off':
      return t(`desktop:updates.off.${u.reason}`);
    case 'not-checked':
      return t('desktop:updates.notChecked');
    case 'checking':
      return t('desktop:updates.checking');
    case 'current':
      return t('desktop:updates.current', { version: u.version });
    case 'available':
      return t('desktop:updates.available', { version: u.version, current: u.current });
    case 'failed':
      return t('desktop:updates.failed', { detail: u.detail });
  }
}

export function DiagnosticsPanel() {
  const { t } = useTranslation();
  const diagnostics = useFromMain(() => window.preflight.getDiagnostics(), []);
  const d = diagnostics.value ?? null;
  const setD = diagnostics.set;
  const [opened, setOpened] = useState<string | null>(null);
  const [update, setUpdate] = useState<UpdateStatus | null>(null);
  if (!d) return null;
  const open = async (which: 'logs' | 'crashDumps') => setOpened((await window.preflight.openFolder(which)).ok ? null : t('desktop:diagnostics.openFailed'));
  // a folder is offered only where the desktop app can open it
  const openButton = (which: 'logs' | 'crashDumps', label: string) =>
    d.canOpenFolders && (
      <p>
        <button type="button" className="btn" onClick={() => void open(which)}>
          {label}
        </button>
      </p>
    );
  const check = async () => {
    setUpdate({ state: 'checking' });
    setUpdate(await window.preflight.checkForUpdates());
  };
  const status = update ?? d.updates;
  // the switch is offered only where a check could run: allowed by policy, a feed set, the desktop app
  const canOptIn = d.updates.state !== 'off' || d.updates.reason === 'not-opted-in';
  return (
    <>
      <h2>{t('desktop:diagnostics.title')}</h2>
      <dl className="card term-list about-list" data-testid="diagnostics">
        <dt>{t('desktop:diagnostics.log')}</dt>
        <dd>
          {d.logFile ? <code>{d.logFile}</code> : t('desktop:diagnostics.logNone')}
          {d.logFile && openButton('logs', t('desktop:diagnostics.openLogs'))}
        </dd>
        <dt>{t('desktop:diagnostics.crash')}</dt>
        <dd>
          <p>{t('desktop:diagnostics.crashText')}</p>
          {d.crashDumps && <code>{d.crashDumps}</code>}
          {d.crashDumps && openButton('crashDumps', t('desktop:diagnostics.openCrash'))}
        </dd>
        <dt>{t('desktop:updates.title')}</dt>
        <dd>
          {canOptIn && (
            <label className="rp-optin">
              <input
                type="checkbox"
                checked={d.updateChecksOptIn}
                onChange={(e) =>
                  void window.preflight.setUpdateChecks(e.target.checked).then((x) => {
                    setD(x);
                    setUpdate(null);
                  })
                }
              />
              {t('desktop:updates.optIn')}
            </label>
          )}
          <p role="status">{updateText((k, o) => t(k, o ?? {}), status)}</p>
          {d.updateChecksOptIn && status.state !== 'off' && (
            <p>
              <button type="button" className="btn" disabled={status.state === 'checking'} onClick={() => void check()}>
                {t('desktop:updates.checkNow')}
              </button>
            </p>
          )}
          <p className="cl-hint">{t('desktop:updates.never')}</p>
        </dd>
      </dl>
      {opened && (
        <p className="notice" role="alert">
          {opened}
        </p>
      )}
    </>
  );
}
