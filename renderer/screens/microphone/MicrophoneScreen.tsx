// Step 4: microphone. First a moment of quiet (the room's noise floor), then the learner speaks
// while a live meter moves: silence, clipping (too loud, distorted), a noisy room, a virtual
// microphone and a headset (many proctors forbid them; advice from the profile) are reported.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screen';
import { CheckCard } from '../../components/CheckCard';
import { clippedShare, levelPercent, median, rms } from '../../media/analyze';
import { useDeviceTest } from '../../media/useDeviceTest';
import { DeviceResults, DeviceTestControls, DeviceTestStatus } from '../../media/DeviceTestControls';
import '../../components/devices.css';
import { ContinueButton } from '../../components/ContinueButton';

/** the quiet moment: long enough for a steady reading, short enough not to bore */
const QUIET_MS = 1500;
const SPEAK_MS = 4000;

export default function MicrophoneScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  const test = useDeviceTest('microphone', profileId);
  const [level, setLevel] = useState(0);
  const [peak, setPeak] = useState(0);
  const [stage, setStage] = useState<'quiet' | 'speak' | null>(null);
  const { run, open, save, isCurrent, onStop } = test;

  const start = useCallback(
    (id: string) =>
      run(async () => {
        setLevel(0);
        setPeak(0);
        const began = performance.now();
        const { stream, track } = await open(id);
        const ctx = new AudioContext();
        onStop(() => void ctx.close().catch(() => undefined));
        await ctx.resume();
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 2048;
        ctx.createMediaStreamSource(stream).connect(analyser);
        const buf = new Float32Array(analyser.fftSize);
        const quiet: number[] = [];
        let loud = 0;
        let clipped = 0;
        let samples = 0;
        let shown = 0;
        setStage('quiet');
        await new Promise<void>((resolve) => {
          let raf = 0;
          onStop(() => {
            cancelAnimationFrame(raf);
            resolve();
          });
          const tick = () => {
            analyser.getFloatTimeDomainData(buf);
            const l = levelPercent(rms(buf));
            const elapsed = performance.now() - began;
            if (elapsed < QUIET_MS) quiet.push(l);
            else {
              setStage('speak');
              loud = Math.max(loud, l);
              clipped += clippedShare(buf) * buf.length;
              samples += buf.length;
              setPeak(loud);
            }
            // meter ballistics: rise at once, fall slowly, so short sounds stay visible
            shown = Math.max(l, Math.round(shown * 0.92));
            setLevel(shown);
            if (elapsed < QUIET_MS + SPEAK_MS && isCurrent(stream)) raf = requestAnimationFrame(tick);
            else resolve();
          };
          raf = requestAnimationFrame(tick);
        });
        if (!isCurrent(stream)) return;
        await save({
          microphone: {
            outcome: 'measured',
            label: (track.label || t('devices:microphone.name')).slice(0, 500),
            peak: loud,
            noiseFloor: median(quiet),
            clipped: samples ? clipped / samples : 0,
            durationMs: Math.round(performance.now() - began),
          },
        });
      }).finally(() => {
        setLevel(0);
        setStage(null);
      }),
    [run, open, save, isCurrent, onStop, t],
  );

  const busy = test.busy;
  return (
    <section>
      <h1 tabIndex={-1}>{t('devices:microphone.heading')}</h1>
      <p className="lead">{t('devices:microphone.lead')}</p>
      <DeviceTestControls ns="devices:microphone" test={test} start={(id) => void start(id)} />
      <div className="level">
        <label htmlFor="mic-level">{t('devices:microphone.level')}</label>
        <meter id="mic-level" min={0} max={100} low={15} high={85} optimum={50} value={level} data-level={level}>
          {level}
        </meter>
        <span aria-hidden="true" className="level-value">
          {level}
        </span>
        <span className="level-peak" data-peak={peak}>
          {t('devices:microphone.peak', { level: peak })}
        </span>
      </div>
      <DeviceTestStatus
        running={stage ? t(`devices:microphone.stage.${stage}`) : null}
        done={test.phase === 'done' && test.result ? t('devices:microphone.finished', { status: t(`common:status.${test.result.status}`) }) : null}
      />
      {!busy && test.result && (
        <DeviceResults>
          <CheckCard result={test.result} />
        </DeviceResults>
      )}
      <div className="actions">
        <ContinueButton from="microphone" go={go} primary={false} />
      </div>
    </section>
  );
}
