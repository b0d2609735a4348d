// What the proctor will see, measured over a few seconds of frames (pure, unit-tested): the faces
// the detector found and the light on and around them. The verdict is a check like the others
// (shared/rules/face.ts). No identity, no recognition.
import type { FaceBox, FaceLight, FaceSample } from '../../shared/devices/measurements';

export type { FaceSample } from '../../shared/devices/measurements';

/** A pixel this bright (luma of 255) has lost its detail: over-exposed skin shows nothing. */
export const CLIPPED_LUMA = 245;
/**
 * The part of the detector's box that is skin: the box reaches past the cheeks and over the brows,
 * so its sides and top are often background or hair, which would hide a shadow on one cheek.
 */
const SKIN = { left: 0.15, right: 0.85, top: 0.15, bottom: 0.9 } as const;

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

/**
 * The light on the face itself: the mean luma of the skin's left and right halves (split at the
 * box's middle) and the share of clipped pixels. Undefined when a half is not in the frame (a face
 * cut by the edge: its light is not judged, its position is).
 */
export function faceLight(rgba: ArrayLike<number>, w: number, h: number, box: FaceBox): FaceLight | undefined {
  const x0 = Math.max(0, Math.floor((box.x + box.width * SKIN.left) * w));
  const x1 = Math.min(w, Math.ceil((box.x + box.width * SKIN.right) * w));
  const y0 = Math.max(0, Math.floor((box.y + box.height * SKIN.top) * h));
  const y1 = Math.min(h, Math.ceil((box.y + box.height * SKIN.bottom) * h));
  const mid = Math.round((box.x + box.width / 2) * w);
  let lSum = 0,
    lN = 0,
    rSum = 0,
    rN = 0,
    clipped = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = luma(rgba, (y * w + x) * 4);
      if (v >= CLIPPED_LUMA) clipped++;
      if (x < mid) {
        lSum += v;
        lN++;
      } else {
        rSum += v;
        rN++;
      }
    }
  }
  if (!lN || !rN) return undefined;
  return { left: lSum / lN, right: rSum / rN, clipped: clipped / (lN + rN) };
}

export function sampleFrame(rgba: ArrayLike<number>, w: number, h: number, faces: FaceBox[]): FaceSample {
  const largest = faces.reduce<FaceBox | null>((a, f) => (!a || f.width * f.height > a.width * a.height ? f : a), null);
  const { inside, outside } = regionLuma(rgba, w, h, largest);
  const light = largest ? faceLight(rgba, w, h, largest) : undefined;
  return { faces, faceLuma: inside, backgroundLuma: outside, ...(light ? { faceLight: light } : {}) };
}
