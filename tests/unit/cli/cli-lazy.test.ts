// The CLI's start-up: the help names the schema kinds without loading the schemas, and the names it
// gives are the schemas that exist; and what the bundle makes each start load (issue 27: --help
// near Node's own start-up, a check without what it does not use), read from esbuild's metafile.
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_NAMES } from '../../../electron/cli/run';
import { SCHEMAS } from '../../../shared/schemas';
import { cliBuildOptions } from '../../../scripts/cli-bundle.mjs';

describe('cli start-up', () => {
  it('the schema kinds in the help are the exported schemas', () => {
    expect([...SCHEMA_NAMES]).toEqual(SCHEMAS.map(([n]) => n));
  });
});

describe('what the CLI bundle loads', () => {
  let meta: Metafile;
  beforeAll(async () => {
    meta = (await build({ ...cliBuildOptions('out/cli'), write: false, metafile: true, logLevel: 'silent' })).metafile;
  }, 60_000);

  /** the source files in an output chunk and every chunk it imports statically (what Node loads before running it) */
  const staticInputs = (entry: (out: string) => boolean): string[] => {
    const outs = Object.keys(meta.outputs);
    const start = outs.filter(entry);
    expect(start.length).toBe(1);
    const seen = new Set<string>(start);
    for (const o of seen) for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) seen.add(i.path);
    return [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
  };
  const chunkOf = (input: string) => (out: string) => Object.keys(meta.outputs[out]!.inputs).includes(input);

  it('--help and --version load no zod, no systeminformation, no regex engine, no profiles or rules, one language', () => {
    const help = staticInputs((o) => meta.outputs[o]!.entryPoint === 'electron/cli.ts');
    expect(help).toContain('electron/cli/run.ts');
    const heavy = help.filter((f) =>
      /node_modules\/(zod|systeminformation|re2js|string-width|wrap-ansi)\/|shared\/(profile\/builtin|rules)\/|shared\/i18n\/(catalog-|locales\/)/.test(f),
    );
    expect(heavy).toEqual([]);
  });

  it('each language is its own chunk, holding only its own messages', () => {
    for (const lang of ['en', 'es', 'pt']) {
      const inputs = Object.keys(meta.outputs[Object.keys(meta.outputs).find(chunkOf(`shared/i18n/catalog-${lang}.ts`))!]!.inputs);
      const locales = inputs.filter((f) => f.includes('/locales/'));
      expect(locales.length).toBeGreaterThan(10);
      expect(locales.filter((f) => !f.startsWith(`shared/i18n/locales/${lang}/`))).toEqual([]);
    }
  });

  it('a scan loads systeminformation only when it calls it, and zod carries only our three locales', () => {
    const inspect = staticInputs(chunkOf('electron/inspect/deps.ts'));
    expect(inspect.filter((f) => f.includes('node_modules/systeminformation/'))).toEqual([]);
    expect(Object.keys(meta.inputs).some((f) => f.includes('node_modules/systeminformation/lib/cpu.js'))).toBe(true);
    // (the namespace's own index is the build's stand-in, "zod-locales:…/index.js")
    const zodLocales = Object.keys(meta.inputs).filter((f) => /^[^:]*node_modules\/zod\/v4\/locales\/[^/]+\.js$/.test(f));
    expect(zodLocales.map((f) => f.split('/').pop()).sort()).toEqual(['en.js', 'es.js', 'pt.js']);
  });
});
