// Where the face detector's second look goes when its first look at the whole frame found nobody
// (pure geometry, unit-tested; face-worker.ts cuts the pixels). The tiny detector works on a
// 320-pixel square: a face narrower than about 14 % of the frame is too few pixels for it there, and
// a face cut in half by the frame's edge is not a face to it at all. So:
// - "centre": the middle of the frame at full resolution (twice the first look's), where a learner
//   who sits back from the camera usually is; a face of 6–8 % of the frame's width is found there;
// - "left"/"right": the strip along that edge beside its own mirror image, so half a face cut by the
//   edge becomes a whole (symmetric) face again. Only boxes that cross the mirror line are a cut
//   face; a box wholly in the mirror is a copy, one wholly in the picture a face seen once.
// The first frame that needs a second look tries every window; after that, one window per frame keeps
// a frame's cost at two looks at most: the worker stays on the window that last found a face (a
// learner sitting still is found there frame after frame) and moves on to the next when it finds none.
// And only one frame in three that needs it takes the second look: the two after it hold what it
// found (planSecondLook). A learner sitting back then costs one look and a third a frame on average,
// not two, and two frames in three cost one look: the median frame stays within the budget (≤ 150 ms
// on two shared cores) with room for a busy machine; every other frame put the median on the edge.
import type { FaceBox } from '../../shared/devices/measurements';

export type WindowName = 'centre' | 'left' | 'right';
export const WINDOWS: readonly WindowName[] = ['centre', 'left', 'right'];

/** A rectangle of the frame in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The edge strips are this share of the frame's width (a face cut at the edge sits in it). */
export const EDGE_STRIP = 0.375;

/**
 * The part of a w×h frame a window looks at. The centre is a square half the frame's width (at most
 * its height), a little above the middle where a face usually is; the edges are full-height strips.
 */
export function windowRect(name: WindowName, w: number, h: number): Rect {
  if (name === 'centre') {
    const side = Math.max(1, Math.min(Math.round(w / 2), h));
    const y = Math.min(h - side, Math.max(0, Math.round(h * 0.45 - side / 2)));
    return { x: Math.round((w - side) / 2), y, width: side, height: side };
  }
  const strip = Math.max(1, Math.min(Math.round(w * EDGE_STRIP), w));
  return { x: name === 'left' ? 0 : w - strip, y: 0, width: strip, height: h };
}

/** The size of the picture the detector is given for a window (an edge strip doubles with its mirror). */
export function windowSize(name: WindowName, w: number, h: number): { width: number; height: number } {
  const r = windowRect(name, w, h);
  return name === 'centre' ? { width: r.width, height: r.height } : { width: r.width * 2, height: r.height };
}

/**
 * A box the detector found in a window's picture (relative to that picture, 0–1) as a box of the
 * frame (relative to the frame; a cut face reaches past 0 or 1), or null for a mirror copy.
 */
export function boxInFrame(name: WindowName, box: FaceBox, w: number, h: number): FaceBox | null {
  const r = windowRect(name, w, h);
  const size = windowSize(name, w, h);
  const px = box.x * size.width;
  const pw = box.width * size.width;
  const py = box.y * size.height + r.y;
  const ph = box.height * size.height;
  let fx: number;
  if (name === 'centre') fx = r.x + px;
  else if (name === 'left') {
    // picture: [mirror | strip]; the frame's left edge is the line between them at strip width
    if (px + pw <= r.width) return null;
    fx = px - r.width;
  } else {
    // picture: [strip | mirror]; the frame's right edge is at strip width
    if (px >= r.width) return null;
    fx = r.x + px;
  }
  return { x: fx / w, y: py / h, width: pw / w, height: ph / h, score: box.score };
}

/**
 * Which window to look through next: the one that found a face last time, else the next in turn.
 * `last` is the window of the previous second look and whether it found a face.
 */
export function nextWindow(last: { name: WindowName; found: boolean } | null): WindowName {
  if (!last) return WINDOWS[0]!;
  if (last.found) return last.name;
  return WINDOWS[(WINDOWS.indexOf(last.name) + 1) % WINDOWS.length]!;
}

/**
 * Frames that hold the last second look's answer before the next one looks again. Held for two
 * frames (a few tenths of a second), a learner who sat still is still there; one who left is missed
 * at most two frames late, and the verdict votes over seconds of frames.
 */
export const HOLD_FRAMES = 2;

/** The second look's memory between frames (the worker keeps one; pure so it is unit-tested). */
export interface SecondLook {
  /** the window of the last second look and whether it found a face there; null before the first */
  last: { name: WindowName; found: boolean } | null;
  /** the faces the last second look found (relative to the frame) */
  faces: FaceBox[];
  /** how many more frames whose first look finds nobody hold those faces instead of looking */
  holdLeft: number;
}

export const NO_SECOND_LOOK: SecondLook = { last: null, faces: [], holdLeft: 0 };

/**
 * What a frame whose first look found nobody does: look through windows, or hold what the last
 * second look found. The first such frame looks through every window.
 */
export function planSecondLook(s: SecondLook): { look: readonly WindowName[] } | { hold: FaceBox[] } {
  if (!s.last) return { look: WINDOWS };
  if (s.holdLeft > 0) return { hold: s.faces };
  return { look: [nextWindow(s.last)] };
}

/** The memory after a frame: its first look found faces (nothing is held past it), or its second look's last window, or a hold. */
export function afterFrame(s: SecondLook, frame: { first: 'found' } | { window: WindowName; faces: FaceBox[] } | { held: true }): SecondLook {
  if ('first' in frame) return { ...s, faces: [], holdLeft: 0 };
  if ('window' in frame) return { last: { name: frame.window, found: frame.faces.length > 0 }, faces: frame.faces, holdLeft: HOLD_FRAMES };
  return { ...s, holdLeft: Math.max(0, s.holdLeft - 1) };
}
