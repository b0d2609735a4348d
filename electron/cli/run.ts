// The headless command, for support staff and IT admins. Plain Node: runs from the npm bin, from
// `npm run check`, and from the installed app (electron/main.ts hands it the arguments).
// Exit codes: 0 ready, 1 not ready (a required check failed or could not be determined),
// 2 usage error or invalid input, 3 internal error.
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { createI18n, isLanguage, languageFromLocale, type Language } from '../../shared/i18n';
import { InvalidInputError } from '../../shared/parse-errors';
import type { Report } from '../../shared/report/model';
import { reviewState } from '../../shared/profile/review';
import { terminalSafe } from '../../shared/report/safe-text';
import { OutputError, writeOutput } from '../storage/output';
import { addProfileCommands } from './profile-command';
import type { Profile } from '../../shared/profile/schema';
import { registerSummarize } from './summarize';
import type { inspectMachine } from '../inspect';
import type { LoadedPolicy } from '../storage/policy';
import type { NetworkDeps } from '../network/deps';
import type { MeasureTuning } from '../network/for-profile';

type InspectMachine = typeof inspectMachine;
import packageJson from '../../package.json';

/** loaded on first use (see work.ts): the help and usage errors start without it */
const work = () => import('./work');

/** The kinds of `exam-preflight schema <kind>` (shared/schemas.ts; a test keeps the two equal). */
export const SCHEMA_NAMES = ['profile', 'facts', 'report', 'policy', 'question-bank', 'catalog-apps', 'catalog-browsers'] as const;

export const EXIT = { ready: 0, notReady: 1, usage: 2, internal: 3 } as const;

export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** injected in tests: a fake inspection instead of probing this machine */
  inspect?: InspectMachine;
  now?: () => Date;
  /**
   * The admin's policy (electron/storage/policy.ts): the bin and the installed app pass the real
   * loader; without one (tests) no policy applies. Its locked or default exam stands in for a
   * missing --profile, its extra profiles are known by id, and its network switch is obeyed.
   */
  loadPolicy?: () => Promise<LoadedPolicy>;
  /** injected in tests: a trusted test certificate, loopback allowed, shorter runs */
  network?: { deps?: Partial<NetworkDeps>; tuning?: MeasureTuning };
}

const FORMATS = ['text', 'json', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];

function pickLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (isLanguage(given)) return given;
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = pickLanguage(argv, io.env);
  const i18n = createI18n(lang);
  const t = (k: string, o?: Record<string, unknown>) => i18n.t(`cli:${k}`, o);
  // problems quote file contents and arguments: each line made safe for a terminal and bounded
  const safeLines = (text: string) =>
    text
      .split('\n')
      .map((l) => terminalSafe(l, 1000))
      .join('\n');
  const debug = argv.includes('--debug');
  // the command's modules, with zod's messages in the chosen language
  const load = async () => {
    const w = await work();
    w.setZodLanguage(lang);
    return w;
  };
  let exitCode: number = EXIT.ready;
  let policy: LoadedPolicy | null = null;
  const getPolicy = async (): Promise<LoadedPolicy | null> => {
    if (policy || !io.loadPolicy) return policy;
    policy = await io.loadPolicy();
    // a rejected policy never stops a check: it is reported and the app's defaults apply
    if (policy.rejected)
      io.stderr.write(`${t('policy.rejected', { file: policy.source })}\n${policy.problems.map((p) => `  ${terminalSafe(p, 1000)}`).join('\n')}\n`);
    else if (policy.warnings?.length)
      io.stderr.write(`${policy.warnings.map((w) => i18n.t('safety:policy.warning', { warning: terminalSafe(w, 1000) })).join('\n')}\n`);
    return policy;
  };
  const profileFor = async (arg: string | undefined) => {
    const pol = await getPolicy();
    const locked = pol?.policy.lockedProfile;
    // docs/admins.md: the locked exam wins over --profile, and the admin's script is told so
    if (locked && arg !== undefined && arg !== locked) io.stderr.write(`${i18n.t('safety:policy.lockedWins', { locked, given: terminalSafe(arg) })}\n`);
    const id = locked ?? arg ?? pol?.policy.defaultProfile;
    if (!id) throw new InvalidInputError([{ file: '--profile', path: '', message: t('policy.noProfile') }]);
    return (await load()).resolveProfile(id, io.cwd, pol?.extraProfiles ?? []);
  };

  const output = async (report: Report, format: Format, out: string | undefined, colour: boolean, profile: Profile) => {
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'junit'
          ? (await import('../../shared/report/render-junit')).renderJunit(report, i18n)
          : format === 'html'
            ? (await import('../../shared/report/render-html')).renderHtml(report, i18n)
            : (await import('../../shared/report/render-text')).renderText(report, i18n, { colour: colour && !out, profile });
    if (out) {
      await writeOutput(path.resolve(io.cwd, out), text);
      io.stderr.write(t('written', { file: terminalSafe(out) }) + '\n');
    } else io.stdout.write(text);
    exitCode = report.verdict === 'ready' ? EXIT.ready : EXIT.notReady;
  };

  const program = new Command('exam-preflight')
    .description(t('help.description'))
    .version(packageJson.version, '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .addHelpCommand(false)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(safeLines(s)) });

  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--format <format>', t('help.format')).choices(FORMATS).default('text'))
      .option('--out <file>', t('help.out'))
      .addOption(new Option('--lang <lang>', t('help.lang')).choices(['en', 'es', 'pt']))
      .option('--no-color', t('help.noColor'))
      .option('--include-personal', t('help.includePersonal'))
      .option('--debug', t('help.debug'));

  common(program.command('check').description(t('help.check')).option('--profile <id|file>', t('help.profileOptional')))
    .option('--no-cache', t('help.noCache'))
    .option('--log <file>', t('help.log'))
    .option('--network', i18n.t('network:cli.help'))
    .action(
      async (opts: {
        profile?: string;
        format: Format;
        out?: string;
        color: boolean;
        cache: boolean;
        includePersonal?: boolean;
        log?: string;
        network?: boolean;
      }) => {
        const profile = await profileFor(opts.profile);
        const networkChecks = policy?.policy.networkChecks ?? true;
        const { defaultCacheFile, fileCache, memoryCache, scanMachine, reportOf } = await load();
        const cache = opts.cache ? await fileCache(defaultCacheFile(io.env)) : memoryCache();
        // loaded only when probing: `evaluate`, `profiles` and `--help` start faster without it
        const { inspectMachine } = await import('../inspect');
        const { realDeps } = await import('../inspect/deps');
        const deps = realDeps(cache);
        const inspect = io.inspect ?? inspectMachine;
        const t0 = performance.now();
        const { facts, results } = await scanMachine(profile, { inspect: (req, call) => inspect(req, { ...call, deps }), networkChecks, now: io.now });
        if (opts.log) await (await import('../log/cli-log')).logCliScan(path.resolve(io.cwd, opts.log), profile.id, facts, performance.now() - t0);
        // the network is measured only when asked: --network, or an admin policy saying so headless
        const net = opts.network || policy?.policy.networkTest?.headless === true ? await measureNetwork(profile) : null;
        await output(
          reportOf(profile, facts, [...results, ...(net?.results ?? [])], {
            network: net?.run ?? null,
            appVersion: packageJson.version,
            createdAt: (io.now?.() ?? new Date()).toISOString(),
            includePersonal: opts.includePersonal,
            support: policy?.policy.supportContact ?? null,
          }),
          opts.format,
          opts.out,
          opts.color && Boolean(io.stdout.isTTY),
          profile,
        );
      },
    );

  const measureNetwork = async (profile: Awaited<ReturnType<typeof profileFor>>) => {
    if (policy && policy.policy.networkChecks === false) {
      io.stderr.write(i18n.t('network:cli.policyOff') + '\n');
      return null;
    }
    const { measureProfile, planForProfile } = await import('../network/for-profile');
    const plan = planForProfile(profile, policy?.policy.networkTest, io.network?.tuning);
    if (!plan.hosts.length) {
      io.stderr.write(i18n.t('network:cli.nothing') + '\n');
      return null;
    }
    io.stderr.write(i18n.t('network:cli.measuring', { seconds: Math.round(plan.totalMs / 1000), hosts: plan.hosts.join(', ') }) + '\n');
    // Ctrl-C ends the measurement (partial results are still reported), not the report
    const ac = new AbortController();
    const stop = () => ac.abort();
    process.once('SIGINT', stop);
    try {
      return await measureProfile(profile, {
        policy: policy?.policy.networkTest,
        deps: { env: io.env, ...io.network?.deps },
        tuning: io.network?.tuning,
        signal: ac.signal,
      });
    } finally {
      process.off('SIGINT', stop);
    }
  };

  common(
    program
      .command('evaluate')
      .description(t('help.evaluate'))
      .requiredOption('--facts <file>', t('help.facts'))
      .option('--profile <id|file>', t('help.profileOptional')),
  ).action(async (opts: { facts: string; profile?: string; format: Format; out?: string; color: boolean; includePersonal?: boolean }) => {
    const { readFacts, reportOf, judgeFacts } = await load();
    const [profile, facts] = await Promise.all([profileFor(opts.profile), readFacts(opts.facts, io.cwd)]);
    await output(
      reportOf(profile, facts, judgeFacts(profile, facts), {
        appVersion: packageJson.version,
        createdAt: (io.now?.() ?? new Date()).toISOString(),
        includePersonal: opts.includePersonal,
        support: policy?.policy.supportContact ?? null,
      }),
      opts.format,
      opts.out,
      opts.color && Boolean(io.stdout.isTTY),
      profile,
    );
  });

  program
    .command('profiles')
    .description(t('help.profiles'))
    .addOption(new Option('--format <format>', t('help.format')).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', t('help.lang')).choices(['en', 'es', 'pt']))
    .action(async (opts: { format: 'text' | 'json' }) => {
      const { allProfiles, localize } = await load();
      const today = (io.now?.() ?? new Date()).toISOString().slice(0, 10);
      const list = allProfiles((await getPolicy())?.extraProfiles ?? []).map((p) => ({
        id: p.id,
        version: p.version,
        title: localize(p.title, lang).text,
        program: localize(p.program, lang).text,
        ...reviewState(p.reviewed, today),
      }));
      const stale = (p: (typeof list)[number]) => (p.reviewStale && p.reviewed ? `  ${i18n.t('profiles:review.cliStale', { date: p.reviewed })}` : '');
      io.stdout.write(
        opts.format === 'json'
          ? JSON.stringify(list, null, 2) + '\n'
          : list.map((p) => terminalSafe(`${p.id.padEnd(20)} ${p.title}  (${p.program})${stale(p)}`)).join('\n') + '\n',
      );
    });

  addProfileCommands(program, {
    io,
    i18n,
    lang,
    extra: async () => (await getPolicy())?.extraProfiles ?? [],
    setExit: (code) => {
      exitCode = code;
    },
  });

  program
    .command('schema')
    .description(t('help.schema'))
    .argument('<kind>', SCHEMA_NAMES.join(' | '))
    .action(async (kind: string) => {
      await load();
      const { SCHEMAS, jsonSchemaText } = await import('../../shared/schemas');
      if (!SCHEMAS.some(([n]) => n === kind))
        throw new InvalidInputError([{ file: 'schema', path: '', message: `unknown schema "${kind}" (${SCHEMAS.map(([n]) => n).join(', ')})` }]);
      io.stdout.write(jsonSchemaText(kind));
    });

  registerSummarize(program, {
    stdout: io.stdout,
    stderr: io.stderr,
    cwd: io.cwd,
    i18n,
    appVersion: packageJson.version,
    resolveProfile: async (arg) => (await load()).resolveProfile(arg, io.cwd, (await getPolicy())?.extraProfiles ?? []),
    setExit: (code) => {
      exitCode = code;
    },
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? EXIT.ready : EXIT.usage;
    }
    if (err instanceof OutputError) {
      // one line an admin's log can hold; the path as they typed it would be relative, so it is shown resolved
      io.stderr.write(`${terminalSafe(i18n.t(`safety:out.${err.problem}`, { file: err.file, detail: err.detail }), 1000)}\n`);
      return EXIT.usage;
    }
    if (err instanceof InvalidInputError) {
      io.stderr.write(`${t('error.invalidInput')}\n${safeLines(err.message)}\n`);
      if (debug) io.stderr.write(`${err.stack}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${safeLines(t('error.internal', { message: err instanceof Error ? err.message : String(err) }))}\n`);
    if (debug && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return EXIT.internal;
  }
}
