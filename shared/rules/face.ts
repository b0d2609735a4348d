// What the proctor will see, judged from a few seconds of face detections measured in the app's
// window (facts.devices.face). No identity, no recognition: only how many faces, where, how big,
// and how they are lit.
import { dataMsg, msg, reported, type CheckStatus } from '../check';
import type { FaceSample } from '../devices/measurements';
import { define, type Verdict } from './template';

/** A face narrower than this share of the frame is too far for a proctor to recognise. */
export const MIN_FACE_WIDTH = 0.12;
/** The face's centre must sit inside this margin of the frame (0.2 = the middle 60 %). */
export const CENTRE_MARGIN = 0.2;
/** Face mean luma under this is too dark to recognise. */
export const MIN_FACE_LUMA = 70;
/** Background brighter than the face by this much: lit from behind (a window), the face in shadow. */
export const BACKLIT_DIFFERENCE = 45;
/** Frames whose whole picture is this dark say "too dark to look for a face", not "nobody there". */
export const DARK_FRAME_LUMA = 45;
/**
 * Frames whose whole picture is this bright and show no face say "too bright to find a face", not
 * "nobody there" (issue 26: a face washed out by a gamma of 0.22, a frame mean of 180, was not seen
 * at all). A webcam's automatic exposure aims near mid-grey (about 120); a whole picture this far
 * over it has a window or a lamp facing the camera.
 */
export const BRIGHT_FRAME_LUMA = 170;
/** Frames needed before any verdict: one frame can catch a blink or a turned head. */
export const MIN_SAMPLES = 3;
/**
 * Face mean luma over this is washed out (issue 26: a face at 228 of 255 passed). Well-lit skin of
 * any colour sits well under it on a webcam's automatic exposure; over it, features fade into white.
 */
export const MAX_FACE_LUMA = 205;
/** A face with this share of its skin clipped (luma ≥ 245) is washed out, whatever its mean. */
export const MAX_CLIPPED_SHARE = 0.25;
/**
 * The darker half of the face under this share of the brighter half: half the face in shadow
 * (strong side light). A face lit from the front measured 0.8–0.95 in the test photos.
 */
export const MIN_HALF_RATIO = 0.55;
/**
 * A face box reaching this share of its width past the frame's left or right edge: the face is cut.
 * The detector's box is wider than the face, so a box a little past the edge is a face at the edge
 * (off-centre); the photos cut in half measured about 50 %.
 */
export const CUT_SHARE = 0.3;

export type FaceFinding = 'one' | 'none' | 'dark' | 'bright' | 'many' | 'far' | 'off-centre' | 'cut' | 'underlit' | 'backlit' | 'overexposed' | 'uneven';

/** How much of a box lies past the frame's left or right edge, as a share of its width. */
export function cutShare(b: { x: number; width: number }): number {
  if (b.width <= 0) return 0;
  return (Math.max(0, -b.x) + Math.max(0, b.x + b.width - 1)) / b.width;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};

/**
 * The finding over all frames. Counts are voted (the most frequent face count wins; ties go to the
 * worse answer), so one missed frame or a passer-by for a moment does not decide it.
 */
