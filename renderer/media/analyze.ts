// Pure measurements behind the camera and microphone screens (unit-tested without a browser). The
// verdicts on them are checks like the others (shared/rules/devices.ts), judged in main.
import type { MediaFailure, OsFamily } from '../../shared/devices/measurements';

export type { MediaFailure, OsFamily } from '../../shared/devices/measurements';

/** Mean luma (0–255, Rec. 601) of RGBA pixels, e.g. a small canvas copy of one video frame. */
export function meanBrightness(rgba: ArrayLike<number>): number {
  const n = Math.floor(rgba.length / 4);
  if (!n) return 0;
  let sum = 0;
  for (let i = 0; i < n * 4; i += 4) sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  return sum / n;
}

/** The middle value (the lower of the two middles for an even count); null when there is none. */
export function median(xs: readonly number[]): number | null {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : null;
}

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

/** getUserMedia's DOMException names, mapped to the three problems a learner can fix. */
export function classifyMediaError(err: unknown): MediaFailure {
  const name = typeof err === 'object' && err && 'name' in err ? String((err as { name: unknown }).name) : '';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'in-use';
  return 'other';
}

export function osFamily(userAgent: string): OsFamily {
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'macos';
  return 'linux';
}

/** A sample this close to full scale counts as clipped. */
export const CLIP_SAMPLE = 0.98;

/** Share of samples at (or next to) full scale. */
export function clippedShare(samples: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]!) >= CLIP_SAMPLE) n++;
  return samples.length ? n / samples.length : 0;
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
