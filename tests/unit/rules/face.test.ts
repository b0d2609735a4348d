// The face verdict from detections over several frames (shared/rules/face.ts), judged the way main
// judges it: counts are voted, lighting is face against background, advice only warns. Moved from
// tests/unit/renderer/face.test.ts; the helpers keep the old call shapes and so the assertions.
import { describe, expect, it } from 'vitest';
import {
  BACKLIT_DIFFERENCE,
  BRIGHT_FRAME_LUMA,
  CUT_SHARE,
  cutShare,
  faceFinding,
  MAX_CLIPPED_SHARE,
  MAX_FACE_LUMA,
  MIN_FACE_LUMA,
  MIN_HALF_RATIO,
  MIN_SAMPLES,
} from '../../../shared/rules/face';
import type { FaceBox, FaceSample } from '../../../shared/devices/measurements';
import { CheckResultSchema } from '../../../shared/check';
import { judgedOne, REQ_CAMERA } from './judge-devices';

const centred: FaceBox = { x: 0.4, y: 0.25, width: 0.2, height: 0.3, score: 0.9 };
const one = (over: Partial<FaceSample> = {}): FaceSample => ({ faces: [centred], faceLuma: 140, backgroundLuma: 120, ...over });
const REQ = { required: true };

/** The face check of these frames, for an exam whose face rule is `req`. */
const faceResult = (samples: FaceSample[], req: { required: boolean }, durationMs: number, detectMs: number | null, backend: string | null = null) =>
  judgedOne('devices.face', { face: { outcome: 'measured', samples, durationMs, detectMs, backend } }, { camera: { ...REQ_CAMERA, face: req } });
/** The detector could not run. */
const faceUnknown = (reason: string, req: { required: boolean }) =>
  judgedOne('devices.face', { face: { outcome: 'failed', detail: reason, durationMs: 0 } }, { camera: { ...REQ_CAMERA, face: req } });

