// The device picker and the start / test-again button of the camera and microphone screens, and
// the status line and result cards all device screens share. `ns` is the i18n prefix of the
// screen's texts (pick, unnamed, start, again).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useDeviceTest } from './useDeviceTest';

type DeviceTest = ReturnType<typeof useDeviceTest>;

/** Picking another device tests it at once; the button tests the chosen one (again). */
export function DeviceTestControls({ ns, test, start }: { ns: string; test: DeviceTest; start: (deviceId: string) => void }) {
  const { t } = useTranslation();
  const { devices, deviceId, busy } = test;
  // a test has run (or a result is saved): the button says "Test again"
  const started = test.phase !== 'idle' || !!test.result;
  const onPick = (id: string) => {
    test.setDeviceId(id);
    start(id);
  };
  return (
    <div className="device-controls">
      {devices.length > 0 && (
        <label>
          <span>{t(`${ns}.pick`)}</span>
          <select value={deviceId} onChange={(e) => onPick(e.target.value)} disabled={busy}>
            {devices.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label || t(`${ns}.unnamed`, { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="btn btn-primary" onClick={() => start(deviceId)} disabled={busy}>
        {started ? t(`${ns}.again`) : t(`${ns}.start`)}
      </button>
    </div>
  );
}

/**
 * The live line under the controls: what is happening while a test runs. When it ends the outcome
 * is announced to screen readers only; on screen the result card's badge already says it.
 */
export function DeviceTestStatus({ running, done }: { running: string | null; done: string | null }) {
  return (
    <div role="status" aria-live="polite" className="device-status">
      {running}
      {!running && done && <span className="sr-only">{done}</span>}
    </div>
  );
}

/** The result cards under a (visually hidden) heading: the cards' h3 titles need an h2 above them. */
export function DeviceResults({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="device-results-heading">
      <h2 id="device-results-heading" className="sr-only">
        {t('devices:results')}
      </h2>
      {children}
    </section>
  );
}
