// Bundles the Node-side entry points with esbuild:
//  - dist/cli/cli.mjs        headless command (plain Node; the npm bin loads it). Its dependencies
//                            are bundled in (Node no longer resolves and compiles hundreds of
//                            CommonJS files; only the parts of zod the command uses are kept) and
//                            split into ES module chunks: what a command loads with import() —
//                            zod schemas, profiles, renderers, inspectors — is not even parsed for
//                            `--help` or a usage error.
//  - dist/cli/cohort-worker.mjs  a worker thread of `summarize` (electron/cohort/worker.ts), its own
//                            entry so the thread loads only what reading and opening reports needs
//                            (it shares the chunks with the command); started from beside the chunks.
//  - dist/electron/main.cjs  Electron main process (electron stays external)
//  - dist/electron/preload.cjs  sandboxed preloads must be a single CommonJS file
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { cliBuildOptions } from './cli-bundle.mjs';

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
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', preload: true },
];

// chunk names carry content hashes: clear the last build's, or the package ships dead chunks
rmSync('dist/cli', { recursive: true, force: true });
await build(cliBuildOptions('dist/cli'));

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    // The sandboxed preload cannot require node_modules: bundle everything except electron.
    ...(e.preload ? { packages: undefined, external: ['electron'] } : { external: ['electron'] }),
    // CommonJS has no module URL: said outright (what esbuild would leave empty, with a warning);
    // code that needs one (the cohort's worker threads) sees undefined and does without
    define: { 'import.meta.url': 'undefined' },
  });
}