export function faceFinding(samples: readonly FaceSample[]): {
  finding: FaceFinding;
  faces: number;
  faceWidth: number | null;
  faceLuma: number | null;
  backgroundLuma: number;
  /** the light on the face's halves and its clipped share (medians), when measured */
  light: { left: number; right: number; clipped: number } | null;
} {
  const votes = { 0: 0, 1: 0, 2: 0 };
  for (const s of samples) votes[Math.min(2, s.faces.length) as 0 | 1 | 2]++;
  const faces = votes[2] >= votes[1] && votes[2] >= votes[0] && votes[2] > 0 ? 2 : votes[0] >= votes[1] ? 0 : 1;
  const withOne = samples.filter((s) => s.faces.length === 1);
  const bg = median(samples.map((s) => s.backgroundLuma));
  // a picture too dark or too bright to find a face in says so: its fix is the light, not the chair
  if (faces === 0)
    return {
      finding: bg < DARK_FRAME_LUMA ? 'dark' : bg >= BRIGHT_FRAME_LUMA ? 'bright' : 'none',
      faces: 0,
      faceWidth: null,
      faceLuma: null,
      backgroundLuma: bg,
      light: null,
    };
  if (faces === 2)
    return {
      finding: 'many',
      faces: median(samples.map((s) => s.faces.length).filter((n) => n >= 2)),
      faceWidth: null,
      faceLuma: null,
      backgroundLuma: bg,
      light: null,
    };
  const width = median(withOne.map((s) => s.faces[0]!.width));
  const cx = median(withOne.map((s) => s.faces[0]!.x + s.faces[0]!.width / 2));
  const cy = median(withOne.map((s) => s.faces[0]!.y + s.faces[0]!.height / 2));
  const cut = median(withOne.map((s) => cutShare(s.faces[0]!)));
  const face = median(withOne.map((s) => s.faceLuma ?? 0));
  const back = median(withOne.map((s) => s.backgroundLuma));
  const lit = withOne.flatMap((s) => (s.faceLight ? [s.faceLight] : []));
  // halves by the darker/brighter ratio, so a face turned the other way round reads the same
  const light = lit.length
    ? { left: median(lit.map((l) => l.left)), right: median(lit.map((l) => l.right)), clipped: median(lit.map((l) => l.clipped)) }
    : null;
  const halfRatio = median(lit.map((l) => Math.min(l.left, l.right) / Math.max(1, l.left, l.right)));
  const base = { faces: 1, faceWidth: width, faceLuma: face, backgroundLuma: back, light };
  // the skin's own brightness where measured (the box's mean includes hair and background)
  const skin = light ? (light.left + light.right) / 2 : face;
  // half a face is not a face to judge the light of: the learner moves first, then the rest is seen
  if (cut >= CUT_SHARE) return { finding: 'cut', ...base };
  // lighting next: a badly lit face is the commonest proctor complaint and its fix is the simplest.
  // One bright half is side light, not a window behind (that darkens the whole face): it comes first.
  if (light && halfRatio < MIN_HALF_RATIO && Math.max(light.left, light.right) >= MIN_FACE_LUMA) return { finding: 'uneven', ...base };
  if (back - face >= BACKLIT_DIFFERENCE) return { finding: 'backlit', ...base };
  if (face < MIN_FACE_LUMA) return { finding: 'underlit', ...base };
  if (skin > MAX_FACE_LUMA || (light && light.clipped >= MAX_CLIPPED_SHARE)) return { finding: 'overexposed', ...base };
  if (width < MIN_FACE_WIDTH) return { finding: 'far', ...base };
  if (cx < CENTRE_MARGIN || cx > 1 - CENTRE_MARGIN || cy < CENTRE_MARGIN || cy > 1 - CENTRE_MARGIN) return { finding: 'off-centre', ...base };
  return { finding: 'one', ...base };
}

/**
 * The face check. Nobody or more than one person in view fails when the exam requires it (the
 * proctor must see you, and only you); lighting, distance and position are advice (warn).
 */
export function faceVerdict(samples: readonly FaceSample[], required: boolean, durationMs: number, detectMs: number | null, backend: string | null): Verdict {
  const f = faceFinding(samples);
  const severe = f.finding === 'none' || f.finding === 'many';
  const tooFew = samples.length < MIN_SAMPLES;
  const status: CheckStatus = tooFew ? 'unknown' : f.finding === 'one' ? 'pass' : severe && required ? 'fail' : 'warn';
  return {
    status,
    observed: tooFew
      ? msg('devices:face.observed.tooFew', { count: samples.length })
      : msg(`devices:face.observed.${f.finding}`, { count: f.faces, ...(f.faceWidth !== null ? { percent: Math.round(f.faceWidth * 100) } : {}) }),
    expected: msg('devices:face.expected'),
    evidence: [
      msg('devices:face.evidence.frames', { count: samples.length }),
      ...(f.faceLuma !== null
        ? [msg('devices:face.evidence.light', { face: Math.round(f.faceLuma), background: Math.round(f.backgroundLuma) })]
        : [msg('devices:face.evidence.frameLight', { value: Math.round(f.backgroundLuma) })]),
      ...(f.light
        ? [
            msg('devices:face.evidence.halves', {
              left: Math.round(f.light.left),
              right: Math.round(f.light.right),
              percent: Math.round(f.light.clipped * 100),
            }),
          ]
        : []),
      ...(f.faceWidth !== null ? [msg('devices:face.evidence.width', { percent: Math.round(f.faceWidth * 100) })] : []),
      ...(detectMs !== null ? [msg('devices:face.evidence.speed', { ms: Math.round(detectMs), ...reported('backend', backend) })] : []),
    ],
    fix: tooFew ? dataMsg('devices:face.fix.tooFew') : dataMsg(`devices:face.fix.${f.finding}`),
    durationMs,
  };
}

export const devicesFace = define({
  id: 'devices.face',
  titleKey: 'devices:face.title',
  area: 'devices',
  reads: ['devices'],
  rule: (req) => req.camera?.face,
  // not looked for (a covered lens: the camera's own card says what to do) is no result
  measured: (facts) => !!facts.devices.face,
  judge: (facts, rule) => {
    const m = facts.devices.face!;
    // the detector could not run (old browser, blocked WebAssembly…): say so, never pass
    if (m.outcome === 'failed')
      return {
        status: 'unknown',
        observed: msg('devices:face.observed.unavailable'),
        expected: msg('devices:face.expected'),
        evidence: [msg('devices:evidence.error', { detail: m.detail })],
        fix: msg('devices:face.fix.unavailable'),
        durationMs: m.durationMs,
      };
    return faceVerdict(m.samples, rule.required, m.durationMs, m.detectMs, m.backend);
  },
});
