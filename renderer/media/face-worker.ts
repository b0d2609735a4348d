/// <reference lib="webworker" />
// The face detector, off the UI thread: @vladmandic/face-api's tiny face detector on tfjs's wasm
// backend (SIMD where the CPU has it), the CPU backend as the fallback. The model and the .wasm
// files are the app's own files (copied into dist/renderer/face/ at build time): nothing is fetched
// from the network. No images are kept: each frame is turned into a tensor, detected, disposed.
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm.js';
import type { FaceBox, FromWorker, ToWorker } from './face-protocol';

/** 320 finds a face that fills a fifth of a 640×480 frame; 160 missed the astronaut portrait. */
const INPUT_SIZE = 320;
const MIN_SCORE = 0.5;

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
  post({ type: 'ready', backend, loadMs: Math.round(performance.now() - t0) });
}

async function detect(width: number, height: number, pixels: ArrayBuffer): Promise<FaceBox[]> {
  const tf = faceapi.tf;
  const input = tf.tidy(() => tf.browser.fromPixels({ data: new Uint8Array(pixels), width, height }));
  try {
    const found = await faceapi.detectAllFaces(
      input as faceapi.tf.Tensor3D,
      new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE }),
    );
    return found.map((d) => ({ x: d.relativeBox.x, y: d.relativeBox.y, width: d.relativeBox.width, height: d.relativeBox.height, score: d.score }));
  } finally {
    input.dispose();
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
