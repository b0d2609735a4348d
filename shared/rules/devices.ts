// Camera, microphone and speakers: judged from what the app's window measured (facts.devices), with
// the OS camera/microphone switches (facts.device.mediaAccess) to explain a device that would not
// open. Pure like every check, so a report's devices are re-judged against another exam, and the
// CLI (which measures none) gets no result for them rather than a made-up one.
import { dataMsg, msg, type CheckStatus, type Msg, reported } from '../check';
import type { MediaAccess } from '../devices/media-access';
import type { CameraMeasurement, DeviceMeasurements, MediaFailure, MicrophoneMeasurement, OsFamily } from '../devices/measurements';
import { isHeadsetLabel, virtualDeviceFor } from '../devices/catalog';
import type { Requirements } from '../profile/requirements';
import { APP_CAMERA_DEFAULT } from '../devices/window-constants';
import { define, type CheckDef, type RuleRef, type Verdict } from './template';

/** Below this mean luma the lens is covered or the room is too dark for a proctor to see you. */
export const DARK_THRESHOLD = 20;
/** A level under this (on the 0–100 scale, about -51 dBFS) for the whole test is silence. */
export const SILENCE_LEVEL = 15;
/** A quiet room's level (0–100) stays under this; above it the proctor hears the room, not you. */
export const NOISY_FLOOR_LEVEL = 45;
/**
 * Share of samples at full scale above which speech is clipped (distorted): clipped speech has runs
 * of flat-topped samples, well above this; a loud sine that touches full scale now and then (Chromium's
 * fake microphone measures about 0.1 %) is not distorted.
 */
export const CLIPPING_SHARE = 0.005;

type Rule = { required: boolean; source?: RuleRef['source'] };
export type CameraRequirement = NonNullable<Requirements['camera']>;
export type MicrophoneRequirement = Rule & { virtualDevices?: Rule; headset?: Rule };

/**
 * The app tests the camera, microphone and speakers of an exam whose profile says nothing about
 * them too (the steps are in every journey), as advice: the camera at a proctor's usual minimum
 * (../devices/window-constants.ts), the microphone and speakers for working at all.
 */
export { APP_CAMERA_DEFAULT };
const NOT_REQUIRED: Rule = { required: false };

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
        ? msg('devices:evidence.videoNodes', { list: access.linux.videoDevices.join(', '), ...reported('group', access.linux.group) })
        : msg('devices:evidence.noVideoNodes'),
    );
  }
  return out;
}

type Failed = Extract<CameraMeasurement | MicrophoneMeasurement, { outcome: 'failed' }>;

/**
 * A device that would not open (distinct explanation and fix per cause). A device the exam does not
 * require is a warning, never a red fail; an unexplained error is unknown, never pass.
 */
export function failureVerdict(kind: 'camera' | 'microphone', m: Failed, required: boolean, access: MediaAccess | undefined): Verdict {
  const cause = mediaCause(m.failure, m.os, access, kind);
  // a message key passed by parameter name ('@device'): facts are never keys
  const device = `devices:${kind}.name`;
  const fix = cause === 'denied' || cause === 'os-blocked' ? `devices:failure.${cause}.fix.${m.os}` : `devices:failure.${cause}.fix`;
  const inUse = cause === 'in-use' && access?.[kind]?.inUseBy.length ? access[kind].inUseBy.join(', ') : null;
  return {
    status: cause === 'other' ? 'unknown' : required ? 'fail' : 'warn',
    observed: inUse
      ? msg('devices:failure.in-use.observedBy', { '@device': device, apps: inUse })
      : msg(`devices:failure.${cause}.observed`, { '@device': device }),
    expected: msg(`devices:${kind}.expectedWorking`),
    evidence: [...(m.detail ? [msg('devices:evidence.error', { detail: m.detail })] : []), ...accessEvidence(access, kind)],
    // "unknown" keeps its fix too: the learner still has something to try
    fix: dataMsg(fix, { '@device': device }),
    durationMs: m.durationMs,
  };
}

/** A software camera or microphone from the catalog, when the profile flags them. */
function virtualFinding(label: string, kind: 'camera' | 'microphone', rule: Rule | undefined): { name: string; required: boolean } | null {
  if (!rule) return null;
  const v = virtualDeviceFor(label, kind);
  return v ? { name: v.name, required: rule.required } : null;
}

