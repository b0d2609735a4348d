// Camera scenes for the face check, made from the committed photo fixtures (tests/fixtures/media/
// photos, provenance in its README) with ffmpeg into test-results/media/*.y4m, which Chromium plays
// as its fake camera (--use-file-for-fake-video-capture). Made once per run, at spec load (the
// browser flags name the file before any test starts). 30 fps like a typical webcam (Chromium plays
// the file at its header's rate).
import { execFileSync } from 'node:child_process';
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
} as const;
export type SceneName = keyof typeof SCENES;

/** The scene's .y4m (made now if missing or older than its photos); a Chromium flag names it. */
export function scene(name: SceneName): string {
  const s = SCENES[name];
  const file = path.join(OUT, `${name}.y4m`);
  const sources = s.inputs.map((i) => path.join(PHOTOS, i));
  if (existsSync(file) && sources.every((src) => statSync(src).mtimeMs < statSync(file).mtimeMs)) return file;
  mkdirSync(OUT, { recursive: true });
  execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      ...sources.flatMap((src) => ['-loop', '1', '-i', src]),
      '-filter_complex',
      s.graph,
      '-map',
      '[out]',
      '-frames:v',
      '3',
      '-r',
      '30',
      '-pix_fmt',
      'yuv420p',
      file,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return file;
}

/** Chromium flags for a fake camera playing the scene (the fake microphone beeps as usual). */
export function sceneArgs(name: SceneName): string[] {
  return ['--use-fake-device-for-media-stream=fps=30', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${scene(name)}`];
}
