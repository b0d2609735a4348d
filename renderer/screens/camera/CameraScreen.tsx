// Step 3: camera. Pick a device, see yourself, and get two measured answers: the camera itself
// (resolution, frame rate, a covered lens, a virtual camera) and what the proctor will see (one face,
// big enough, centred, lit from the front), judged over a few seconds by a face detector that runs
// in a worker on this computer. No image is stored or sent; no one is identified.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screen';
import { useApp } from '../../app/store';
import { CheckCard } from '../../components/CheckCard';
import { meanBrightness, median } from '../../media/analyze';
import { measureFps } from '../../media/devices';
import { useDeviceTest } from '../../media/useDeviceTest';
import { DeviceResults, DeviceTestControls, DeviceTestStatus } from '../../media/DeviceTestControls';
import { sampleFrame, type FaceSample } from '../../media/face';
import type { FaceBox } from '../../media/face-protocol';
import { APP_CAMERA_DEFAULT, DARK_THRESHOLD } from '../../../shared/rules/devices';
import { MIN_SAMPLES } from '../../../shared/rules/face';
import { MAX_FACE_SAMPLES } from '../../../shared/devices/window-constants';
import '../../components/devices.css';
import './camera.css';
import { ContinueButton } from '../../components/ContinueButton';

const MEASURE_MS = 2000;
/** watch the face this long (more than one frame: a blink or a turned head is not a verdict) */
const FACE_MS = 4000;
/** a slow computer gets longer to collect MIN_SAMPLES frames, never forever */
const FACE_MAX_MS = 30_000;
/**
 * frames go to the detector at this width: its first look halves it (320, the detector's size); its
 * second, for a far face or one cut by the edge, looks at part of the frame at this full size
 */
const FRAME_WIDTH = 640;

type Stage = 'opening' | 'measuring' | 'loading' | 'face' | null;

