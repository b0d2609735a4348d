// Pure measurements behind the camera and microphone screens (unit-tested without a browser).
import { msg, type CheckResult, type CheckStatus, type SourceRef } from '../../shared/check';

/** Mean luma (0–255, Rec. 601) of RGBA pixels, e.g. a small canvas copy of one video frame. */
export function meanBrightness(rgba: ArrayLike<number>): number {
  const n = Math.floor(rgba.length / 4);
  if (!n) return 0;
  let sum = 0;
  for (let i = 0; i < n * 4; i += 4) sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  return sum / n;
}

/** Below this mean luma the lens is covered or the room is too dark for a proctor to see you. */
export const DARK_THRESHOLD = 20;

/** Root mean square of audio samples in [-1, 1]. */
export function rms(samples: ArrayLike<number>): number {
  if (!samples.length) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
}

/** 0–100 level for a meter: -60 dBFS and below is 0, 0 dBFS is 100. */
export function levelPercent(r: number): number {
  if (r <= 0) return 0;
  const db = 20 * Math.log10(r);
  return Math.max(0, Math.min(100, Math.round(((db + 60) / 60) * 100)));
}

/** A level under this (on the 0–100 scale, about -51 dBFS) for the whole test is silence. */
export const SILENCE_LEVEL = 15;

export type MediaFailure = 'not-found' | 'denied' | 'in-use' | 'other';

/** getUserMedia's DOMException names, mapped to the three problems a learner can fix. */
export function classifyMediaError(err: unknown): MediaFailure {
  const name = typeof err === 'object' && err && 'name' in err ? String((err as { name: unknown }).name) : '';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'in-use';
  return 'other';
}

export type OsFamily = 'windows' | 'macos' | 'linux';
export function osFamily(userAgent: string): OsFamily {
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'macos';
  return 'linux';
}

export interface CameraRequirement { minWidth: number; minHeight: number; minFps: number; required: boolean; source?: SourceRef }
export interface CameraMeasurement { width: number; height: number; fps: number; brightness: number; label: string }

const base = (id: string, kind: 'camera' | 'microphone', required: boolean, source?: SourceRef) => ({
  id,
  area: 'devices' as const,
  title: msg(`devices:${kind}.title`),
  required,
  ...(source ? { source } : {}),
});

/** The failure of opening a device as a check result (distinct explanation and fix per cause). */
export function failureResult(kind: 'camera' | 'microphone', failure: MediaFailure, os: OsFamily, required: boolean, detail: string, source?: SourceRef): CheckResult {
  return {
    ...base(`devices.${kind}`, kind, required, source),
    status: failure === 'other' ? 'unknown' : 'fail',
    observed: msg(`devices:failure.${failure}.observed`, { '@device': `devices:${kind}.name` }),
    expected: msg(`devices:${kind}.expectedWorking`),
    evidence: detail ? [msg('devices:evidence.error', { detail })] : [],
    fix: msg(failure === 'denied' ? `devices:failure.denied.fix.${os}` : `devices:failure.${failure}.fix`, { '@device': `devices:${kind}.name` }),
    durationMs: 0,
  };
}

export function cameraResult(m: CameraMeasurement, req: CameraRequirement, durationMs: number): CheckResult {
  const lowRes = m.width < req.minWidth || m.height < req.minHeight;
  const lowFps = m.fps < req.minFps;
  const dark = m.brightness < DARK_THRESHOLD;
  const bad = lowRes || lowFps || dark;
  const status: CheckStatus = bad ? (req.required ? 'fail' : 'warn') : 'pass';
  const evidence = [
    msg('devices:evidence.device', { label: m.label }),
    msg('devices:evidence.brightness', { value: Math.round(m.brightness) }),
  ];
  return {
    ...base('devices.camera', 'camera', req.required, req.source),
    status,
    observed: msg('devices:camera.observed', { width: m.width, height: m.height, fps: Math.round(m.fps) }),
    expected: msg('devices:camera.expected', { width: req.minWidth, height: req.minHeight, fps: req.minFps }),
    evidence,
    fix: dark ? msg('devices:camera.fix.dark') : lowRes ? msg('devices:camera.fix.resolution') : lowFps ? msg('devices:camera.fix.fps') : null,
    durationMs,
  };
}

export function microphoneResult(peakLevel: number, label: string, required: boolean, durationMs: number, source?: SourceRef): CheckResult {
  const silent = peakLevel < SILENCE_LEVEL;
  return {
    ...base('devices.microphone', 'microphone', required, source),
    status: silent ? (required ? 'fail' : 'warn') : 'pass',
    observed: msg(silent ? 'devices:microphone.observedSilent' : 'devices:microphone.observed', { level: peakLevel }),
    expected: msg('devices:microphone.expected'),
    evidence: [msg('devices:evidence.device', { label })],
    fix: silent ? msg('devices:microphone.fix.silent') : null,
    durationMs,
  };
}

/**
 * Sharpness of a grayscale image as the variance of its Laplacian: text in focus has strong edges
 * (high variance), a blurred or moving card does not. `gray` is w*h luma values.
 */
export function laplacianVariance(gray: ArrayLike<number>, w: number, h: number): number {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = gray[i - w]! + gray[i + w]! + gray[i - 1]! + gray[i + 1]! - 4 * gray[i]!;
      sum += v;
      sq += v * v;
      n++;
    }
  }
  return n ? sq / n - (sum / n) ** 2 : 0;
}

export function toGray(rgba: ArrayLike<number>): Float32Array {
  const out = new Float32Array(Math.floor(rgba.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  return out;
}

/** An ID held up to the camera: readable when lit (mean luma) and sharp (Laplacian variance). */
export const ID_MIN_BRIGHTNESS = 60;
export const ID_MIN_SHARPNESS = 60;
export type IdFrameVerdict = 'readable' | 'dark' | 'blurry';
export function idFrameQuality(rgba: ArrayLike<number>, w: number, h: number): { brightness: number; sharpness: number; verdict: IdFrameVerdict } {
  const brightness = meanBrightness(rgba);
  const sharpness = laplacianVariance(toGray(rgba), w, h);
  return { brightness, sharpness, verdict: brightness < ID_MIN_BRIGHTNESS ? 'dark' : sharpness < ID_MIN_SHARPNESS ? 'blurry' : 'readable' };
}
