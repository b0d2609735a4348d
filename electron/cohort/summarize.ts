// Summarising a cohort from disk: files and folders (walked recursively for *.json and *.epreport, symlinked
// folders not followed, so a loop cannot trap the walk), read a few at a time, each checked against
// the size cap with stat BEFORE it is read, opened and fed to the accumulator, then dropped. Memory
// holds the aggregates, the capped lists and at most `concurrency` file texts — never the cohort.
// Results come out in walk order (sorted names) whatever order the reads finish in, so the same
// folder always gives the same output.
import { promises as realFs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../shared/profile/schema';
import { createCohort, type CohortLimits, type CohortReport } from '../../shared/cohort/accumulator';
import { COHORT_FILE, type CohortSummary } from '../../shared/cohort/summary';
import { MAX_COHORT_FILE_BYTES, openCohortText, tooLarge, unreadable, type CohortFileResult } from './open';

/** The file system calls the reader makes (tests pass fakes for what root cannot provoke, e.g. EACCES). */
export interface CohortFs {
  stat(p: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  readdir(p: string, o: { withFileTypes: true }): Promise<Dirent[]>;
  readFile(p: string, enc: 'utf8'): Promise<string>;
}

export interface SummarizeOptions {
  cwd: string;
  /** re-evaluate every report (and facts file) against this exam */
  profile?: Profile | null;
  fs?: CohortFs;
  /** files read at the same time (default 8) */
  concurrency?: number;
  limits?: Partial<CohortLimits>;
  /** each counted report, in walk order (the row formats stream from here) */
  onReport?: (file: string, report: CohortReport) => void | Promise<void>;
}

type Found = { file: string; full: string } | { file: string; full: null; error: string };

const errorText = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a folder'
        : (err as Error).message;
};

/** Every file named, and every *.json below every folder named, as the user would write its path. */
async function* walk(inputs: readonly string[], cwd: string, fs: CohortFs): AsyncGenerator<Found> {
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let st;
    try {
      st = await fs.stat(full);
    } catch (err) {
      yield { file: input, full: null, error: errorText(err) };
      continue;
    }
    if (st.isFile()) {
      yield { file: input, full };
      continue;
    }
    if (!st.isDirectory()) {
      yield { file: input, full: null, error: 'is not a file or folder' };
      continue;
    }
    yield* walkDir(full, input, fs);
  }
}

async function* walkDir(dir: string, shown: string, fs: CohortFs): AsyncGenerator<Found> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { file: shown, full: null, error: errorText(err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const file = path.join(shown, e.name);
    if (e.isDirectory()) {
      yield* walkDir(full, file, fs);
      continue;
    }
    if (!COHORT_FILE.test(e.name)) continue;
    if (e.isFile()) {
      yield { file, full };
      continue;
    }
    if (e.isSymbolicLink()) {
      // a link to a file is read; a link to a folder is not followed (it could point back up)
      try {
        if ((await fs.stat(full)).isFile()) yield { file, full };
      } catch (err) {
        yield { file, full: null, error: errorText(err) };
      }
    }
  }
}

async function readOne(found: Found, fs: CohortFs, profile: Profile | null): Promise<CohortFileResult> {
  if (found.full === null) return unreadable(found.file, found.error);
  try {
    const st = await fs.stat(found.full);
    if (st.size > MAX_COHORT_FILE_BYTES) return tooLarge(found.file, st.size);
    const text = await fs.readFile(found.full, 'utf8');
    return openCohortText(text, found.file, profile);
  } catch (err) {
    return unreadable(found.file, errorText(err));
  }
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

export async function summarizeFiles(inputs: readonly string[], opts: SummarizeOptions): Promise<CohortSummary> {
  const fs = opts.fs ?? realFs;
  const profile = opts.profile ?? null;
  const cohort = createCohort({ reevaluatedAgainst: profile ? { id: profile.id, version: profile.version } : null, limits: opts.limits });
  const results = ordered(walk(inputs, opts.cwd, fs), Math.max(1, opts.concurrency ?? 8), async (f) => ({ file: f.file, r: await readOne(f, fs, profile) }));
  for await (const { file, r } of results) {
    if (r.ok) {
      cohort.add(file, r.report);
      await opts.onReport?.(file, r.report);
    } else cohort.skip(file, r.kind, r.message);
  }
  return cohort.summary();
}
