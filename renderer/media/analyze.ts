// Pure measurements behind the camera and microphone screens (unit-tested without a browser).
import { dataMsg, msg, type CheckResult, type CheckStatus, type Msg, type SourceRef } from '../../shared/check';
import type { MediaAccess } from '../../shared/devices/media-access';
import { isHeadsetLabel, virtualDeviceFor } from '../../shared/devices/catalog';

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

/** The cause once the OS's own switches are known: the browser's error name alone can mislead. */
export type MediaCause = MediaFailure | 'os-blocked' | 'linux-group';

/**
 * What the browser's error means on this machine. Windows answers NotReadableError (not
 * NotAllowedError) when its privacy switch keeps desktop apps from the camera, so "in use by another
 * app" is only right when the switches are on; on Linux a device the user's groups cannot open
 * fails the same way.
 */
export function mediaCause(failure: MediaFailure, os: OsFamily, access: MediaAccess | undefined, kind: 'camera' | 'microphone'): MediaCause {
  const dev = access?.[kind];
  const switchedOff = !!dev && [dev.system, dev.apps, dev.desktopApps].some((s) => s === 'denied' || s === 'restricted');
  if ((failure === 'in-use' || failure === 'denied') && switchedOff && os !== 'linux') return 'os-blocked';
  if ((failure === 'in-use' || failure === 'denied') && os === 'linux' && kind === 'camera' && access?.linux?.inVideoGroup === false) return 'linux-group';
  return failure;
}

export type OsFamily = 'windows' | 'macos' | 'linux';
export function osFamily(userAgent: string): OsFamily {
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'macos';
  return 'linux';
}

export interface CameraRequirement {
  minWidth: number;
  minHeight: number;
  minFps: number;
  required: boolean;
  source?: SourceRef;
  virtualDevices?: { required: boolean };
}
export interface CameraMeasurement {
  width: number;
  height: number;
  fps: number;
  brightness: number;
  label: string;
}

const base = (id: string, kind: 'camera' | 'microphone', required: boolean, source?: SourceRef) => ({
  id,
  area: 'devices' as const,
  title: msg(`devices:${kind}.title`),
  required,
  ...(source ? { source } : {}),
});

/** Evidence from the OS facts that explains a failure (which programs hold the device, the switches). */
function accessEvidence(access: MediaAccess | undefined, kind: 'camera' | 'microphone'): Msg[] {
  const dev = access?.[kind];
  if (!dev) return [];
  const out: Msg[] = [];
  if (dev.inUseBy.length) out.push(msg('devices:evidence.inUseBy', { apps: dev.inUseBy.join(', ') }));
  if (dev.system !== 'unknown' || dev.apps || dev.desktopApps) {
    out.push(
      msg('devices:evidence.switches', {
        '@system': `devices:access.${dev.system}`,
        '@apps': `devices:access.${dev.apps ?? 'unknown'}`,
        '@desktop': `devices:access.${dev.desktopApps ?? 'unknown'}`,
      }),
    );
  }
  if (kind === 'camera' && access?.linux) {
    out.push(
      access.linux.videoDevices.length
        ? msg('devices:evidence.videoNodes', { list: access.linux.videoDevices.join(', '), group: access.linux.group ?? '?' })
        : msg('devices:evidence.noVideoNodes'),
    );
  }
  return out;
}

/**
 * The failure of opening a device as a check result (distinct explanation and fix per cause). A
 * device the exam does not require is a warning, never a red fail.
 */
export function failureResult(
  kind: 'camera' | 'microphone',
  failure: MediaFailure,
  os: OsFamily,
  required: boolean,
  detail: string,
  source?: SourceRef,
  access?: MediaAccess,
): CheckResult {
  const cause = mediaCause(failure, os, access, kind);
  // a message key passed by parameter name ('@device'): facts are never keys
  const device = `devices:${kind}.name`;
  const fix = cause === 'denied' || cause === 'os-blocked' ? `devices:failure.${cause}.fix.${os}` : `devices:failure.${cause}.fix`;
  const inUse = cause === 'in-use' && access?.[kind]?.inUseBy.length ? access[kind].inUseBy.join(', ') : null;
  return {
    ...base(`devices.${kind}`, kind, required, source),
    status: cause === 'other' ? 'unknown' : required ? 'fail' : 'warn',
    observed: inUse
      ? msg('devices:failure.in-use.observedBy', { '@device': device, apps: inUse })
      : msg(`devices:failure.${cause}.observed`, { '@device': device }),
    expected: msg(`devices:${kind}.expectedWorking`),
    evidence: [...(detail ? [msg('devices:evidence.error', { detail })] : []), ...accessEvidence(access, kind)],
    fix: dataMsg(fix, { '@device': device }),
    durationMs: 0,
  };
}

/** A software camera or microphone from the catalog, when the profile flags them. */
function virtualFinding(label: string, kind: 'camera' | 'microphone', rule: { required: boolean } | undefined): { name: string; required: boolean } | null {
  if (!rule) return null;
  const v = virtualDeviceFor(label, kind);
  return v ? { name: v.name, required: rule.required } : null;
}