export default function CameraScreen({ profileId, go }: ScreenProps) {
  const { t } = useTranslation();
  const test = useDeviceTest('camera', profileId);
  const camReq = test.req?.camera ?? APP_CAMERA_DEFAULT;
  const faceReq = test.req?.camera?.face;
  const face = useApp((s) => s.devices['devices.face']);
  // a test left while it ran (Continue during the face check): say so on coming back, not a failure
  const unfinished = useApp((s) => s.unfinished.includes('camera'));
  const videoRef = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  const [stage, setStage] = useState<Stage>(null);
  const [boxes, setBoxes] = useState<FaceBox[]>([]);
  const [aspect, setAspect] = useState('16 / 9');
  const { run, open, save, isCurrent, onStop } = test;

  const start = useCallback(
    (id: string) =>
      run(async () => {
        setLive(false);
        setBoxes([]);
        setStage('opening');
        const began = performance.now();
        const { stream, track } = await open(id, { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } });
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        setAspect(`${video.videoWidth || 16} / ${video.videoHeight || 9}`);
        setLive(true);
        setStage('measuring');
        const fps = await measureFps(video, MEASURE_MS);
        // left while measuring: the learner moved on, nothing to record (the step stays "not finished")
        if (!isCurrent(stream)) return;
        const frame = grab(video, 32);
        const brightness = meanBrightness(frame.data);
        // the camera's card shows while the face is watched; an earlier face belongs to the old picture
        await save({
          camera: {
            outcome: 'measured',
            width: video.videoWidth,
            height: video.videoHeight,
            fps,
            brightness,
            label: (track.label || t('devices:camera.name')).slice(0, 500),
            durationMs: Math.round(performance.now() - began),
          },
          face: undefined,
        });
        // a black picture (covered lens) has no face to look for: the camera card says what to do
        if (!faceReq || brightness < DARK_THRESHOLD || !isCurrent(stream)) return;
        // the detector (worker, face-api, model: separate files) loads only now: compiling it while the
        // frame rate is measured would take the processor from the camera and lower the figure
        const detector = import('../../media/face-detector').then((m) => m.startFaceDetector());
        onStop(
          () =>
            void detector.then(
              (d) => d.close(),
              () => undefined,
            ),
        );
        setStage('loading');
        const faceBegan = performance.now();
        let d: Awaited<typeof detector>;
        let backend: string;
        try {
          d = await detector;
          backend = (await d.ready).backend;
        } catch (err) {
          // closed because the learner moved on, not because the detector cannot run here
          if (!isCurrent(stream)) return;
          const detail = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
          await save({ face: { outcome: 'failed', detail, durationMs: Math.round(performance.now() - faceBegan) } });
          return;
        }
        setStage('face');
        const samples: FaceSample[] = [];
        const times: number[] = [];
        const watchBegan = performance.now();
        while (isCurrent(stream)) {
          const elapsed = performance.now() - watchBegan;
          if ((elapsed >= FACE_MS && samples.length >= MIN_SAMPLES) || elapsed >= FACE_MAX_MS || samples.length >= MAX_FACE_SAMPLES) break;
          const img = grab(video, FRAME_WIDTH);
          // the worker takes its own copy's buffer; this copy stays here for the lighting measurement
          const sent = new ImageData(new Uint8ClampedArray(img.data), img.width, img.height);
          const { faces, ms } = await d.detect(sent);
          setBoxes(faces);
          samples.push(sampleFrame(img.data, img.width, img.height, faces));
          times.push(ms);
        }
        if (isCurrent(stream))
          await save({
            face: {
              outcome: 'measured',
              samples,
              durationMs: Math.round(performance.now() - faceBegan),
              detectMs: median(times),
              backend: backend.slice(0, 50),
            },
          });
      }, true).finally(() => {
        setStage(null);
        // the boxes belong to the frames judged; the preview stays live for the learner to adjust
        setBoxes([]);
      }),
    [run, open, save, isCurrent, onStop, faceReq, t],
  );

  const busy = test.busy;
  // the camera's own card shows as soon as it is measured, while the face is still being watched
  const showCards = !busy || stage === 'loading' || stage === 'face';
  const running = stage ? t(`devices:camera.stage.${stage}`) : null;
  return (
    <section>
      <h1 tabIndex={-1}>{t('devices:camera.heading')}</h1>
      <p className="lead">{t('devices:camera.lead', { width: camReq.minWidth, height: camReq.minHeight, fps: camReq.minFps })}</p>
      {faceReq && <p>{t('devices:face.lead')}</p>}
      {unfinished && !test.busy && (
        <p className="notice" data-testid="camera-unfinished">
          {t('journey:state.unfinished')} — {t('journey:detail.unfinished.camera')}
        </p>
      )}
      <DeviceTestControls ns="devices:camera" test={test} start={(id) => void start(id)} />
      <div className="preview camera-preview" hidden={!live} style={{ aspectRatio: aspect }}>
        <video ref={videoRef} muted playsInline aria-label={t('devices:camera.preview')} />
        {boxes.map((b, i) => (
          <span
            key={i}
            className="face-box"
            aria-hidden="true"
            style={{ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.width * 100}%`, height: `${b.height * 100}%` }}
          />
        ))}
      </div>
      <DeviceTestStatus
        running={running}
        done={test.phase === 'done' && test.result ? t('devices:camera.finished', { status: t(`common:status.${test.result.status}`) }) : null}
      />
      {showCards && test.result && (
        <DeviceResults>
          <CheckCard result={test.result} />
          {face && !busy && <CheckCard result={face} />}
        </DeviceResults>
      )}
      <div className="actions">
        <ContinueButton from="camera" go={go} primary={false} />
      </div>
    </section>
  );
}

/** One video frame scaled to `width` pixels across (aspect kept), as RGBA pixels. */
function grab(video: HTMLVideoElement, width: number): ImageData {
  const w = Math.max(1, Math.min(width, video.videoWidth || width));
  const h = Math.max(1, Math.round((w * (video.videoHeight || 9)) / (video.videoWidth || 16)));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(video, 0, 0, w, h);
  return g.getImageData(0, 0, w, h);
}
