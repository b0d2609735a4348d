/// <reference lib="webworker" />
// The face detector, off the UI thread: @vladmandic/face-api's tiny face detector on tfjs's wasm
// backend (SIMD where the CPU has it), the CPU backend as the fallback. The model and the .wasm
// files are the app's own files (copied into dist/renderer/face/ at build time): nothing is fetched
// from the network. No images are kept: each frame is turned into a tensor, detected, disposed.
// Two looks at most per frame: the whole frame at half size, and, only when that finds nobody, one
// window at full size (face-windows.ts: the middle for a learner far away, an edge for a face cut
// by it) on one such frame in three; the two after it hold what that look found. The common case,
// a face in view, costs one look.
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm.js';
import type { FaceBox, FromWorker, ToWorker } from './face-protocol';
import { afterFrame, boxInFrame, NO_SECOND_LOOK, planSecondLook, windowRect, type SecondLook, type WindowName } from './face-windows';

/** 320 finds a face that fills a seventh of the frame; 160 missed the astronaut portrait. */
const INPUT_SIZE = 320;
const MIN_SCORE = 0.5;
/** the first look's frame width: wider frames are averaged down to it (as a canvas would scale them) */
const FIRST_LOOK_WIDTH = 320;
/**
 * The second look works at a smaller size: it costs two thirds of the first, so a frame that needs
 * it stays within the budget. The middle window (320 of a 640 frame) still shows an 8 % face 41
 * pixels wide; at 224 the far astronaut was missed.
 */
const WINDOW_INPUT_SIZE = 256;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);
let ready: Promise<void> | null = null;

/** tfjs engine calls the bundled build has but its type declarations leave out */
interface Engine {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
}

/**
 * face-api asks its "environment" what a canvas or a video is even for tensor input, and knows only
 * a page or Node. A worker has OffscreenCanvas and ImageData, no DOM: describe those; nothing here
 * ever creates an image or video element.
 */
function workerEnv(): void {
  class NoElement {
    constructor() {
      throw new Error('no DOM in the face worker');
    }
  }
  const env = {
    Canvas: OffscreenCanvas,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
    Image: NoElement,
    ImageData,
    Video: NoElement,
    createCanvasElement: () => new OffscreenCanvas(1, 1),
    createImageElement: () => new NoElement(),
    createVideoElement: () => new NoElement(),
    fetch: (url: string, init?: RequestInit) => fetch(url, init),
    readFile: () => Promise.reject(new Error('no files in the face worker')),
  };
  faceapi.env.setEnv(env as unknown as Parameters<typeof faceapi.env.setEnv>[0]);
}

async function load(baseUrl: string, want?: 'wasm' | 'cpu'): Promise<void> {
  const t0 = performance.now();
  workerEnv();
  const tf = faceapi.tf;
  const engine = tf as unknown as Engine;
  engine.setWasmPaths(baseUrl);
  // wasm compiles under the CSP's 'wasm-unsafe-eval'; where it cannot, the plain CPU backend still works (slower)
  const backend = want !== 'cpu' && (await engine.setBackend('wasm').catch(() => false)) ? 'wasm' : (await engine.setBackend('cpu'), 'cpu');
  await engine.ready();
  // face-api's own loader fetches through a DOM environment a worker lacks: read the two files here
  const manifest = (await (await fetch(`${baseUrl}tiny_face_detector_model-weights_manifest.json`)).json()) as {
    weights: Parameters<typeof tf.io.decodeWeights>[1];
  }[];
  const bin = await (await fetch(`${baseUrl}tiny_face_detector_model.bin`)).arrayBuffer();
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(
    tf.io.decodeWeights(
      bin,
      manifest.flatMap((g) => g.weights),
    ),
  );
  // the first inference compiles kernels and allocates: do it now, so frame times measure detection
  await detect(32, 24, new ArrayBuffer(32 * 24 * 4));
  second = NO_SECOND_LOOK; // that blank frame took both looks (compiling both sizes); the learner's first frame starts afresh
  post({ type: 'ready', backend, loadMs: Math.round(performance.now() - t0) });
}

const firstLook = new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE });
const windowLook = new faceapi.TinyFaceDetectorOptions({ inputSize: WINDOW_INPUT_SIZE, scoreThreshold: MIN_SCORE });

async function look(input: faceapi.tf.Tensor3D, options: faceapi.TinyFaceDetectorOptions): Promise<FaceBox[]> {
  const found = await faceapi.detectAllFaces(input, options);
  return found.map((d) => ({ x: d.relativeBox.x, y: d.relativeBox.y, width: d.relativeBox.width, height: d.relativeBox.height, score: d.score }));
}

/** The second look's memory: its last window, what it found, whether the frame before took it. */
let second: SecondLook = NO_SECOND_LOOK;

/** The pixels a window looks at: a crop, or an edge strip beside its mirror image. */
function windowTensor(frame: faceapi.tf.Tensor3D, name: WindowName): faceapi.tf.Tensor3D {
  const tf = faceapi.tf;
  const [h, w] = frame.shape;
  const r = windowRect(name, w, h);
  return tf.tidy(() => {
    const crop = tf.slice(frame, [r.y, r.x, 0], [r.height, r.width, 3]);
    if (name === 'centre') return crop as faceapi.tf.Tensor3D;
    const mirror = tf.reshape(tf.image.flipLeftRight(tf.expandDims(crop, 0) as faceapi.tf.Tensor4D), [r.height, r.width, 3]);
    return tf.concat(name === 'left' ? [mirror, crop] : [crop, mirror], 1) as faceapi.tf.Tensor3D;
  });
}

async function detect(width: number, height: number, pixels: ArrayBuffer): Promise<FaceBox[]> {
  const tf = faceapi.tf;
  const frame = tf.tidy(() => tf.cast(tf.browser.fromPixels({ data: new Uint8Array(pixels), width, height }), 'float32')) as faceapi.tf.Tensor3D;
  const factor = Math.max(1, Math.floor(width / FIRST_LOOK_WIDTH));
  const small = factor > 1 ? (tf.tidy(() => tf.avgPool(frame, factor, factor, 'valid')) as faceapi.tf.Tensor3D) : frame;
  try {
    const first = await look(small, firstLook);
    if (first.length) {
      second = afterFrame(second, { first: 'found' });
      return first;
    }
    // the first frame that needs a second look tries every window (a still learner is then found
    // from the first frame on); later ones take one window each, one frame in three (face-windows.ts)
    const plan = planSecondLook(second);
    if ('hold' in plan) {
      second = afterFrame(second, { held: true });
      return plan.hold;
    }
    for (const name of plan.look) {
      const win = windowTensor(frame, name);
      try {
        const faces = (await look(win, windowLook)).map((b) => boxInFrame(name, b, width, height)).filter((b): b is FaceBox => b !== null);
        second = afterFrame(second, { window: name, faces });
        if (faces.length) return faces;
      } finally {
        win.dispose();
      }
    }
    return [];
  } finally {
    if (small !== frame) small.dispose();
    frame.dispose();
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'load') {
    ready ??= load(m.baseUrl, m.backend);
    ready.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
    return;
  }
  void (async () => {
    try {
      if (!ready) throw new Error('detector not loaded');
      await ready;
      const t0 = performance.now();
      const faces = await detect(m.width, m.height, m.pixels);
      post({ type: 'faces', id: m.id, faces, ms: Math.round(performance.now() - t0) });
    } catch (err) {
      post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
