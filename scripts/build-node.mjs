// Bundles the Node-side entry points with esbuild:
//  - dist/cli/cli.mjs        headless command (plain Node; the npm bin loads it). Its dependencies
//                            are bundled in (Node no longer resolves and compiles hundreds of
//                            CommonJS files; only the parts of zod the command uses are kept) and
//                            split into ES module chunks: what a command loads with import() —
//                            zod schemas, profiles, renderers, inspectors — is not even parsed for
//                            `--help` or a usage error.
//  - dist/electron/main.cjs  Electron main process (electron stays external)
//  - dist/electron/preload.cjs  sandboxed preloads must be a single CommonJS file
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

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

// zod's `z` namespace carries every one of its ~50 locales (`z.locales`, 345 kB of the 709 kB zod
// chunk a check loads); the app never reads z.locales: shared/i18n/zod-locale.ts imports the three
// it speaks by file. In the CLI bundle the namespace holds just those three.
const ZOD_LOCALES = ['en', 'es', 'pt'];
const zodOurLocales = {
  name: 'zod-our-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: ZOD_LOCALES.map((l) => `export { default as ${l} } from './${l}.js';`).join('\n'),
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

// Bundled CommonJS dependencies call require() for Node's own modules: give the ES modules one.
const REQUIRE_SHIM = "import { createRequire as __epCreateRequire } from 'node:module'; const require = __epCreateRequire(import.meta.url);";
// chunk names carry content hashes: clear the last build's, or the package ships dead chunks
rmSync('dist/cli', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'electron/cli.ts' },
  outdir: 'dist/cli',
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  packages: undefined,
  external: ['electron'],
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  banner: { js: REQUIRE_SHIM },
  plugins: [zodOurLocales],
});

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
