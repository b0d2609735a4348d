// `exam-preflight check` and `exam-preflight evaluate`: a report of this computer (or of saved
// facts) against an exam, judged by shared/pipeline.ts like everywhere else, written in one of four
// formats. Exit 0 ready, 1 not ready or incomplete.
import type { Command } from 'commander';
import type { Report } from '../../shared/report/model';
import type { Profile } from '../../shared/profile/schema';
import type { ReportInputs } from '../../shared/pipeline';
import type { InspectDeps } from '../inspect/deps';
import { EXIT, type CommandContext } from './context';
import { withSharedOptions, type SharedOptions } from './options';
import { colourWanted, outputWidth } from './terminal';

const FORMATS = ['text', 'json', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface ReportOptions extends SharedOptions<Format> {
  profile?: string;
  /** --color / --no-color; neither: the environment and the terminal decide (terminal.ts) */
  color?: boolean;
  includePersonal?: boolean;
}

/** The options both commands take, around the ones of their own. */
function reportCommand(cmd: Command, ctx: CommandContext): Command {
  return withSharedOptions(cmd.option('--profile <id|file>', ctx.t('help.profileOptional')), ctx.i18n, {
    formats: FORMATS,
    out: true,
    quiet: { help: ctx.t('help.quiet') },
  })
    .option('--color', ctx.t('help.color'))
    .option('--no-color', ctx.t('help.noColor'))
    .option('--include-personal', ctx.t('help.includePersonal'));
}

/** Judges, renders and writes the report; the verdict is the exit code. */
async function writeReport(ctx: CommandContext, profile: Profile, inputs: ReportInputs, opts: ReportOptions): Promise<void> {
  const { reportOf } = await ctx.work();
  const report = reportOf(profile, inputs, {
    appVersion: ctx.appVersion,
    createdAt: ctx.now().toISOString(),
    includePersonal: opts.includePersonal,
    support: (await ctx.policy())?.policy.supportContact ?? null,
  });
  // a file gets no escape codes unless --color asks; its lines are as wide as a pipe's
  const toScreen = !opts.out;
  const look: Look = {
    colour: colourWanted({ flag: opts.color, env: ctx.io.env, isTTY: toScreen && Boolean(ctx.io.stdout.isTTY) }),
    width: outputWidth(toScreen ? ctx.io.stdout : {}, ctx.io.env),
    quiet: opts.quiet === true,
    screen: toScreen && Boolean(ctx.io.stdout.isTTY),
  };
  await ctx.emit(opts.out, await render(ctx, report, opts.format, look, profile), { quiet: look.quiet });
  ctx.exitCode = report.verdict === 'ready' ? EXIT.ready : EXIT.notReady;
}

/** how the text form looks: colour, the line width, and --quiet's verdict line alone */
interface Look {
  colour: boolean;
  width: number;
  quiet: boolean;
  /** stdout is a terminal: --quiet's line is wrapped there, and stays one line for a script */
  screen: boolean;
}

/** each format's renderer is loaded only when asked for; --quiet shortens the text form only (scripts parse the others) */
async function render(ctx: CommandContext, report: Report, format: Format, look: Look, profile: Profile): Promise<string> {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'junit') return (await import('../../shared/report/render-junit')).renderJunit(report, ctx.i18n);
  if (format === 'html') return (await import('../../shared/report/render-html')).renderHtml(report, ctx.i18n, { profile });
  const text = await import('../../shared/report/render-text');
  if (look.quiet) return text.renderVerdictLine(report, ctx.i18n, { colour: look.colour, width: look.screen ? look.width : undefined }) + '\n';
  return text.renderText(report, ctx.i18n, { colour: look.colour, width: look.width, profile });
}