export function cameraResult(m: CameraMeasurement, req: CameraRequirement, durationMs: number): CheckResult {
  const lowRes = m.width < req.minWidth || m.height < req.minHeight;
  const lowFps = m.fps < req.minFps;
  const dark = m.brightness < DARK_THRESHOLD;
  const virtual = virtualFinding(m.label, 'camera', req.virtualDevices);
  const bad = lowRes || lowFps || dark;
  const status: CheckStatus = bad ? (req.required ? 'fail' : 'warn') : virtual ? (virtual.required ? 'fail' : 'warn') : 'pass';
  const evidence = [
    msg('devices:evidence.device', { label: m.label }),
    msg('devices:evidence.brightness', { value: Math.round(m.brightness) }),
    ...(virtual ? [msg('devices:evidence.virtual', { name: virtual.name })] : []),
  ];
  const size = { width: m.width, height: m.height, fps: Math.round(m.fps) };
  // the cause first: "640×480 at 15 fps" alone reads like a pass for a covered lens
  const observed = dark
    ? msg('devices:camera.observedDark', size)
    : virtual && !bad
      ? msg('devices:camera.observedVirtual', { ...size, name: virtual.name })
      : msg('devices:camera.observed', size);
  return {
    ...base('devices.camera', 'camera', req.required, req.source),
    status,
    observed,
    expected: msg(req.virtualDevices ? 'devices:camera.expectedReal' : 'devices:camera.expected', {
      width: req.minWidth,
      height: req.minHeight,
      fps: req.minFps,
    }),
    evidence,
    fix: dark
      ? msg('devices:camera.fix.dark')
      : lowRes
        ? msg('devices:camera.fix.resolution')
        : lowFps
          ? msg('devices:camera.fix.fps')
          : virtual
            ? msg('devices:camera.fix.virtual', { name: virtual.name })
            : null,
    durationMs,
  };
}

/** A quiet room's level (0–100) stays under this; above it the proctor hears the room, not you. */
export const NOISY_FLOOR_LEVEL = 45;
/**
 * Share of samples at full scale above which speech is clipped (distorted): clipped speech has runs
 * of flat-topped samples, well above this; a loud sine that touches full scale now and then (Chromium's
 * fake microphone measures about 0.1 %) is not distorted.
 */
export const CLIPPING_SHARE = 0.005;
/** A sample this close to full scale counts as clipped. */
export const CLIP_SAMPLE = 0.98;

/** Share of samples at (or next to) full scale. */
export function clippedShare(samples: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]!) >= CLIP_SAMPLE) n++;
  return samples.length ? n / samples.length : 0;
}

export interface MicrophoneMeasurement {
  label: string;
  /** loudest level (0–100) while the learner spoke */
  peak: number;
  /** median level (0–100) while the learner stayed quiet; null when not measured */
  noiseFloor: number | null;
  /** share of clipped samples while speaking */
  clipped: number;
}
export interface MicrophoneRequirement {
  required: boolean;
  source?: SourceRef;
  virtualDevices?: { required: boolean };
  headset?: { required: boolean };
}

type MicFinding = { key: string; required: boolean; params?: Record<string, string | number> };

export function microphoneResult(m: MicrophoneMeasurement, req: MicrophoneRequirement, durationMs: number): CheckResult {
  const silent = m.peak < SILENCE_LEVEL;
  const virtual = virtualFinding(m.label, 'microphone', req.virtualDevices);
  const findings: MicFinding[] = [
    ...(silent ? [{ key: 'silent', required: req.required }] : []),
    ...(virtual ? [{ key: 'virtual', required: virtual.required, params: { name: virtual.name } }] : []),
    ...(!silent && m.clipped > CLIPPING_SHARE ? [{ key: 'clipping', required: false, params: { percent: Math.round(m.clipped * 1000) / 10 } }] : []),
    ...(m.noiseFloor !== null && m.noiseFloor > NOISY_FLOOR_LEVEL ? [{ key: 'noisy', required: false, params: { level: m.noiseFloor } }] : []),
    ...(req.headset && isHeadsetLabel(m.label) ? [{ key: 'headset', required: req.headset.required }] : []),
  ];
  const first = findings[0];
  const status: CheckStatus = !first ? 'pass' : findings.some((f) => f.required) ? 'fail' : 'warn';
  return {
    ...base('devices.microphone', 'microphone', req.required, req.source),
    status,
    observed: msg(silent ? 'devices:microphone.observedSilent' : 'devices:microphone.observed', { level: m.peak }),
    expected: msg('devices:microphone.expected'),
    evidence: [
      msg('devices:evidence.device', { label: m.label }),
      ...(m.noiseFloor !== null ? [msg('devices:evidence.noiseFloor', { level: m.noiseFloor })] : []),
      msg('devices:evidence.clipped', { percent: Math.round(m.clipped * 1000) / 10 }),
      // every finding beyond the first is listed, so nothing is hidden behind the first fix
      ...findings.map((f) => dataMsg(`devices:microphone.finding.${f.key}`, f.params ?? {})),
    ],
    fix: first ? dataMsg(`devices:microphone.fix.${first.key}`, first.params ?? {}) : null,
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
