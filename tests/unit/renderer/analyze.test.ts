// What the camera and microphone screens measure (the verdicts on it: tests/unit/rules/devices.test.ts).
import { describe, expect, it } from 'vitest';
import { classifyMediaError, idFrameQuality, laplacianVariance, levelPercent, meanBrightness, median, osFamily, rms } from '../../../renderer/media/analyze';

const px = (r: number, g: number, b: number, n = 4) => Array.from({ length: n }, () => [r, g, b, 255]).flat();

describe('frame brightness', () => {
  it('is 0 for black, 255 for white, weighted luma otherwise', () => {
    expect(meanBrightness(px(0, 0, 0))).toBe(0);
    expect(meanBrightness(px(255, 255, 255))).toBeCloseTo(255);
    expect(meanBrightness(px(0, 255, 0))).toBeCloseTo(0.587 * 255);
    expect(meanBrightness([])).toBe(0);
  });
});

describe('median (the camera screen’s detection time, the microphone screen’s quiet level)', () => {
  it('is the middle value, the lower middle for an even count, and null for none', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});

describe('audio level', () => {
  it('rms and the 0–100 meter scale', () => {
    expect(rms([1, -1, 1, -1])).toBe(1);
    expect(rms([])).toBe(0);
    expect(levelPercent(1)).toBe(100);
    expect(levelPercent(0)).toBe(0);
    expect(levelPercent(0.001)).toBe(0); // -60 dBFS
    expect(levelPercent(0.0316)).toBeCloseTo(50, -1); // about -30 dBFS
  });
});

describe('getUserMedia failures', () => {
  it('maps each DOMException to its own cause', () => {
    expect(classifyMediaError({ name: 'NotFoundError' })).toBe('not-found');
    expect(classifyMediaError({ name: 'NotAllowedError' })).toBe('denied');
    expect(classifyMediaError({ name: 'NotReadableError' })).toBe('in-use');
    expect(classifyMediaError(new Error('x'))).toBe('other');
    expect(classifyMediaError(null)).toBe('other');
  });
  it('knows the OS for the privacy-settings step', () => {
    expect(osFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('windows');
    expect(osFamily('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe('macos');
    expect(osFamily('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
  });
});

describe('ID held up to the camera', () => {
  const W = 64;
  const H = 40;
  const image = (f: (x: number, y: number) => number) => {
    const px = new Uint8ClampedArray(W * H * 4);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const v = f(x, y);
        px.set([v, v, v, 255], (y * W + x) * 4);
      }
    return px;
  };
  it('sharp printed text on a lit card reads as readable', () => {
    // black strokes every 4 px on white: the edges of text in focus
    expect(
      idFrameQuality(
        image((x, y) => (x % 4 === 0 || y % 6 === 0 ? 20 : 230)),
        W,
        H,
      ),
    ).toMatchObject({ verdict: 'readable' });
  });
  it('a smooth gradient (a blurred card) is blurry, a dim one is dark', () => {
    expect(
      idFrameQuality(
        image((x) => 120 + x),
        W,
        H,
      ),
    ).toMatchObject({ verdict: 'blurry' });
    expect(
      idFrameQuality(
        image((x, y) => (x % 4 === 0 || y % 6 === 0 ? 5 : 40)),
        W,
        H,
      ),
    ).toMatchObject({ verdict: 'dark' });
  });
  it('the Laplacian of a flat image is zero', () => {
    expect(laplacianVariance(new Float32Array(W * H).fill(128), W, H)).toBe(0);
  });
});
