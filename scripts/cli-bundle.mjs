// The esbuild options of the headless command's bundle (dist/cli/), on their own so that
// tests/unit/cli/cli-lazy.test.ts can build it in memory and check what each command loads.
import path from 'node:path';

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
// and the chunk's own URL for code that must not use the import.meta syntax (electron/cohort/pool.ts)
const REQUIRE_SHIM =
  "import { createRequire as __epCreateRequire } from 'node:module'; const require = __epCreateRequire(import.meta.url); const __epModuleUrl = import.meta.url;";

/** @returns {import('esbuild').BuildOptions} */
export function cliBuildOptions(outdir) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    entryPoints: { cli: 'electron/cli.ts', 'cohort-worker': 'electron/cohort/worker.ts' },
    outdir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    minifySyntax: true,
    legalComments: 'none',
    banner: { js: REQUIRE_SHIM },
    plugins: [zodOurLocales],
  };
}