describe('face finding over frames', () => {
  it('one face, centred, lit from the front: pass', () => {
    const r = faceResult([one(), one(), one(), one()], REQ, 4000, 80, 'wasm');
    expect(r.status).toBe('pass');
    expect(r.fix).toBeNull();
    expect(CheckResultSchema.parse(r)).toEqual(r);
  });
  it('votes: one missed frame does not make "no face", one passer-by does not make "two"', () => {
    expect(faceFinding([one(), one({ faces: [], faceLuma: null }), one()]).finding).toBe('one');
    expect(faceFinding([one(), one({ faces: [centred, centred] }), one()]).finding).toBe('one');
  });
  it('nobody, or two people, fail when the exam requires the camera (warn when it does not)', () => {
    const none = Array.from({ length: 4 }, () => one({ faces: [], faceLuma: null, backgroundLuma: 120 }));
    expect(faceResult(none, REQ, 0, null).status).toBe('fail');
    expect(faceResult(none, REQ, 0, null).fix?.key).toBe('devices:face.fix.none');
    expect(faceResult(none, { required: false }, 0, null).status).toBe('warn');
    const two = Array.from({ length: 4 }, () => one({ faces: [centred, { ...centred, x: 0.1 }] }));
    const r = faceResult(two, REQ, 0, null);
    expect(r.status).toBe('fail');
    expect(r.observed).toEqual({ key: 'devices:face.observed.many', params: { count: 2 } });
  });
  it('backlit (background much brighter than the face) and underlit are warnings with the lighting fix', () => {
    const backlit = faceResult(
      Array.from({ length: 3 }, () => one({ faceLuma: 90, backgroundLuma: 90 + BACKLIT_DIFFERENCE + 10 })),
      REQ,
      0,
      null,
    );
    expect(backlit.status).toBe('warn');
    expect(backlit.fix?.key).toBe('devices:face.fix.backlit');
    const dim = faceResult(
      Array.from({ length: 3 }, () => one({ faceLuma: MIN_FACE_LUMA - 10, backgroundLuma: 50 })),
      REQ,
      0,
      null,
    );
    expect(dim.fix?.key).toBe('devices:face.fix.underlit');
  });
  it('too far and off-centre are advice', () => {
    const far = faceResult(
      Array.from({ length: 3 }, () => one({ faces: [{ ...centred, width: 0.05, height: 0.08 }] })),
      REQ,
      0,
      null,
    );
    expect(far.status).toBe('warn');
    expect(far.fix?.key).toBe('devices:face.fix.far');
    const edge = faceResult(
      Array.from({ length: 3 }, () => one({ faces: [{ ...centred, x: 0.85 }] })),
      REQ,
      0,
      null,
    );
    expect(edge.fix?.key).toBe('devices:face.fix.off-centre');
  });
  it('a dark picture without a face says "too dark", not "nobody there"', () => {
    expect(faceFinding(Array.from({ length: 3 }, () => one({ faces: [], faceLuma: null, backgroundLuma: 20 }))).finding).toBe('dark');
  });
  it('a washed-out picture without a face says "too bright", not "nobody there" (issue 26)', () => {
    // the astronaut washed out by a gamma of 0.22: the detector saw no face in a frame of mean 180
    const washed = Array.from({ length: 4 }, () => one({ faces: [], faceLuma: null, backgroundLuma: 180 }));
    const r = faceResult(washed, REQ, 4000, 90, 'wasm');
    expect(r.status).toBe('warn');
    expect(r.observed?.key).toBe('devices:face.observed.bright');
    expect(r.fix?.key).toBe('devices:face.fix.bright');
    expect(r.evidence).toContainEqual({ key: 'devices:face.evidence.frameLight', params: { value: 180 } });
    // just under the line is an ordinary picture with nobody in it
    const plain = Array.from({ length: 4 }, () => one({ faces: [], faceLuma: null, backgroundLuma: BRIGHT_FRAME_LUMA - 1 }));
    expect(faceFinding(plain).finding).toBe('none');
    // a washed-out face the detector did see is judged on the face (overexposed), not the frame
    expect(faceFinding(Array.from({ length: 3 }, () => one({ faceLuma: 228, backgroundLuma: 190 }))).finding).toBe('overexposed');
  });
  it('a detector that did not report its backend says so in words, never a bare "?"', () => {
    const r = faceResult([one(), one(), one()], REQ, 3000, 95, null);
    expect(r.evidence).toContainEqual({ key: 'devices:face.evidence.speed', params: { ms: 95, '@backend': 'common:notReported' } });
    expect(JSON.stringify(r.evidence)).not.toContain('"?"');
    const w = faceResult([one(), one(), one()], REQ, 3000, 95, 'wasm');
    expect(w.evidence).toContainEqual({ key: 'devices:face.evidence.speed', params: { ms: 95, backend: 'wasm' } });
  });
  it('too few frames, or no detector, is unknown — never pass', () => {
    expect(faceResult([one()].slice(0, MIN_SAMPLES - 2), REQ, 0, null).status).toBe('unknown');
    expect(faceUnknown('WebAssembly blocked', REQ).status).toBe('unknown');
  });

  it('half the face in shadow is "uneven", even when the background is brighter than the face (issue 26)', () => {
    const shadow = (left: number, right: number) =>
      Array.from({ length: 3 }, () => one({ faceLuma: (left + right) / 2, backgroundLuma: 138, faceLight: { left, right, clipped: 0 } }));
    // the half-shadow photo measured 53 and 133: the box's mean (84) alone passed before, and is 54 under the background
    const r = faceResult(shadow(53, 133), REQ, 0, null);
    expect(r.status).toBe('warn');
    expect(r.observed?.key).toBe('devices:face.observed.uneven');
    expect(r.fix?.key).toBe('devices:face.fix.uneven');
    expect(r.evidence).toContainEqual({ key: 'devices:face.evidence.halves', params: { left: 53, right: 133, percent: 0 } });
    // either side, and the ratio's edge: just above it is even
    expect(faceFinding(shadow(133, 53)).finding).toBe('uneven');
    expect(faceFinding(shadow(140 * MIN_HALF_RATIO + 1, 140)).finding).toBe('one');
    // both halves dark is not side light but too little light
    const dim = Array.from({ length: 3 }, () => one({ faceLuma: 40, backgroundLuma: 40, faceLight: { left: 20, right: MIN_FACE_LUMA - 5, clipped: 0 } }));
    expect(faceFinding(dim).finding).toBe('underlit');
  });
  it('a washed-out face (skin mean over the limit, or clipped) is "overexposed" (issue 26: 228 passed)', () => {
    const bright = (skin: number, clipped: number) =>
      Array.from({ length: 3 }, () => one({ faceLuma: skin - 10, backgroundLuma: 176, faceLight: { left: skin, right: skin, clipped } }));
    const r = faceResult(bright(228, 0.02), REQ, 0, null);
    expect(r.status).toBe('warn');
    expect(r.fix?.key).toBe('devices:face.fix.overexposed');
    expect(faceFinding(bright(MAX_FACE_LUMA - 1, 0)).finding).toBe('one');
    expect(faceFinding(bright(180, MAX_CLIPPED_SHARE)).finding).toBe('overexposed');
    // reports from before the halves were measured: the box's mean decides
    expect(faceFinding(Array.from({ length: 3 }, () => one({ faceLuma: 228, backgroundLuma: 200 }))).finding).toBe('overexposed');
  });
  it('a face cut by the left or right edge says so, before anything else about it', () => {
    expect(cutShare({ x: -0.05, width: 0.2 })).toBeCloseTo(0.25);
    expect(cutShare({ x: 0.9, width: 0.2 })).toBeCloseTo(0.5);
    expect(cutShare({ x: 0.4, width: 0.2 })).toBe(0);
    const at = (x: number) => Array.from({ length: 3 }, () => one({ faces: [{ ...centred, x, width: 0.18 }], faceLuma: 40 }));
    const r = faceResult(at(-0.09), REQ, 0, null);
    expect(r.status).toBe('warn');
    expect(r.observed?.key).toBe('devices:face.observed.cut');
    expect(r.fix?.key).toBe('devices:face.fix.cut');
    expect(faceFinding(at(0.91)).finding).toBe('cut');
    // reaching just under CUT_SHARE past the edge is a face at the edge (off-centre), not a cut one
    expect(faceFinding([one({ faces: [{ ...centred, x: -0.18 * CUT_SHARE + 0.001, width: 0.18 }] })]).finding).toBe('off-centre');
  });
  it('"move closer" carries the measured width', () => {
    const far = faceResult(
      Array.from({ length: 3 }, () => one({ faces: [{ ...centred, width: 0.08, height: 0.1 }] })),
      REQ,
      0,
      null,
    );
    expect(far.observed).toEqual({ key: 'devices:face.observed.far', params: { count: 1, percent: 8 } });
  });
});
