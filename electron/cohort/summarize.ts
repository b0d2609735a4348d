// Summarising a cohort from disk: files and folders (walked recursively for *.json and *.epreport, symlinked
// folders not followed, so a loop cannot trap the walk), each checked against the size cap BEFORE it
// is read, opened and counted, then dropped. The walk streams: no list of every file is ever held.
// A cohort of more than one batch (BATCH_FILES) is read and opened on worker threads (pool.ts), one
// per core: each counts its batch into a partial aggregate, merged here in walk order. A short list
// (and the fakes tests pass for the file system) is read on this thread, a few files at a time.
// Memory holds the aggregates, the capped lists and at most one file's text per thread (on this
// thread: file texts of at most MAX_COHORT_FILE_BYTES in all) — never the cohort.
// Every entry that looks like a report but is not read is listed with its reason: a pipe or device
// (opened non-blocking and refused, so it cannot hang the run), a link leaving the folder that was
// named (not read unless `followLinks`: a learner's link to /etc/shadow must not be quoted back), a
// file over the cap, one that cannot be read.
// Results come out in walk order (sorted names) whatever order the reads finish in, and however the
// files were split among threads, so the same folder always gives the same output.
import { promises as realFs, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../shared/profile/schema';
import {
  addReport,
  addSkip,
  DEFAULT_LIMITS,
  emptyPartial,
  mergePartials,
  summaryOf,
  type CohortLimits,
  type CohortPartial,
  type CohortReport,
} from '../../shared/cohort/accumulator';
import { COHORT_FILE, type CohortSummary } from '../../shared/cohort/summary';
import { linkOutside, MAX_COHORT_FILE_BYTES, notRegular, unreadable, type CohortFileResult } from './open';
import { countOnWorkers, workerEntry } from './pool';
import { errorText, readAndOpen, realCohortFs, sizeBeforeRead, type CohortFs, type Found } from './read-file';

export type { CohortFs } from './read-file';

export interface SummarizeOptions {
  cwd: string;
  /** re-evaluate every report (and facts file) against this exam */
  profile?: Profile | null;
  fs?: CohortFs;
  /** files read at the same time (default 8) */
  concurrency?: number;
  /** read files that links lead to outside the folder that was named (`--follow-links`) */
  followLinks?: boolean;
  limits?: Partial<CohortLimits>;
  /** each counted report, in walk order (the row formats stream from here) */
  onReport?: (file: string, report: CohortReport) => void | Promise<void>;
  /** files handled so far (read or skipped), as they are handed on */
  onProgress?: (files: number) => void;
  /** worker threads that read and open the files (default: one per core; 1 reads on this thread) */
  workers?: number;
  /** files per batch a thread counts at once (default BATCH_FILES) */
  batchSize?: number;
  /** each batch counted on a thread, with the thread that counted it (a thread that failed leaves its batches to the main thread, id 0) */
  onBatch?: (b: { files: number; threadId: number }) => void;
}

/**
 * Files a worker counts per message: large enough that posting a batch and its partial back costs
 * little next to reading it, small enough that the batches out at once (two per thread) hold little.
 */
export const BATCH_FILES = 64;

const defaultWorkers = () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

interface Walk {
  fs: CohortFs;
  realpath: (p: string) => Promise<string>;
  followLinks: boolean;
}

/** Every file named, and every *.json below every folder named, as the user would write its path. */
async function* walk(inputs: readonly string[], cwd: string, w: Walk): AsyncGenerator<Found> {
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let st;
    try {
      st = await w.fs.stat(full);
    } catch (err) {
      yield { file: input, full: null, result: unreadable(input, errorText(err)) };
      continue;
    }
    // a file the user named is read wherever it is (they named it), but still only if it is a regular file
    if (st.isFile()) {
      yield { file: input, full, noFollow: false };
      continue;
    }
    if (!st.isDirectory()) {
      yield { file: input, full: null, result: notRegular(input) };
      continue;
    }
    let root = full;
    try {
      root = await w.realpath(full);
    } catch {
      /* the folder was just stat'ed: its own path stands for its real one */
    }
    yield* walkDir(full, input, root, w);
  }
}

async function* walkDir(dir: string, shown: string, root: string, w: Walk): AsyncGenerator<Found> {
  let entries: Dirent[];
  try {
    entries = await w.fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { file: shown, full: null, result: unreadable(shown, errorText(err)) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const file = path.join(shown, e.name);
    if (e.isDirectory()) {
      yield* walkDir(full, file, root, w);
      continue;
    }
    if (!COHORT_FILE.test(e.name)) continue;
    if (e.isFile()) {
      yield { file, full, noFollow: true };
      continue;
    }
    if (!e.isSymbolicLink()) {
      // a named pipe, socket or device called *.json: listed, never opened for reading
      yield { file, full: null, result: notRegular(file) };
      continue;
    }
    let target: string;
    try {
      target = await w.realpath(full);
    } catch (err) {
      yield { file, full: null, result: unreadable(file, errorText(err)) };
      continue;
    }
    if (!inside(root, target) && !w.followLinks) {
      yield { file, full: null, result: linkOutside(file) };
      continue;
    }
    try {
      const st = await w.fs.stat(full);
      // a link to a folder is not followed (it could point back up); a link to a pipe or device is listed
      if (st.isFile()) yield { file, full, noFollow: false };
      else if (!st.isDirectory()) yield { file, full: null, result: notRegular(file) };
    } catch (err) {
      yield { file, full: null, result: unreadable(file, errorText(err)) };
    }
  }
}

/**
 * Bytes of report held at once: a file's text while it is opened, then its parsed report until the
 * summary has taken it (results are handed on in walk order, so a parsed report waits for the ones
 * before it). Granted strictly in walk order — ticket i only after ticket i-1 — so the files holding
 * the budget are always earlier ones, which are handed on first: the wait cannot go round in a circle.
 */
function orderedBudget(total: number) {
  let free = total;
  let next = 0;
  let waiting: Array<() => void> = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    w.forEach((ok) => ok());
  };
  return {
    async take(ticket: number, bytes: number): Promise<() => void> {
      const want = Math.min(bytes, total);
      while (next !== ticket || free < want) await new Promise<void>((ok) => waiting.push(ok));
      free -= want;
      next++;
      wake();
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        free += want;
        wake();
      };
    },
  };
}

