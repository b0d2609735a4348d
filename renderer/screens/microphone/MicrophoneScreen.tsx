// Step 4: microphone. A live level meter while the learner speaks; silence for the whole test is
// reported, and the same three distinct failures as the camera (none, denied, in use).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../shared/check';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { CheckCard } from '../../components/CheckCard';
import { ContinueButton } from '../../components/ContinueButton';
import { classifyMediaError, failureResult, levelPercent, microphoneResult, osFamily, rms } from '../../media/analyze';
import { listDevices, stopStream, useDeviceRequirements } from '../../media/devices';
import './devices.css';

const LISTEN_MS = 4000;

export default function MicrophoneScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  const req = useDeviceRequirements(profileId);
  const required = req?.microphone?.required ?? false;
  const setDeviceResult = useApp((s) => s.setDeviceResult);
  const saved = useApp((s) => s.devices['devices.microphone']);
  const streamRef = useRef<MediaStream | null>(null);
  const ctxRef = useRef<AudioContext | null>(null);
  const rafRef = useRef(0);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [level, setLevel] = useState(0);
  const [peak, setPeak] = useState(0);
  const [phase, setPhase] = useState<'idle' | 'listening' | 'done'>('idle');
  const [result, setResult] = useState<CheckResult | null>(saved ?? null);

  const stop = useCallback(() => {
    cancelAnimationFrame(rafRef.current);
    stopStream(streamRef.current);
    streamRef.current = null;
    void ctxRef.current?.close().catch(() => undefined);
    ctxRef.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(async (id: string) => {
    stop();
    setPhase('listening');
    setLevel(0);
    setPeak(0);
    const began = performance.now();
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: id ? { deviceId: { exact: id } } : true, video: false });
      streamRef.current = stream;
      setDevices(await listDevices('audioinput'));
      const track = stream.getAudioTracks()[0]!;
      setDeviceId(track.getSettings().deviceId ?? id);
      const ctx = new AudioContext();
      ctxRef.current = ctx;
      await ctx.resume();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      ctx.createMediaStreamSource(stream).connect(analyser);
      const buf = new Float32Array(analyser.fftSize);
      let peak = 0;
      let shown = 0;
      await new Promise<void>((resolve) => {
        const tick = () => {
          analyser.getFloatTimeDomainData(buf);
          const l = levelPercent(rms(buf));
          peak = Math.max(peak, l);
          // meter ballistics: rise at once, fall slowly, so short sounds stay visible
          shown = Math.max(l, Math.round(shown * 0.92));
          setLevel(shown);
          setPeak(peak);
          if (performance.now() - began < LISTEN_MS && streamRef.current === stream) rafRef.current = requestAnimationFrame(tick);
          else resolve();
        };
        rafRef.current = requestAnimationFrame(tick);
      });
      const r = microphoneResult(peak, track.label || t('devices:microphone.name'), required, Math.round(performance.now() - began), req?.microphone?.source);
      setResult(r);
      setDeviceResult(r);
    } catch (err) {
      const r = failureResult('microphone', classifyMediaError(err), osFamily(navigator.userAgent), required, err instanceof Error ? `${err.name}: ${err.message}` : String(err), req?.microphone?.source);
      setResult(r);
      setDeviceResult(r);
    }
    stop();
    setLevel(0); // the meter shows live sound only; the loudest level stays beside it
    setPhase('done');
  }, [required, req, setDeviceResult, stop, t]);

  const listening = phase === 'listening';
  return (
    <section>
      <h1 tabIndex={-1}>{t('devices:microphone.heading')}</h1>
      <p className="lead">{t('devices:microphone.lead')}</p>
      <div className="device-controls">
        {devices.length > 0 && (
          <label>
            <span>{t('devices:microphone.pick')}</span>
            <select value={deviceId} onChange={(e) => { setDeviceId(e.target.value); void start(e.target.value); }} disabled={listening}>
              {devices.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || t('devices:microphone.unnamed', { n: i + 1 })}</option>)}
            </select>
          </label>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void start(deviceId)} disabled={listening}>
          {phase === 'idle' && !result ? t('devices:microphone.start') : t('devices:microphone.again')}
        </button>
      </div>
      <div className="level">
        <label htmlFor="mic-level">{t('devices:microphone.level')}</label>
        <meter id="mic-level" min={0} max={100} low={15} high={85} optimum={50} value={level} data-level={level}>{level}</meter>
        <span aria-hidden="true" className="level-value">{level}</span>
        <span className="level-peak" data-peak={peak}>{t('devices:microphone.peak', { level: peak })}</span>
      </div>
      <div role="status" aria-live="polite" className="device-status">
        {listening && t('devices:microphone.listening')}
        {phase === 'done' && result && t(`common:status.${result.status}`)}
      </div>
      {result && !listening && <CheckCard result={result} />}
      <div className="actions">
        <ContinueButton from="microphone" go={go} primary={false} />
      </div>
    </section>
  );
}