export function cameraVerdict(m: Extract<CameraMeasurement, { outcome: 'measured' }>, req: CameraRequirement): Verdict {
  const lowRes = m.width < req.minWidth || m.height < req.minHeight;
  const lowFps = m.fps < req.minFps;
  const dark = m.brightness < DARK_THRESHOLD;
  const virtual = virtualFinding(m.label, 'camera', req.virtualDevices);
  const bad = lowRes || lowFps || dark;
  const status: CheckStatus = bad ? (req.required ? 'fail' : 'warn') : virtual ? (virtual.required ? 'fail' : 'warn') : 'pass';
  const size = { width: m.width, height: m.height, fps: Math.round(m.fps) };
  return {
    status,
    // the cause first: "640×480 at 15 fps" alone reads like a pass for a covered lens
    observed: dark
      ? msg('devices:camera.observedDark', size)
      : virtual && !bad
        ? msg('devices:camera.observedVirtual', { ...size, name: virtual.name })
        : msg('devices:camera.observed', size),
    expected: msg(req.virtualDevices ? 'devices:camera.expectedReal' : 'devices:camera.expected', {
      width: req.minWidth,
      height: req.minHeight,
      fps: req.minFps,
    }),
    evidence: [
      msg('devices:evidence.device', { label: m.label }),
      msg('devices:evidence.brightness', { value: Math.round(m.brightness) }),
      ...(virtual ? [msg('devices:evidence.virtual', { name: virtual.name })] : []),
    ],
    fix: dark
      ? msg('devices:camera.fix.dark')
      : lowRes
        ? msg('devices:camera.fix.resolution')
        : lowFps
          ? msg('devices:camera.fix.fps')
          : virtual
            ? msg('devices:camera.fix.virtual', { name: virtual.name })
            : null,
    durationMs: m.durationMs,
  };
}

type MicFinding = { key: string; required: boolean; params?: Record<string, string | number> };

export function microphoneVerdict(m: Extract<MicrophoneMeasurement, { outcome: 'measured' }>, req: MicrophoneRequirement): Verdict {
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
  return {
    status: !first ? 'pass' : findings.some((f) => f.required) ? 'fail' : 'warn',
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
    durationMs: m.durationMs,
  };
}

/**
 * The camera or microphone check: no result until the window measured the device; a device that
 * would not open is explained from the OS's switches, a measured one judged by `verdict`.
 */
function mediaCheck<K extends 'camera' | 'microphone', R extends Rule>(
  kind: K,
  rule: (req: Requirements) => R,
  verdict: (m: Extract<NonNullable<DeviceMeasurements[K]>, { outcome: 'measured' }>, rule: R) => Verdict,
): CheckDef {
  return define<R>({
    id: `devices.${kind}`,
    titleKey: `devices:${kind}.title`,
    area: 'devices',
    reads: ['devices'],
    rule,
    measured: (facts) => !!facts.devices[kind],
    judge: (facts, r) => {
      const m: CameraMeasurement | MicrophoneMeasurement = facts.devices[kind]!;
      return m.outcome === 'failed' ? failureVerdict(kind, m, r.required, facts.device.mediaAccess) : verdict(m as Parameters<typeof verdict>[0], r);
    },
  });
}

export const devicesCamera = mediaCheck('camera', (req) => req.camera ?? APP_CAMERA_DEFAULT, cameraVerdict);
export const devicesMicrophone = mediaCheck<'microphone', MicrophoneRequirement>('microphone', (req) => req.microphone ?? NOT_REQUIRED, microphoneVerdict);

/** The learner's answer as the speaker check (only they can tell whether they heard it). */
export const devicesSpeakers = define({
  id: 'devices.speakers',
  titleKey: 'devices:speakers.title',
  area: 'devices',
  reads: ['devices'],
  rule: (req) => req.speakers ?? NOT_REQUIRED,
  measured: (facts) => !!facts.devices.speakers,
  judge: (facts, rule) => {
    const { heard, label, routed } = facts.devices.speakers!;
    return {
      status: heard ? 'pass' : rule.required ? 'fail' : 'warn',
      observed: msg(heard ? 'devices:speakers.observedHeard' : 'devices:speakers.observedNot'),
      expected: msg('devices:speakers.expected'),
      evidence: [msg('devices:evidence.output', { label }), msg(routed ? 'devices:speakers.evidence.routed' : 'devices:speakers.evidence.default')],
      fix: msg('devices:speakers.fix'),
      durationMs: 0,
    };
  },
});
