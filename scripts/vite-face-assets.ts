// Vite plugin: the camera's face detector files, copied from their npm packages into
// dist/renderer/face/ so the app serves them itself (app:// in Electron, the harness in tests).
// Nothing is fetched from the network at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export const FACE_ASSETS: readonly { from: string; pkg: string }[] = [
  { pkg: '@vladmandic/face-api', from: 'model/tiny_face_detector_model.bin' },
  { pkg: '@vladmandic/face-api', from: 'model/tiny_face_detector_model-weights_manifest.json' },
  // the three builds tfjs picks from (plain, SIMD, threaded SIMD); the version must match the tfjs bundled in face-api
  { pkg: '@tensorflow/tfjs-backend-wasm', from: 'dist/tfjs-backend-wasm.wasm' },
  { pkg: '@tensorflow/tfjs-backend-wasm', from: 'dist/tfjs-backend-wasm-simd.wasm' },
  { pkg: '@tensorflow/tfjs-backend-wasm', from: 'dist/tfjs-backend-wasm-threaded-simd.wasm' },
];

export function faceAssets(): Plugin {
  return {
    name: 'face-assets',
    apply: 'build',
    generateBundle() {
      for (const a of FACE_ASSETS) {
        this.emitFile({ type: 'asset', fileName: `face/${path.basename(a.from)}`, source: readFileSync(path.join(pkgDir(a.pkg), a.from)) });
      }
    },
  };
}
