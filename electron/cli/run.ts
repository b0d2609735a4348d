// The headless command, for support staff and IT admins. Plain Node: runs from the npm bin, from
// `npm run check`, and from the installed app (electron/main.ts hands it the arguments).
// Exit codes (context.ts EXIT): 0 ready, 1 not ready (a required check failed or could not be
// determined), 2 usage error or invalid input, 3 internal error. Every command is set up the same
// way: one context (context.ts: policy, profile resolver, output writer), the shared options
// (options.ts), and one table of error kinds (errors.ts).
import { Command, CommanderError } from 'commander';
import { createI18nFrom } from '../../shared/i18n/instance';
import { catalogsFor } from '../../shared/i18n/load';
import { reviewState } from '../../shared/profile/review';
import { terminalSafe } from '../../shared/report/safe-text';
import { createContext, EXIT, type CliIo, type CommandContext } from './context';
import { localizedHelp } from './help';
import { pickFormat, pickLanguage, withSharedOptions, type SharedOptions } from './options';
import { addPolicyCommands } from './policy-command';
import { addProfileCommands } from './profile-command';
import { registerReportCommands } from './report-commands';
import { registerSummarize } from './summarize';
import { registerCompletion } from './completion';
import packageJson from '../../package.json';

export { EXIT, type CliIo } from './context';

/** The kinds of `exam-preflight schema <kind>` (shared/schemas.ts; a test keeps the two equal). */
export const SCHEMA_NAMES = ['profile', 'facts', 'report', 'policy', 'question-bank', 'catalog-apps', 'catalog-browsers'] as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = pickLanguage(argv, io.env);
  // only the chosen language's messages (and English, the fallback) are loaded and compiled
  const i18n = createI18nFrom(lang, await catalogsFor(lang));
  const ctx = createContext(io, i18n, lang, { debug: argv.includes('--debug'), appVersion: packageJson.version });
  const { t } = ctx;
  // a script asking for JSON gets its errors as JSON too (error-json.ts)
  const json = pickFormat(argv) === 'json';

  const program = new Command('exam-preflight')
    .description(t('help.description'))
    .version(packageJson.version, '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .addHelpCommand(false)
    .showHelpAfterError(false)
    .exitOverride()
    // the headings and words commander writes itself, in the user's language (help.ts); its errors are
    // not written by commander but said below, translated (usage-errors.ts)
    .configureHelp(localizedHelp(ctx))
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(ctx.safe(s)), outputError: () => {} });

  registerReportCommands(program, ctx);
  registerProfiles(program, ctx);
  addProfileCommands(program, ctx);
  addPolicyCommands(program, ctx);
  registerSchema(program, ctx);
  registerSummarize(program, ctx);
  registerCompletion(program, ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    // --help and --version end here with code 0; no command at all has had the help written on stderr
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ready;
      if (err.code !== 'commander.help') (await import('./usage-errors')).reportUsageError(err, ctx, json);
      return EXIT.usage;
    }
    // everything else a command ends with: the one table of error kinds, loaded only now
    return (await import('./errors')).reportError(err, ctx, json);
  }
}

/** `exam-preflight profiles`: the exams this computer knows (built-in and the admin's). */
function registerProfiles(program: Command, ctx: CommandContext): void {
  withSharedOptions(program.command('profiles').description(ctx.t('help.profiles')), ctx.i18n, { formats: ['text', 'json'], out: true }).action(
    async (opts: SharedOptions<'text' | 'json'>) => {
      const { allProfiles, localize } = await ctx.work();
      const today = ctx.now().toISOString().slice(0, 10);
      const list = allProfiles((await ctx.policy())?.extraProfiles ?? []).map((p) => ({
        id: p.id,
        version: p.version,
        title: localize(p.title, ctx.lang).text,
        program: localize(p.program, ctx.lang).text,
        ...reviewState(p.reviewed, today),
      }));
      const stale = (p: (typeof list)[number]) => (p.reviewStale && p.reviewed ? `  ${ctx.i18n.t('profiles:review.cliStale', { date: p.reviewed })}` : '');
      await ctx.emit(
        opts.out,
        opts.format === 'json'
          ? JSON.stringify(list, null, 2) + '\n'
          : list.map((p) => terminalSafe(`${p.id.padEnd(20)} ${p.title}  (${p.program})${stale(p)}`)).join('\n') + '\n',
      );
    },
  );
}

/** `exam-preflight schema <kind>`: a JSON Schema of the files the app reads and writes. */
function registerSchema(program: Command, ctx: CommandContext): void {
  withSharedOptions(
    program
      .command('schema')
      .description(ctx.t('help.schema', { kinds: SCHEMA_NAMES.join(', ') }))
      .argument('<kind>', ctx.t('help.schemaKind', { kinds: SCHEMA_NAMES.join(' | ') })),
    ctx.i18n,
    { out: true },
  ).action(async (kind: string, opts: SharedOptions) => {
    await ctx.work();
    // loaded here, not at the top: parse-errors brings every language's input words, which --help needs none of
    const [{ SCHEMAS, jsonSchemaText }, { InvalidInputError }] = await Promise.all([import('../../shared/schemas'), import('../../shared/parse-errors')]);
    if (!SCHEMAS.some(([n]) => n === kind))
      throw new InvalidInputError([{ file: 'schema', path: '', message: `unknown schema "${kind}" (${SCHEMAS.map(([n]) => n).join(', ')})` }]);
    await ctx.emit(opts.out, jsonSchemaText(kind));
  });
}
