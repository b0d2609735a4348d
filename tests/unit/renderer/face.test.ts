// The face measurement per frame: the light inside and outside the largest face's box (the
// verdict over frames: tests/unit/rules/face.test.ts; the detector itself runs in the e2e tests).
import { describe, expect, it } from 'vitest';
import { CLIPPED_LUMA, faceLight, regionLuma, sampleFrame } from '../../../renderer/media/face';
import { afterFrame, boxInFrame, HOLD_FRAMES, nextWindow, NO_SECOND_LOOK, planSecondLook, WINDOWS, windowRect } from '../../../renderer/media/face-windows';

describe('face region light', () => {
  it('measures inside and outside the box on RGBA pixels', () => {
    const w = 10,
      h = 10;
    const px = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = x < 5 ? 200 : 20;
        px.set([v, v, v, 255], (y * w + x) * 4);
      }
    const r = regionLuma(px, w, h, { x: 0, y: 0, width: 0.5, height: 1, score: 1 });
    expect(r.inside).toBeCloseTo(200);
    expect(r.outside).toBeCloseTo(20);
    expect(regionLuma(px, w, h, null)).toEqual({ inside: null, outside: expect.closeTo(110) });
    expect(sampleFrame(px, w, h, []).faceLuma).toBeNull();
  });
});

/** A w×h RGBA frame whose grey level at each pixel is `level(x, y)`. */
function frame(w: number, h: number, level: (x: number, y: number) => number): Uint8ClampedArray {
  const px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = level(x, y);
      px.set([v, v, v, 255], (y * w + x) * 4);
    }
  return px;
}
const box = { x: 0.25, y: 0.25, width: 0.5, height: 0.5, score: 0.9 };

describe('the light on the face itself (issue 26)', () => {
  it('measures the two halves of the skin separately: a shadow over one half shows', () => {
    // the face's left half (x < 50) in shadow at 30, the right at 160, the background at 100
    const px = frame(100, 100, (x, y) => (x >= 25 && x < 75 && y >= 25 && y < 75 ? (x < 50 ? 30 : 160) : 100));
    const l = faceLight(px, 100, 100, box)!;
    expect(l.left).toBeCloseTo(30);
    expect(l.right).toBeCloseTo(160);
    expect(l.clipped).toBe(0);
    // the box's mean alone (95) hides it: that is why the halves are measured
    expect(regionLuma(px, 100, 100, box).inside).toBeCloseTo(95);
  });
  it('counts clipped pixels (at or above CLIPPED_LUMA) as a share of the skin', () => {
    // top half of the skin blown out at 255, bottom half at 200
    const px = frame(100, 100, (_x, y) => (y < 50 ? 255 : 200));
    const l = faceLight(px, 100, 100, box)!;
    const skinRows = Math.ceil((0.25 + 0.5 * 0.9) * 100) - Math.floor((0.25 + 0.5 * 0.15) * 100);
    expect(l.clipped).toBeCloseTo((50 - Math.floor((0.25 + 0.5 * 0.15) * 100)) / skinRows, 5);
    expect(
      faceLight(
        frame(100, 100, () => CLIPPED_LUMA - 1),
        100,
        100,
        box,
      )!.clipped,
    ).toBe(0);
    expect(
      faceLight(
        frame(100, 100, () => CLIPPED_LUMA),
        100,
        100,
        box,
      )!.clipped,
    ).toBe(1);
  });
  it('a face cut by the edge so that a half is outside the frame has no light measurement', () => {
    const px = frame(100, 100, () => 120);
    expect(faceLight(px, 100, 100, { ...box, x: -0.3 })).toBeUndefined();
    expect(sampleFrame(px, 100, 100, [{ ...box, x: -0.3 }]).faceLight).toBeUndefined();
    expect(sampleFrame(px, 100, 100, [box]).faceLight).toEqual({ left: 120, right: 120, clipped: 0 });
  });
});

