// Optional rehearsal: the camera with a framing guide, so the learner sees whether their ID is
// readable on camera. Twice a second the part inside the guide is measured (brightness, sharpness).
// Nothing is recorded, kept or sent; the camera stops when the learner leaves or presses Stop.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idFrameQuality, type IdFrameVerdict } from '../../media/analyze';
import { stopStream } from '../../media/devices';
import { Notice } from '../../components/Notice';

/** The guide covers the middle of the 16:9 picture in an ID card's proportions (85.6 × 54 mm); checklists.css draws it. */
const GUIDE = { w: 0.6, h: (0.6 * (16 / 9)) / 1.586 };
const SAMPLE_W = 240;

export function IdCamera() {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);
  const [on, setOn] = useState(false);
  const [quality, setQuality] = useState<{ brightness: number; sharpness: number; verdict: IdFrameVerdict } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const stop = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
    stopStream(stream.current);
    stream.current = null;
    setOn(false);
  };
  useEffect(() => stop, []);

  const start = async () => {
    setError(null);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
      const v = video.current!;
      v.srcObject = stream.current;
      await v.play();
      setOn(true);
      const canvas = document.createElement('canvas');
      timer.current = window.setInterval(() => {
        if (!v.videoWidth) return;
        const sw = v.videoWidth * GUIDE.w;
        const sh = v.videoHeight * GUIDE.h;
        canvas.width = SAMPLE_W;
        canvas.height = Math.round((SAMPLE_W * sh) / sw);
        const g = canvas.getContext('2d', { willReadFrequently: true })!;
        g.drawImage(v, (v.videoWidth - sw) / 2, (v.videoHeight - sh) / 2, sw, sh, 0, 0, canvas.width, canvas.height);
        setQuality(idFrameQuality(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height));
      }, 500);
    } catch (e) {
      stop();
      setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    }
  };

  return (
    <section className="cl-tool card" aria-labelledby="cl-cam-h">
      <h3 id="cl-cam-h">{t('checklist:camera.heading')}</h3>
      <p className="cl-hint">{t('checklist:camera.hint')}</p>
      <div className="actions">
        {!on ? (
          <button type="button" className="btn" onClick={() => void start()}>
            {t('checklist:camera.start')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={stop}>
            {t('checklist:camera.stop')}
          </button>
        )}
      </div>
      <div className="cl-camera" hidden={!on}>
        <video ref={video} muted playsInline aria-hidden="true" />
        <div className="cl-guide" data-verdict={quality?.verdict ?? 'none'}>
          <span>{t('checklist:camera.guide')}</span>
        </div>
      </div>
      {on && quality && (
        <p className="cl-result" data-testid="id-camera" data-verdict={quality.verdict} data-status={quality.verdict === 'readable' ? 'pass' : 'warn'}>
          <span aria-hidden="true">{quality.verdict === 'readable' ? '✓ ' : '⚠ '}</span>
          <strong>{t(`checklist:camera.${quality.verdict}`)}</strong>{' '}
          <span className="cl-hint">
            {t('checklist:camera.measure', { sharpness: Math.round(quality.sharpness), brightness: Math.round(quality.brightness) })}
          </span>
        </p>
      )}
      {/* the verdict alone is announced, and only when it changes (the numbers change twice a second) */}
      <p className="sr-only" role="status">
        {on && quality ? t(`checklist:camera.${quality.verdict}`) : ''}
      </p>
      {error && <Notice>{t('checklist:camera.failed', { error })}</Notice>}
    </section>
  );
}
