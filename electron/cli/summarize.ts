// `exam-preflight summarize <files or folders…>`: the cohort dashboard for a support desk or an IT
// admin. Reads any number of reports (and facts files with --profile) without holding them: the
// summary formats (text, json, html) come from the aggregates at the end; the row formats (csv,
// ndjson) are written one report at a time as the files are read. Bad files are listed, never fatal.
// Exit codes: 0 at least one report was read, 2 none could be (or a usage error).
import type { Command } from 'commander';
import type { CohortReport } from '../../shared/cohort/accumulator';
import { renderMsg } from '../../shared/i18n/msg';
import type { CommandContext } from './context';
import { withSharedOptions, type SharedOptions } from './options';

export const SUMMARY_FORMATS = ['text', 'json', 'html', 'csv', 'ndjson'] as const;
type Format = (typeof SUMMARY_FORMATS)[number];

export function registerSummarize(program: Command, ctx: CommandContext): void {
  const t = (k: string, o?: Record<string, unknown>) => ctx.i18n.t(k, o ?? {});
  const { io } = ctx;
  withSharedOptions(
    program
      .command('summarize')
      .description(t('cohort:cli.help'))
      .argument('<paths...>', t('cohort:cli.inputs'))
      .option('--profile <id|file>', t('cohort:cli.profile'))
      .option('--follow-links', t('cohort:cli.followLinks')),
    ctx.i18n,
    { formats: SUMMARY_FORMATS, formatHelp: t('cohort:cli.format'), out: true },
  ).action(async (paths: string[], opts: SharedOptions<Format> & { profile?: string; followLinks?: boolean }) => {
    // loaded when the command runs: the CLI's --help stays free of schemas and renderers
    const [
      { cohortRows, csvHeader, csvLines, ndjsonLines },
      { renderCohortHtml },
      { plain, renderCohortJson, renderCohortText },
      { countCohortFiles, summarizeFiles },
      { cohortProgress },
      { createProgress },
    ] = await Promise.all([
      import('../../shared/cohort/rows'),
      import('../../shared/cohort/render-html'),
      import('../../shared/cohort/render-text'),
      import('../cohort/summarize'),
      import('../cohort/progress'),
      // string-width sets up Intl.Segmenter and Unicode regexes when loaded: ~50 ms --help must not pay
      import('./progress'),
    ]);
    // the cohort is re-judged against an exam only when one is named (no policy exam stands in)
    const profile = opts.profile ? await ctx.profile(opts.profile) : null;
    const rows = opts.format === 'csv' || opts.format === 'ndjson';
    // the rows are written one report at a time as the files are read, through the one output writer
    const sink = rows ? await ctx.output(opts.out) : null;
    if (sink && opts.format === 'csv') await sink.write(csvHeader());
    const onReport = sink
      ? async (file: string, report: CohortReport) => {
          const r = cohortRows(file, report, ctx.i18n);
          await sink.write(opts.format === 'csv' ? csvLines(r) : ndjsonLines(r));
        }
      : undefined;
    // files read of the total, on a terminal only; the total comes from a second walk that reads nothing
    const quiet = (opts as { quiet?: boolean }).quiet === true;
    const line = createProgress(io.stderr, { quiet });
    const progress = cohortProgress(line, t);
    if ((io.stderr as { isTTY?: boolean }).isTTY && !quiet)
      void countCohortFiles(paths, { cwd: io.cwd, followLinks: opts.followLinks === true }).then(progress.total, () => {});
    let summary;
    // "-": a list of paths or NDJSON reports on standard input (./stdin-list.ts)
    const { stdinInputs } = await import('./stdin-list');
    const given = await stdinInputs(paths, io.cwd, io.stdin).catch(async (err: unknown) => {
      await sink?.abort();
      throw err;
    });
    try {
      summary = await summarizeFiles(given.inputs, { cwd: given.cwd, profile, onReport, followLinks: opts.followLinks === true, onProgress: progress.read });
    } catch (err) {
      await sink?.abort();
      throw err;
    } finally {
      line.done();
      await given.cleanUp();
    }
    if (summary.reports === 0) {
      await sink?.abort();
      io.stderr.write(`${t(summary.skipped ? 'cohort:cli.none' : 'cohort:cli.noFiles', { count: summary.skipped })}\n`);
      for (const f of summary.skippedFiles) io.stderr.write(`  ${plain(renderMsg(ctx.i18n, f.message))}\n`);
      ctx.exitCode = 2;
      return;
    }
    if (sink) await sink.done();
    else
      await ctx.emit(
        opts.out,
        opts.format === 'json'
          ? renderCohortJson(summary, ctx.i18n)
          : opts.format === 'html'
            ? renderCohortHtml(summary, ctx.i18n, ctx.appVersion)
            : renderCohortText(summary, ctx.i18n),
      );
    // the rows carry no skipped files: those are said on stderr, where a pipe does not swallow them
    if (rows) for (const f of summary.skippedFiles) io.stderr.write(`${plain(renderMsg(ctx.i18n, f.message))}\n`);
    io.stderr.write(`${t('cohort:cli.done', { reports: summary.reports, skipped: summary.skipped })}\n`);
    ctx.exitCode = 0;
  });
}
