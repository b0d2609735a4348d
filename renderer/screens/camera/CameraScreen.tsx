// Step 3: camera. Pick a device, see yourself, and get a measured answer: resolution and frame
// rate against the exam's minimum, and whether the lens is covered or the room too dark.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../shared/check';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { CheckCard } from '../../components/CheckCard';
import { ContinueButton } from '../../components/ContinueButton';
import { cameraResult, classifyMediaError, failureResult, meanBrightness, osFamily } from '../../media/analyze';
import { listDevices, measureFps, stopStream, useDeviceRequirements } from '../../media/devices';
import '../microphone/devices.css';

const MEASURE_MS = 2000;
const DEFAULT_REQ = { minWidth: 640, minHeight: 480, minFps: 15, required: true };

export default function CameraScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  const req = useDeviceRequirements(profileId);
  const camReq = req?.camera ?? DEFAULT_REQ;
  const setDeviceResult = useApp((s) => s.setDeviceResult);
  const saved = useApp((s) => s.devices['devices.camera']);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [phase, setPhase] = useState<'idle' | 'starting' | 'measuring' | 'done'>('idle');
  const [result, setResult] = useState<CheckResult | null>(saved ?? null);
  const [live, setLive] = useState(false);

  useEffect(() => () => stopStream(streamRef.current), []);

  const start = useCallback(async (id: string) => {
    stopStream(streamRef.current);
    streamRef.current = null;
    setLive(false);
    setPhase('starting');
    const began = performance.now();
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { ...(id ? { deviceId: { exact: id } } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
        audio: false,
      });
      streamRef.current = stream;
      const found = await listDevices('videoinput');
      setDevices(found);
      const track = stream.getVideoTracks()[0]!;
      setDeviceId(track.getSettings().deviceId ?? id);
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      setLive(true);
      setPhase('measuring');
      const fps = await measureFps(video, MEASURE_MS);
      const canvas = document.createElement('canvas');
      canvas.width = 32;
      canvas.height = 18;
      const g = canvas.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(video, 0, 0, canvas.width, canvas.height);
      const brightness = meanBrightness(g.getImageData(0, 0, canvas.width, canvas.height).data);
      const r = cameraResult(
        { width: video.videoWidth, height: video.videoHeight, fps, brightness, label: track.label || t('devices:camera.name') },
        camReq,
        Math.round(performance.now() - began),
      );
      setResult(r);
      setDeviceResult(r);
    } catch (err) {
      const r = failureResult('camera', classifyMediaError(err), osFamily(navigator.userAgent), camReq.required, err instanceof Error ? `${err.name}: ${err.message}` : String(err), req?.camera?.source);
      setResult(r);
      setDeviceResult(r);
    }
    setPhase('done');
  }, [camReq, req, setDeviceResult, t]);

  const busy = phase === 'starting' || phase === 'measuring';
  return (
    <section>
      <h1 tabIndex={-1}>{t('devices:camera.heading')}</h1>
      <p className="lead">{t('devices:camera.lead', { width: camReq.minWidth, height: camReq.minHeight, fps: camReq.minFps })}</p>
      <div className="device-controls">
        {devices.length > 0 && (
          <label>
            <span>{t('devices:camera.pick')}</span>
            <select value={deviceId} onChange={(e) => { setDeviceId(e.target.value); void start(e.target.value); }} disabled={busy}>
              {devices.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || t('devices:camera.unnamed', { n: i + 1 })}</option>)}
            </select>
          </label>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void start(deviceId)} disabled={busy}>
          {phase === 'idle' && !result ? t('devices:camera.start') : t('devices:camera.again')}
        </button>
      </div>
      <div className="preview" hidden={!live}>
        <video ref={videoRef} muted playsInline aria-label={t('devices:camera.preview')} />
      </div>
      <div role="status" aria-live="polite" className="device-status">
        {phase === 'starting' && t('devices:camera.starting')}
        {phase === 'measuring' && t('devices:camera.measuring')}
        {phase === 'done' && result && t(`common:status.${result.status}`)}
      </div>
      {result && phase !== 'starting' && phase !== 'measuring' && <CheckCard result={result} />}
      <div className="actions">
        <ContinueButton from="camera" go={go} primary={false} />
      </div>
    </section>
  );
}
