// Step 5: speakers. The proctor may speak to you: play a short tone through the chosen output and
// say whether you heard it. Only the learner can tell, so the answer is theirs (two buttons, both
// reachable by keyboard); no answer is no result.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { useFromMain } from '../../app/useFromMain';
import { CheckCard } from '../../components/CheckCard';
import { listDevices } from '../../media/devices';
import { canChooseOutput, playTone } from '../../media/tone';
import { DeviceResults, DeviceTestStatus } from '../../media/DeviceTestControls';
import '../../components/devices.css';
import { ContinueButton } from '../../components/ContinueButton';

export default function SpeakersScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  const measureDevices = useApp((s) => s.measureDevices);
  const saved = useApp((s) => s.devices['devices.speakers']);
  const [sinkId, setSinkId] = useState('');
  const [phase, setPhase] = useState<'idle' | 'playing' | 'asking' | 'done'>(saved ? 'done' : 'idle');
  const [routed, setRouted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const choosable = canChooseOutput();

  // labels appear once any media permission was given (the camera or microphone step)
  const outputs = useFromMain(() => listDevices('audiooutput').then((d) => d.filter((x) => x.deviceId !== 'communications')), []).value ?? [];
  useEffect(() => {
    if (phase === 'asking') questionRef.current?.focus();
  }, [phase]);

  const play = async () => {
    setError(null);
    setPhase('playing');
    try {
      setRouted((await playTone(choosable ? sinkId : '')).routed);
      setPhase('asking');
    } catch (err) {
      setError(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
      setPhase('idle');
    }
  };
  const answer = async (heard: boolean) => {
    const label = (outputs.find((o) => o.deviceId === sinkId)?.label || t('devices:speakers.defaultOutput')).slice(0, 500);
    // main judges the answer against the exam (required or advice)
    if (profileId) await measureDevices(profileId, { speakers: { heard, label, routed } });
    setPhase('done');
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('devices:speakers.heading')}</h1>
      <p className="lead">{t('devices:speakers.lead')}</p>
      <div className="device-controls">
        {choosable && outputs.length > 0 ? (
          <label>
            <span>{t('devices:speakers.pick')}</span>
            <select value={sinkId} onChange={(e) => setSinkId(e.target.value)} disabled={phase === 'playing'}>
              <option value="">{t('devices:speakers.defaultOutput')}</option>
              {outputs
                .filter((o) => o.deviceId !== 'default')
                .map((o, i) => (
                  <option key={o.deviceId} value={o.deviceId}>
                    {o.label || t('devices:speakers.unnamed', { n: i + 1 })}
                  </option>
                ))}
            </select>
          </label>
        ) : (
          <p className="device-note">{t(choosable ? 'devices:speakers.noList' : 'devices:speakers.noChoice')}</p>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void play()} disabled={phase === 'playing'}>
          {phase === 'idle' ? t('devices:speakers.play') : t('devices:speakers.playAgain')}
        </button>
      </div>
      <DeviceTestStatus
        running={phase === 'playing' ? t('devices:speakers.playing') : null}
        done={phase === 'done' && saved ? t('devices:speakers.finished', { status: t(`common:status.${saved.status}`) }) : null}
      />
      {error && (
        <p className="device-error" role="alert">
          {t('devices:speakers.error', { detail: error })}
        </p>
      )}
      {phase === 'asking' && (
        <div className="speaker-question" role="group" aria-labelledby="speaker-q">
          <h2 id="speaker-q" tabIndex={-1} ref={questionRef}>
            {t('devices:speakers.question')}
          </h2>
          <div className="device-controls">
            <button type="button" className="btn btn-primary" onClick={() => void answer(true)}>
              {t('devices:speakers.heard')}
            </button>
            <button type="button" className="btn" onClick={() => void answer(false)}>
              {t('devices:speakers.notHeard')}
            </button>
          </div>
        </div>
      )}
      {phase !== 'asking' && phase !== 'playing' && saved && (
        <DeviceResults>
          <CheckCard result={saved} />
        </DeviceResults>
      )}
      <div className="actions">
        <ContinueButton from="speakers" go={go} primary={false} />
      </div>
    </section>
  );
}
