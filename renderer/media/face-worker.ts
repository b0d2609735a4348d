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

interface WasmTf { setWasmPaths(prefix: string): void }

async function load(baseUrl: string, want?: 'wasm' | 'cpu'): Promise<void> {
  const t0 = performance.now();
  const tf = faceapi.tf;
  (tf as unknown as WasmTf).setWasmPaths(`${baseUrl}`);
  // wasm compiles under the CSP's 'wasm-unsafe-eval'; where it cannot, the plain CPU backend still works (slower)
  const backend = want !== 'cpu' && (await tf.setBackend('wasm').catch(() => false)) ? 'wasm' : ((await tf.setBackend('cpu')), 'cpu');
  await tf.ready();
  // face-api's own loader fetches through a DOM environment a worker lacks: read the two files here
  const manifest = (await (await fetch(`${baseUrl}tiny_face_detector_model-weights_manifest.json`)).json()) as { weights: Parameters<typeof tf.io.decodeWeights>[1] }[];
  const bin = await (await fetch(`${baseUrl}tiny_face_detector_model.bin`)).arrayBuffer();
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(tf.io.decodeWeights(bin, manifest.flatMap((g) => g.weights)));
  post({ type: 'ready', backend, loadMs: Math.round(performance.now() - t0) });
}

async function detect(width: number, height: number, pixels: ArrayBuffer): Promise<FaceBox[]> {
  const tf = faceapi.tf;
  const input = tf.tidy(() => tf.browser.fromPixels({ data: new Uint8Array(pixels), width, height }));
  try {
    const found = await faceapi.detectAllFaces(input as faceapi.tf.Tensor3D, new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE }));
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
