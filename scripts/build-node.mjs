// Bundles the Node-side entry points with esbuild:
//  - dist/cli.cjs            headless command (plain Node; the npm bin loads it)
//  - dist/electron/main.cjs  Electron main process (electron stays external)
//  - dist/electron/preload.cjs  sandboxed preloads must be a single CommonJS file
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Dependencies stay in node_modules (electron-builder ships them); only our code is bundled.
  packages: 'external',
};

const entries = [
  { in: 'electron/cli.ts', out: 'dist/cli.cjs' },
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', preload: true },
];

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    // The sandboxed preload cannot require node_modules: bundle everything except electron.
    ...(e.preload ? { packages: undefined, external: ['electron'] } : { external: ['electron'] }),
  });
}