export function registerReportCommands(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  reportCommand(program.command('check').description(t('help.check')), ctx)
    .option('--no-cache', t('help.noCache'))
    .option('--log <file>', t('help.log'))
    .option('--network', ctx.i18n.t('network:cli.help'))
    .action(async (opts: ReportOptions & { cache: boolean; log?: string; network?: boolean }) => {
      const quiet = opts.quiet === true;
      const profile = await ctx.profile(opts.profile, { policyExam: true });
      const policy = await ctx.policy();
      const [{ defaultCacheFile, fileCache, scanMachine, FACT_AREAS }, { trackInspection }] = await Promise.all([ctx.work(), import('./step-progress')]);
      // --no-cache asks every program again and writes the fresh answers (a stale answer must not outlive it)
      const cache = await fileCache(defaultCacheFile(ctx.io.env), { refresh: !opts.cache });
      // loaded only when probing: `evaluate`, `profiles` and `--help` start faster without it
      const { inspectMachine } = await import('../inspect');
      const { realDeps } = await import('../inspect/deps');
      // the network is contacted only when asked: --network, or an admin policy saying so headless;
      // that covers the older endpoint timing too, which goes through the measurement's address guard
      const asked = opts.network === true || policy?.policy.networkTest?.headless === true;
      const networkTest = policy?.policy.networkTest;
      // loaded only when an endpoint is timed
      const head: InspectDeps['head'] = async (url, signal) => {
        const [{ guardedHead }, { depsWithTrust }] = await Promise.all([import('../network/head'), import('../network/for-profile')]);
        return guardedHead(() => depsWithTrust(networkTest, { env: ctx.io.env, ...ctx.io.network?.deps }))(url, signal);
      };
      const deps = { ...realDeps(cache), head };
      const inspect = ctx.io.inspect ?? inspectMachine;
      const t0 = performance.now();
      const { facts } = await scanMachine(profile, {
        // areas done of all, on stderr when it is a terminal (step-progress.ts); results unchanged
        inspect: async (req, call) => {
          const track = trackInspection(ctx.io.stderr, ctx.i18n, call.areas ?? FACT_AREAS, { quiet });
          try {
            return await inspect(req, {
              ...call,
              deps,
              onArea: (area, areaFacts) => {
                call.onArea?.(area, areaFacts);
                track.landed(area);
              },
            });
          } finally {
            track.stop();
          }
        },
        networkChecks: (policy?.policy.networkChecks ?? true) && asked,
        now: ctx.io.now,
      });
      // a log that cannot be written (a link, a FIFO, a full disk) still lets the report be written;
      // the command then ends with the log's one-line error and exit 2
      const logFailure = opts.log
        ? await (await import('../log/cli-log')).logCliScan(opts.log, ctx.io, profile.id, facts, performance.now() - t0).then(
            () => null,
            (err: unknown) => err,
          )
        : null;
      const net = asked ? await measureNetwork(ctx, profile, quiet) : null;
      await writeReport(ctx, profile, { facts, network: net?.run ?? null }, opts);
      if (logFailure) throw logFailure;
    });

  reportCommand(program.command('evaluate').description(t('help.evaluate')).requiredOption('--facts <file>', t('help.facts')), ctx).action(
    async (opts: ReportOptions & { facts: string }) => {
      const { readJudgeable } = await ctx.work();
      // a report's network measurement is judged again too, as the viewer's re-evaluation does
      const [profile, inputs] = await Promise.all([
        ctx.profile(opts.profile, { policyExam: true }),
        readJudgeable(opts.facts, ctx.io.cwd, { stdin: ctx.io.stdin }),
      ]);
      await writeReport(ctx, profile, inputs, opts);
    },
  );
}

async function measureNetwork(ctx: CommandContext, profile: Profile, quiet: boolean) {
  const { io, i18n } = ctx;
  const policy = (await ctx.policy())?.policy;
  if (policy?.networkChecks === false) {
    io.stderr.write(i18n.t('network:cli.policyOff') + '\n');
    return null;
  }
  const { measureProfile, planForProfile } = await import('../network/for-profile');
  const plan = planForProfile(profile, policy?.networkTest, io.network?.tuning);
  if (!plan.hosts.length) {
    io.stderr.write(i18n.t('network:cli.nothing') + '\n');
    return null;
  }
  if (!quiet) io.stderr.write(i18n.t('network:cli.measuring', { seconds: Math.round(plan.totalMs / 1000), hosts: plan.hosts.join(', ') }) + '\n');
  // the seconds left of the budget, on stderr when it is a terminal
  const track = (await import('./step-progress')).trackNetwork(io.stderr, i18n, plan.totalMs, { quiet });
  // Ctrl-C ends the measurement (partial results are still reported), not the report
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once('SIGINT', stop);
  try {
    return await measureProfile(profile, {
      policy: policy?.networkTest,
      deps: { env: io.env, ...io.network?.deps },
      tuning: io.network?.tuning,
      signal: ac.signal,
      onProgress: (p) => track.phase(p.phase),
    });
  } finally {
    track.stop();
    process.off('SIGINT', stop);
  }
}
