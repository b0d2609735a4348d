// `exam-preflight summarize <files or folders…>`: the cohort dashboard for a support desk or an IT
// admin. Reads any number of reports (and facts files with --profile) without holding them: the
// summary formats (text, json, html) come from the aggregates at the end; the row formats (csv,
// ndjson) are written one report at a time as the files are read. Bad files are listed, never fatal.
// Exit codes: 0 at least one report was read, 2 none could be (or a usage error).
import { Option, type Command } from 'commander';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { i18n as I18n } from 'i18next';
import type { Profile } from '../../shared/profile/schema';
import type { CohortReport } from '../../shared/cohort/accumulator';
import { renderMsg } from '../../shared/i18n';
import { writeFileAtomic } from '../storage/atomic';
import type { CohortFs } from '../cohort/summarize';

export const SUMMARY_FORMATS = ['text', 'json', 'html', 'csv', 'ndjson'] as const;
type Format = (typeof SUMMARY_FORMATS)[number];

export interface SummarizeIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  i18n: I18n;
  appVersion: string;
  resolveProfile: (arg: string) => Promise<Profile>;
  setExit: (code: number) => void;
  /** tests: a fake file system for what root cannot provoke */
  fs?: CohortFs;
}

/** A row sink: stdout, or a temp file beside --out renamed into place at the end (never half a file). */
async function rowSink(io: SummarizeIo, out: string | undefined) {
  if (!out) {
    // a pipe to a slow reader (| head, | duckdb): wait for it to drain rather than buffer every row
    const stdout = io.stdout as { write(s: string): unknown; once?: (e: 'drain', cb: () => void) => unknown };
    const write = async (s: string) => {
      if (stdout.write(s) === false && stdout.once) await new Promise<void>((ok) => stdout.once!('drain', ok));
    };
    return { write, done: async () => {}, abort: async () => {} };
  }
  const final = path.resolve(io.cwd, out);
  const tmp = `${final}.${process.pid}.tmp`;
  const stream: WriteStream = createWriteStream(tmp);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  const write = async (s: string) => {
    // respect back-pressure: a slow disk must not make the rows pile up in memory
    if (!stream.write(s)) await Promise.race([new Promise<void>((ok) => stream.once('drain', () => ok())), failed]);
  };
  return {
    write,
    done: async () => {
      await Promise.race([new Promise<void>((ok) => stream.end(ok)), failed]);
      await rename(tmp, final);
    },
    abort: async () => {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}

export function registerSummarize(program: Command, io: SummarizeIo): void {
  const t = (k: string, o?: Record<string, unknown>) => io.i18n.t(k, o);
  program
    .command('summarize')
    .description(t('cohort:cli.help'))
    .argument('<paths...>', t('cohort:cli.inputs'))
    .option('--profile <id|file>', t('cohort:cli.profile'))
    .addOption(new Option('--format <format>', t('cohort:cli.format')).choices(SUMMARY_FORMATS).default('text'))
    .option('--out <file>', t('cli:help.out'))
    .addOption(new Option('--lang <lang>', t('cli:help.lang')).choices(['en', 'es', 'pt']))
    .option('--debug', t('cli:help.debug'))
    .action(async (paths: string[], opts: { profile?: string; format: Format; out?: string }) => {
      // loaded when the command runs: the CLI's --help stays free of schemas and renderers
      const [{ cohortRows, csvHeader, csvLines, ndjsonLines }, { renderCohortHtml }, { plain, renderCohortJson, renderCohortText }, { summarizeFiles }] =
        await Promise.all([
          import('../../shared/cohort/rows'),
          import('../../shared/cohort/render-html'),
          import('../../shared/cohort/render-text'),
          import('../cohort/summarize'),
        ]);
      const profile = opts.profile ? await io.resolveProfile(opts.profile) : null;
      const rows = opts.format === 'csv' || opts.format === 'ndjson';
      const sink = rows ? await rowSink(io, opts.out) : null;
      if (sink && opts.format === 'csv') await sink.write(csvHeader());
      const onReport = sink
        ? async (file: string, report: CohortReport) => {
            const r = cohortRows(file, report, io.i18n);
            await sink.write(opts.format === 'csv' ? csvLines(r) : ndjsonLines(r));
          }
        : undefined;
      let summary;
      try {
        summary = await summarizeFiles(paths, { cwd: io.cwd, profile, onReport, fs: io.fs });
      } catch (err) {
        await sink?.abort();
        throw err;
      }
      if (summary.reports === 0) {
        await sink?.abort();
        io.stderr.write(`${t(summary.skipped ? 'cohort:cli.none' : 'cohort:cli.noFiles', { count: summary.skipped })}\n`);
        for (const f of summary.skippedFiles) io.stderr.write(`  ${plain(renderMsg(io.i18n, f.message))}\n`);
        io.setExit(2);
        return;
      }
      if (sink) {
        await sink.done();
        // the rows carry no skipped files: those are said on stderr, where a pipe does not swallow them
        for (const f of summary.skippedFiles) io.stderr.write(`${plain(renderMsg(io.i18n, f.message))}\n`);
      } else {
        const text =
          opts.format === 'json'
            ? renderCohortJson(summary, io.i18n)
            : opts.format === 'html'
              ? renderCohortHtml(summary, io.i18n, io.appVersion)
              : renderCohortText(summary, io.i18n);
        if (opts.out) await writeFileAtomic(path.resolve(io.cwd, opts.out), text);
        else io.stdout.write(text);
      }
      if (opts.out) io.stderr.write(`${t('cli:written', { file: opts.out })}\n`);
      io.stderr.write(`${t('cohort:cli.done', { reports: summary.reports, skipped: summary.skipped })}\n`);
      io.setExit(0);
    });
}
