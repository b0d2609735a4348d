// The face measurement per frame: the light inside and outside the largest face's box (the
// verdict over frames: tests/unit/rules/face.test.ts; the detector itself runs in the e2e tests).
import { describe, expect, it } from 'vitest';
import { regionLuma, sampleFrame } from '../../../renderer/media/face';

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
