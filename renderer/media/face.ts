// What the proctor will see, measured over a few seconds of frames (pure, unit-tested): the faces
// the detector found and the light on and around them. The verdict is a check like the others
// (shared/rules/face.ts). No identity, no recognition.
import type { FaceBox, FaceSample } from '../../shared/devices/measurements';

export type { FaceSample } from '../../shared/devices/measurements';

const luma = (d: ArrayLike<number>, i: number) => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;

/** Mean luma inside and outside a relative box over RGBA pixels of a w×h frame. */
export function regionLuma(rgba: ArrayLike<number>, w: number, h: number, box: FaceBox | null): { inside: number | null; outside: number } {
  const x0 = box ? Math.max(0, Math.floor(box.x * w)) : 0;
  const y0 = box ? Math.max(0, Math.floor(box.y * h)) : 0;
  const x1 = box ? Math.min(w, Math.ceil((box.x + box.width) * w)) : 0;
  const y1 = box ? Math.min(h, Math.ceil((box.y + box.height) * h)) : 0;
  let inSum = 0,
    inN = 0,
    outSum = 0,
    outN = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = luma(rgba, (y * w + x) * 4);
      if (x >= x0 && x < x1 && y >= y0 && y < y1) {
        inSum += v;
        inN++;
      } else {
        outSum += v;
        outN++;
      }
    }
  }
  return { inside: inN ? inSum / inN : null, outside: outN ? outSum / outN : inN ? inSum / inN : 0 };
}

export function sampleFrame(rgba: ArrayLike<number>, w: number, h: number, faces: FaceBox[]): FaceSample {
  const largest = faces.reduce<FaceBox | null>((a, f) => (!a || f.width * f.height > a.width * a.height ? f : a), null);
  const { inside, outside } = regionLuma(rgba, w, h, largest);
  return { faces, faceLuma: inside, backgroundLuma: outside };
}
