import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One file for the renderer build (Vite) and the unit tests (Vitest).
export default defineConfig({
  root: 'renderer',
  base: './', // the Electron app serves the renderer from its own app:// protocol
  plugins: [react()],
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
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
