// The camera and microphone checks on measured values (shared/rules/devices.ts), judged the way
// main judges them (shared/pipeline.ts judgeDevices). Moved from tests/unit/renderer/analyze.test.ts
// when the judges left the renderer: the helpers below keep the old call shapes, so the assertions
// are the ones the renderer's judges had.
import { describe, expect, it } from 'vitest';
import { classifyMediaError, clippedShare } from '../../../renderer/media/analyze';
import { DARK_THRESHOLD, mediaCause, NOISY_FLOOR_LEVEL, SILENCE_LEVEL } from '../../../shared/rules/devices';
import type { DeviceAccess, MediaAccess } from '../../../shared/devices/media-access';
import type { MediaFailure, OsFamily } from '../../../shared/devices/measurements';
import { CheckResultSchema, type SourceRef } from '../../../shared/check';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { judgedOne, type DeviceRules } from './judge-devices';

const REQ = { minWidth: 640, minHeight: 480, minFps: 15, required: true };

type CameraValues = { width: number; height: number; fps: number; brightness: number; label: string };
const cameraResult = (m: CameraValues, req: NonNullable<DeviceRules['camera']>, durationMs: number) =>
  judgedOne('devices.camera', { camera: { outcome: 'measured', ...m, durationMs } }, { camera: req });
type MicValues = { label: string; peak: number; noiseFloor: number | null; clipped: number };
const microphoneResult = (m: MicValues, req: NonNullable<DeviceRules['microphone']>, durationMs: number) =>
  judgedOne('devices.microphone', { microphone: { outcome: 'measured', ...m, durationMs } }, { microphone: req });
/** A device that would not open; `access`: the OS switches of the latest system check, if any. */
const failureResult = (
  kind: 'camera' | 'microphone',
  failure: MediaFailure,
  os: OsFamily,
  required: boolean,
  detail: string,
  source?: SourceRef,
  access?: MediaAccess,
) =>
  judgedOne(
    `devices.${kind}`,
    { [kind]: { outcome: 'failed', failure, os, detail, durationMs: 0 } },
    kind === 'camera' ? { camera: { ...REQ, required, ...(source ? { source } : {}) } } : { microphone: { required, ...(source ? { source } : {}) } },
    access,
  );