type Budget = ReturnType<typeof orderedBudget>;
const nothing = () => {};

/** One file's result, and the release of the budget its report holds (called once the summary has it). */
async function readOne(
  found: Found,
  ticket: number,
  fs: CohortFs,
  budget: Budget,
  profile: Profile | null,
): Promise<{ r: CohortFileResult; release: () => void }> {
  // every file takes its turn, even one refused already (with nothing to hold), so the order holds
  if (found.full === null) {
    (await budget.take(ticket, 0))();
    return { r: found.result, release: nothing };
  }
  const sized = await sizeBeforeRead(found, fs);
  const release = await budget.take(ticket, 'size' in sized ? sized.size : 0);
  if ('refused' in sized) {
    release();
    return { r: sized.refused, release: nothing };
  }
  const r = await readAndOpen(found, fs, profile);
  if (!r.ok) {
    release();
    return { r, release: nothing };
  }
  return { r, release };
}

/** Reads up to `n` ahead, hands results on in input order. `fn` never rejects. */
async function* ordered<T, R>(src: AsyncIterable<T>, n: number, fn: (x: T) => Promise<R>): AsyncGenerator<R> {
  const queue: Array<Promise<R>> = [];
  for await (const x of src) {
    queue.push(fn(x));
    if (queue.length >= n) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}

/** Groups of `size` consecutive entries (the last one shorter). */
async function* inBatches<T>(src: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const x of src) {
    batch.push(x);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const b of batches) yield* b;
}

async function* prepend<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** The files read here, a few at a time (a short list, or fakes for the file system in tests). */
async function countHere(found: AsyncIterable<Found>, opts: SummarizeOptions, cohort: CohortPartial, fs: CohortFs, profile: Profile | null) {
  const budget = orderedBudget(MAX_COHORT_FILE_BYTES);
  let tickets = 0;
  let done = 0;
  const results = ordered(found, Math.max(1, opts.concurrency ?? 8), async (f) => ({
    file: f.file,
    ...(await readOne(f, tickets++, fs, budget, profile)),
  }));
  for await (const { file, r, release } of results) {
    try {
      if (r.ok) {
        addReport(cohort, file, r.report);
        await opts.onReport?.(file, r.report);
      } else addSkip(cohort, file, r.kind, r.message);
    } finally {
      release();
    }
    opts.onProgress?.(++done);
  }
}

/** A cohort of the size where threads pay: batches counted on worker threads, merged in walk order. */
async function countOnThreads(
  batches: AsyncIterable<Found[]>,
  opts: SummarizeOptions,
  cohort: CohortPartial,
  profile: Profile | null,
  pool: { workers: number; startThread: NonNullable<ReturnType<typeof workerEntry>> },
) {
  let done = 0;
  for await (const b of countOnWorkers(batches, { ...pool, profile, wantReports: opts.onReport !== undefined })) {
    if (opts.onReport) for (const [file, report] of b.reports ?? []) await opts.onReport(file, report);
    mergePartials(cohort, b.partial);
    const files = b.partial.reports + b.partial.skippedCount;
    done += files;
    opts.onBatch?.({ files, threadId: b.threadId });
    opts.onProgress?.(done);
  }
}

export async function summarizeFiles(inputs: readonly string[], opts: SummarizeOptions): Promise<CohortSummary> {
  const fs = opts.fs ?? realCohortFs;
  const w: Walk = { fs, realpath: fs.realpath ?? ((p) => realFs.realpath(p)), followLinks: opts.followLinks ?? false };
  const profile = opts.profile ?? null;
  const cohort = emptyPartial({ ...DEFAULT_LIMITS, ...opts.limits });
  const found = walk(inputs, opts.cwd, w);
  const workers = opts.fs ? 1 : Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? BATCH_FILES));
  const startThread = workers > 1 ? workerEntry() : null;
  if (!startThread) await countHere(found, opts, cohort, fs, profile);
  else {
    // threads cost a start-up (each loads the opener and the rules): a list of one batch is read here
    const batches = inBatches(found, batchSize)[Symbol.asyncIterator]();
    const first = await batches.next();
    const second = first.done ? first : await batches.next();
    if (second.done) await countHere(flatten(prepend(first.done ? [] : [first.value], batches)), opts, cohort, fs, profile);
    else await countOnThreads(prepend([first.value, second.value], batches), opts, cohort, profile, { workers, startThread });
  }
  return summaryOf(cohort, profile ? { id: profile.id, version: profile.version } : null);
}

/** Entries the walk finds (files to read and entries it refuses), counted without reading any: the total a progress line shows. */
export async function countCohortFiles(inputs: readonly string[], opts: Pick<SummarizeOptions, 'cwd' | 'followLinks' | 'fs'>): Promise<number> {
  const fs = opts.fs ?? realCohortFs;
  let n = 0;
  for await (const _ of walk(inputs, opts.cwd, { fs, realpath: fs.realpath ?? ((p) => realFs.realpath(p)), followLinks: opts.followLinks ?? false })) n++;
  return n;
}
