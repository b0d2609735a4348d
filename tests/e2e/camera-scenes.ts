// Camera scenes for the face check, made from the committed photo fixtures (tests/fixtures/media/
// photos, provenance in its README) with ffmpeg into test-results/media/*.y4m, which Chromium plays
// as its fake camera (--use-file-for-fake-video-capture). Made once per run, at spec load (the
// browser flags name the file before any test starts). 30 fps like a typical webcam (Chromium plays
// the file at its header's rate).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

const PHOTOS = path.join(ROOT, 'tests/fixtures/media/photos');
const OUT = path.join(ROOT, 'test-results/media');

/** ffmpeg inputs and a filter graph ending in [out]: a 640×480 picture (the exams' minimum). */
export const SCENES = {
  /** one face, centred, evenly lit: passes */
  'one-face': { inputs: ['astronaut.jpg'], graph: 'color=c=0x8a8a8a:s=640x480[bg];[0]scale=400:400[a];[bg][a]overlay=(W-w)/2:(H-h)/2[out]' },
  /** no human face (a coffee cup) */
  'no-face': { inputs: ['coffee.jpg'], graph: '[0]scale=640:480[out]' },
  /** a cat: still no human face */
  cat: { inputs: ['chelsea.jpg'], graph: '[0]scale=640:480[out]' },
  /** two people side by side */
  'two-faces': {
    inputs: ['astronaut.jpg'],
    graph: 'color=c=0x8a8a8a:s=640x480[bg];[0]scale=320:320,split[a][b];[bg][a]overlay=0:80[l];[l][b]overlay=320:80[out]',
  },
  /** the face in shadow against a bright window behind */
  backlit: {
    inputs: ['astronaut.jpg'],
    graph: 'color=c=0xf4f4f4:s=640x480[bg];[0]scale=360:360,eq=brightness=-0.22:contrast=0.75[a];[bg][a]overlay=(W-w)/2:(H-h)/2[out]',
  },
  // Issue 26: the cases the first detector got wrong, made from the same photos at test time.
  // The astronaut's face is about 26 % of the photo's width, from 30 % to 57 % of it across.
  /** strong side light: a shadow gradient over the left half of the face (down to 12 % of the light) */
  'half-shadow': {
    inputs: ['astronaut.jpg'],
    graph:
      "color=c=0x8a8a8a:s=640x480[bg];[0]scale=400:400,format=rgb24,geq=r='r(X,Y)*clip((X-150)/50,0.12,1)':g='g(X,Y)*clip((X-150)/50,0.12,1)':b='b(X,Y)*clip((X-150)/50,0.12,1)'[a];[bg][a]overlay=(W-w)/2:(H-h)/2[out]",
  },
  /** washed out: a gamma curve lifts the face to a mean near 228 of 255 (a window in front, a lamp too close) */
  overexposed: {
    inputs: ['astronaut.jpg'],
    graph:
      "color=c=0xb0b0b0:s=640x480[bg];[0]scale=400:400,lutrgb=r='255*pow(val/255\,0.26)':g='255*pow(val/255\,0.26)':b='255*pow(val/255\,0.26)'[a];[bg][a]overlay=(W-w)/2:(H-h)/2[out]",
  },
  /** a learner sitting far back: the face is about 8 % of the frame's width */
  far: { inputs: ['astronaut.jpg'], graph: 'color=c=0x8a8a8a:s=640x480[bg];[0]scale=200:200[a];[bg][a]overlay=(W-w)/2:110[out]' },
  /** Grace Hopper sitting far back, to the left of the middle: about 9 % of the frame's width */
  'far-hopper': { inputs: ['grace_hopper.jpg'], graph: 'color=c=0x6a6a6a:s=640x480[bg];[0]scale=110:129[a];[bg][a]overlay=205:130[out]' },
  /** the face cut in half by the frame's left edge */
  'cut-left': { inputs: ['astronaut.jpg'], graph: 'color=c=0x8a8a8a:s=640x480[bg];[0]scale=400:400[a];[bg][a]overlay=-175:40[out]' },
  /** Grace Hopper's face cut by the frame's right edge */
  'cut-right': { inputs: ['grace_hopper.jpg'], graph: 'color=c=0x6a6a6a:s=640x480[bg];[0]scale=341:400[a];[bg][a]overlay=480:40[out]' },
} as const;
export type SceneName = keyof typeof SCENES;

/** ffmpeg's arguments reading the scene's photos (looped: a still picture for as long as asked). */
function inputArgs(name: SceneName): string[] {
  return SCENES[name].inputs.flatMap((i) => ['-loop', '1', '-i', path.join(PHOTOS, i)]);
}

/** One 640×480 frame of the scene as RGBA pixels (the benchmark's input). */
export function sceneFrame(name: SceneName): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      ...inputArgs(name),
      '-filter_complex',
      SCENES[name].graph,
      '-map',
      '[out]',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-',
    ],
    { maxBuffer: 640 * 480 * 4 * 2 },
  );
}

/** The scene's .y4m (made now if missing or older than its photos); a Chromium flag names it. */
export function scene(name: SceneName): string {
  const s = SCENES[name];
  // the graph's hash in the name: a changed scene is made again, not read stale from an earlier run
  const file = path.join(OUT, `${name}-${createHash('sha256').update(s.graph).digest('hex').slice(0, 8)}.y4m`);
  const sources = s.inputs.map((i) => path.join(PHOTOS, i));
  if (existsSync(file) && sources.every((src) => statSync(src).mtimeMs < statSync(file).mtimeMs)) return file;
  mkdirSync(OUT, { recursive: true });
  execFileSync(
    'ffmpeg',
    ['-loglevel', 'error', '-y', ...inputArgs(name), '-filter_complex', s.graph, '-map', '[out]', '-frames:v', '3', '-r', '30', '-pix_fmt', 'yuv420p', file],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return file;
}

/** Chromium flags for a fake camera playing the scene (the fake microphone beeps as usual). */
export function sceneArgs(name: SceneName): string[] {
  return ['--use-fake-device-for-media-stream=fps=30', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${scene(name)}`];
}