describe('where the second look goes (face-windows.ts)', () => {
  it('the middle window is a square half the frame wide, at full resolution, boxes mapped back', () => {
    expect(windowRect('centre', 640, 480)).toEqual({ x: 160, y: 56, width: 320, height: 320 });
    expect(windowRect('centre', 640, 360)).toEqual({ x: 160, y: 2, width: 320, height: 320 });
    const b = boxInFrame('centre', { x: 0.5, y: 0.5, width: 0.1, height: 0.1, score: 0.8 }, 640, 480)!;
    expect(b.x).toBeCloseTo((160 + 160) / 640);
    expect(b.y).toBeCloseTo((56 + 160) / 480);
    expect(b.width).toBeCloseTo(32 / 640);
    expect(b.score).toBe(0.8);
  });
  it('an edge strip beside its mirror: a box across the mirror line is a face cut by the edge', () => {
    // left: picture [mirror 240 | strip 240] = 480 wide; a box from 200 to 300 crosses the line at 240
    const cut = boxInFrame('left', { x: 200 / 480, y: 0.1, width: 100 / 480, height: 0.2, score: 0.7 }, 640, 480)!;
    expect(cut.x).toBeCloseTo(-40 / 640);
    expect(cut.width).toBeCloseTo(100 / 640);
    // wholly in the mirror: a copy, dropped; wholly in the picture: kept where it is
    expect(boxInFrame('left', { x: 0.1, y: 0.1, width: 0.2, height: 0.2, score: 0.7 }, 640, 480)).toBeNull();
    expect(boxInFrame('left', { x: 300 / 480, y: 0.1, width: 50 / 480, height: 0.2, score: 0.7 }, 640, 480)!.x).toBeCloseTo(60 / 640);
    // right: picture [strip 240 | mirror 240]; the strip starts at 400 in the frame
    const right = boxInFrame('right', { x: 200 / 480, y: 0.1, width: 100 / 480, height: 0.2, score: 0.7 }, 640, 480)!;
    expect(right.x + right.width).toBeCloseTo((400 + 300) / 640);
    expect(boxInFrame('right', { x: 250 / 480, y: 0.1, width: 0.1, height: 0.2, score: 0.7 }, 640, 480)).toBeNull();
  });
  it('stays on the window that found a face, and moves on in turn when it finds none', () => {
    expect(nextWindow(null)).toBe('centre');
    expect(nextWindow({ name: 'left', found: true })).toBe('left');
    expect(nextWindow({ name: 'centre', found: false })).toBe('left');
    expect(nextWindow({ name: 'left', found: false })).toBe('right');
    expect(nextWindow({ name: 'right', found: false })).toBe('centre');
  });
  it('the second look on one frame in three that needs it; the two after hold what it found', () => {
    const far = { x: 0.45, y: 0.3, width: 0.08, height: 0.1, score: 0.8 };
    // the first frame that needs it looks through every window
    expect(planSecondLook(NO_SECOND_LOOK)).toEqual({ look: WINDOWS });
    let s = afterFrame(NO_SECOND_LOOK, { window: 'centre', faces: [far] });
    // the next HOLD_FRAMES hold the far face, the one after looks again through the window that found it
    for (let i = 0; i < HOLD_FRAMES; i++) {
      expect(planSecondLook(s)).toEqual({ hold: [far] });
      s = afterFrame(s, { held: true });
    }
    expect(planSecondLook(s)).toEqual({ look: ['centre'] });
    // nobody found: the holds are nobody, and the look after moves on to the next window
    s = afterFrame(s, { window: 'centre', faces: [] });
    for (let i = 0; i < HOLD_FRAMES; i++) {
      expect(planSecondLook(s)).toEqual({ hold: [] });
      s = afterFrame(s, { held: true });
    }
    expect(planSecondLook(s)).toEqual({ look: ['left'] });
    // a face the first look found ends any hold: a later empty frame looks, it does not repeat an old face
    s = afterFrame(afterFrame(s, { window: 'left', faces: [far] }), { first: 'found' });
    expect(planSecondLook(s)).toEqual({ look: ['left'] });
  });
});