describe('getUserMedia failures', () => {
  it('gives distinct, translated explanations and fixes', () => {
    const en = createI18n('en');
    const texts = (['not-found', 'denied', 'in-use'] as const).map((f) => {
      const r = failureResult('camera', f, 'windows', true, 'X: y');
      expect(CheckResultSchema.parse(r).status).toBe('fail');
      return [renderMsg(en, r.observed), renderMsg(en, r.fix)];
    });
    expect(new Set(texts.map((t) => t[0])).size).toBe(3);
    expect(new Set(texts.map((t) => t[1])).size).toBe(3);
    expect(texts[1]![1]).toMatch(/Privacy & security/);
    for (const [o, f] of texts) expect(`${o} ${f}`).not.toMatch(/\{\{|devices:/);
    // an unexplained error is unknown, never pass
    expect(failureResult('microphone', 'other', 'linux', false, '').status).toBe('unknown');
  });
});

describe('camera verdict', () => {
  const m = { width: 1280, height: 720, fps: 30, brightness: 120, label: 'cam' };
  it('passes a bright 1280×720@30 camera', () => {
    const r = cameraResult(m, REQ, 2000);
    expect(CheckResultSchema.parse(r).status).toBe('pass');
    expect(renderMsg(createI18n('es'), r.observed)).toBe('1280×720 a 30 imágenes por segundo');
  });
  it('fails a covered lens, low resolution or low frame rate, each with its fix', () => {
    const fixes = [
      cameraResult({ ...m, brightness: DARK_THRESHOLD - 1 }, REQ, 0),
      cameraResult({ ...m, width: 320, height: 240 }, REQ, 0),
      cameraResult({ ...m, fps: 10 }, REQ, 0),
    ].map((r) => {
      expect(r.status).toBe('fail');
      return r.fix?.key;
    });
    expect(fixes).toEqual(['devices:camera.fix.dark', 'devices:camera.fix.resolution', 'devices:camera.fix.fps']);
  });
  it('only warns when the exam does not require the camera', () => {
    expect(cameraResult({ ...m, fps: 5 }, { ...REQ, required: false }, 0).status).toBe('warn');
  });
});

describe('microphone verdict', () => {
  const mic = { label: 'Built-in Microphone', peak: 60, noiseFloor: 10, clipped: 0 };
  it('passes sound and flags silence', () => {
    expect(microphoneResult(mic, { required: true }, 4000).status).toBe('pass');
    expect(microphoneResult({ ...mic, peak: SILENCE_LEVEL - 1 }, { required: true }, 4000).status).toBe('fail');
    expect(microphoneResult({ ...mic, peak: 0 }, { required: false }, 4000).status).toBe('warn');
  });
  it('a noisy room and clipped speech are advice (warn) with their own fixes', () => {
    const noisy = microphoneResult({ ...mic, noiseFloor: NOISY_FLOOR_LEVEL + 5 }, { required: true }, 0);
    expect(noisy.status).toBe('warn');
    expect(noisy.fix?.key).toBe('devices:microphone.fix.noisy');
    const loud = microphoneResult({ ...mic, clipped: 0.02 }, { required: true }, 0);
    expect(loud.status).toBe('warn');
    expect(loud.fix?.key).toBe('devices:microphone.fix.clipping');
    expect(clippedShare([0, 0.5, 0.99, -1])).toBe(0.5);
  });
  it('a headset by its label and a virtual microphone from the catalog, when the profile flags them', () => {
    const headset = { ...mic, label: 'Headset Microphone (Jabra Evolve2 65)' };
    expect(microphoneResult(headset, { required: true }, 0).status).toBe('pass'); // profile does not flag headsets
    const r = microphoneResult(headset, { required: true, headset: { required: false } }, 0);
    expect(r.status).toBe('warn');
    expect(r.fix?.key).toBe('devices:microphone.fix.headset');
    const v = microphoneResult({ ...mic, label: 'CABLE Output (VB-Audio Virtual Cable)' }, { required: true, virtualDevices: { required: false } }, 0);
    expect(v.fix?.key).toBe('devices:microphone.fix.virtual');
    expect(v.fix?.params).toEqual({ name: 'VB-Audio Virtual Cable' });
    // silence plus advice: the required finding decides the status, all findings are in the evidence
    const both = microphoneResult({ ...headset, peak: 0 }, { required: true, headset: { required: false } }, 0);
    expect(both.status).toBe('fail');
    expect(both.evidence.map((e) => e.key)).toEqual(expect.arrayContaining(['devices:microphone.finding.silent', 'devices:microphone.finding.headset']));
  });
});

describe('issue 14: the camera card says the cause, and optional devices warn', () => {
  it('a covered lens: what was found names the cause, not only the size and frame rate', async () => {
    const r = cameraResult({ width: 640, height: 480, fps: 15, brightness: 3, label: 'cam' }, REQ, 0);
    const i18n = await createI18n('en');
    expect(renderMsg(i18n, r.observed!)).toBe('the picture is black: the lens is covered or the room is dark (640×480 at 15 frames per second)');
  });
  it('a device the exam does not require fails as a warning, not a red fail', () => {
    expect(failureResult('microphone', 'not-found', 'windows', false, 'NotFoundError').status).toBe('warn');
    expect(failureResult('camera', 'not-found', 'windows', true, 'NotFoundError').status).toBe('fail');
  });
  it('a virtual camera from the catalog warns (advisory profile rule) with the fix to pick the real one', () => {
    const r = cameraResult(
      { width: 1280, height: 720, fps: 30, brightness: 120, label: 'OBS Virtual Camera' },
      { ...REQ, virtualDevices: { required: false } },
      0,
    );
    expect(r.status).toBe('warn');
    expect(r.fix?.key).toBe('devices:camera.fix.virtual');
    expect(cameraResult({ width: 1280, height: 720, fps: 30, brightness: 120, label: 'OBS Virtual Camera' }, REQ, 0).status).toBe('pass');
  });
});

describe('what NotReadableError means depends on the OS switches', () => {
  const access = (over: Partial<DeviceAccess>): MediaAccess => ({
    camera: { system: 'allowed', apps: 'allowed', desktopApps: 'allowed', inUseBy: [], note: null, ...over },
    microphone: { system: 'unknown', apps: null, desktopApps: null, inUseBy: [], note: null },
    linux: null,
  });
  const notReadable = Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' });
  it('Windows desktop apps switched off: the privacy fix, not "in use"', () => {
    const r = failureResult('camera', classifyMediaError(notReadable), 'windows', true, 'NotReadableError', undefined, access({ desktopApps: 'denied' }));
    expect(r.observed?.key).toBe('devices:failure.os-blocked.observed');
    expect(r.fix?.key).toBe('devices:failure.os-blocked.fix.windows');
    expect(mediaCause('in-use', 'windows', undefined, 'camera')).toBe('in-use'); // no facts: as before
  });
  it('switches on and Zoom holding it: "in use" names the app', async () => {
    const r = failureResult('camera', 'in-use', 'windows', true, 'NotReadableError', undefined, access({ inUseBy: ['Zoom.exe'] }));
    const i18n = await createI18n('en');
    expect(renderMsg(i18n, r.observed!)).toBe('the camera is in use by another app (Zoom.exe)');
    expect(r.fix?.key).toBe('devices:failure.in-use.fix');
  });
  it('macOS permission denied, and Linux outside the video group', () => {
    expect(mediaCause('denied', 'macos', access({ system: 'denied', apps: null, desktopApps: null }), 'camera')).toBe('os-blocked');
    const linux: MediaAccess = { ...access({}), linux: { videoDevices: ['/dev/video0'], inVideoGroup: false, group: 'video' } };
    expect(mediaCause('in-use', 'linux', linux, 'camera')).toBe('linux-group');
  });
});
