// Types of cli-bundle.mjs for the TypeScript that imports it (tests/unit/cli/cli-lazy.test.ts).
import type { BuildOptions } from 'esbuild';
export declare function cliBuildOptions(outdir: string): BuildOptions;
