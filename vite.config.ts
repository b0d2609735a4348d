import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { faceAssets } from './scripts/vite-face-assets';

// One file for the renderer build (Vite) and the unit tests (Vitest).
export default defineConfig({
  root: 'renderer',
  base: './', // the Electron app serves the renderer from its own app:// protocol
  plugins: [react(), faceAssets()],
  // the face detector's worker is an ES module (it imports face-api lazily, in its own chunk)
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    reportCompressedSize: true,
    // Module preload polyfill is an inline script; our CSP forbids inline scripts.
    modulePreload: { polyfill: false },
  },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // tools/node-lines/run.mjs names its own file per Node line (scripts/ci-summary.mjs adds them up)
    reporters: ['default', ['json', { outputFile: process.env.VITEST_JSON ?? 'test-results/vitest.json' }]],
  },
});
