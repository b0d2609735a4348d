// Summarising a cohort from disk: files and folders (walked recursively for *.json and *.epreport, symlinked
// folders not followed, so a loop cannot trap the walk), read a few at a time, each checked against
// the size cap BEFORE it is read, opened and fed to the accumulator, then dropped. Memory holds the
// aggregates, the capped lists and file texts of at most MAX_COHORT_FILE_BYTES in all (one large
// file at a time, many small ones together) — never the cohort.
// Every entry that looks like a report but is not read is listed with its reason: a pipe or device
// (opened non-blocking and refused, so it cannot hang the run), a link leaving the folder that was
// named (not read unless `followLinks`: a learner's link to /etc/shadow must not be quoted back), a
// file over the cap, one that cannot be read.
// Results come out in walk order (sorted names) whatever order the reads finish in, so the same
// folder always gives the same output.
import { promises as realFs, constants, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../shared/profile/schema';
import { createCohort, type CohortLimits, type CohortReport } from '../../shared/cohort/accumulator';
import { COHORT_FILE, type CohortSummary } from '../../shared/cohort/summary';
import { decodeText, TextFileError } from '../storage/read-text';
import { linkOutside, MAX_COHORT_FILE_BYTES, notRegular, openCohortText, tooLarge, unreadable, type CohortFileResult } from './open';

/** The file system calls the reader makes (tests pass fakes for what root cannot provoke, e.g. EACCES). */
export interface CohortFs {
  stat(p: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  readdir(p: string, o: { withFileTypes: true }): Promise<Dirent[]>;
  /**
   * The file's text, refused with a TextFileError when it is not a regular file or is over
   * `maxBytes` (the real one checks the open handle: a pipe cannot hang it, a device not be read).
   * `noFollow`: the walk saw a plain file there, so a link swapped in since is refused.
   */
  readFile(p: string, enc: 'utf8', o?: { maxBytes: number; noFollow: boolean }): Promise<string>;
  /** where a link leads (default: the real file system's) */
  realpath?(p: string): Promise<string>;
}

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
}

/** A file to read, or an entry refused by the walk with its result already decided. */
type Found = { file: string; full: string; noFollow: boolean } | { file: string; full: null; result: CohortFileResult };

const errorText = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a folder'
        : code === 'ELOOP'
          ? 'is a link (it was replaced while the folder was read)'
          : (err as Error).message;
};

/** The guarded read (storage/read-text.ts's checks, plus O_NOFOLLOW when the walk saw a plain file). */
async function readGuarded(
  file: string,
  _enc: 'utf8',
  o: { maxBytes: number; noFollow: boolean } = { maxBytes: MAX_COHORT_FILE_BYTES, noFollow: false },
): Promise<string> {
  const handle = await realFs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (o.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new TextFileError('not-regular', 'is not a regular file (a device, pipe or socket)', file);
    if (st.size > o.maxBytes) throw new TextFileError('too-large', String(st.size), file);
    const bytes = Buffer.alloc(Math.min(st.size, o.maxBytes) + 1);
    let len = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, len, bytes.length - len, len);
      if (bytesRead === 0) break;
      len += bytesRead;
      // grew since stat: one byte past what it said is enough to know
      if (len > o.maxBytes) throw new TextFileError('too-large', String(len), file);
      if (len === bytes.length) throw new TextFileError('unreadable', 'it changed while it was read', file);
    }
    return decodeText(bytes.subarray(0, len));
  } finally {
    await handle.close();
  }
}

const realCohortFs: CohortFs = {
  stat: (p) => realFs.stat(p),
  readdir: (p, o) => realFs.readdir(p, o),
  readFile: readGuarded,
  realpath: (p) => realFs.realpath(p),
};

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
  let refused: CohortFileResult | null = found.full === null ? found.result : null;
  let size = 0;
  if (found.full !== null) {
    try {
      const st = await fs.stat(found.full);
      if (!st.isFile()) refused = notRegular(found.file);
      else if (st.size > MAX_COHORT_FILE_BYTES) refused = tooLarge(found.file, st.size);
      else size = st.size;
    } catch (err) {
      refused = unreadable(found.file, errorText(err));
    }
  }
  // every file takes its turn, even one refused already (with nothing to hold), so the order holds
  const release = await budget.take(ticket, refused ? 0 : size);
  if (refused || found.full === null) {
    release();
    return { r: refused!, release: nothing };
  }
  try {
    const text = await fs.readFile(found.full, 'utf8', { maxBytes: MAX_COHORT_FILE_BYTES, noFollow: found.noFollow });
    return { r: openCohortText(text, found.file, profile), release };
  } catch (err) {
    release();
    if (err instanceof TextFileError) {
      if (err.code === 'not-regular') return { r: notRegular(found.file), release: nothing };
      if (err.code === 'too-large') return { r: tooLarge(found.file, Number(err.message) || MAX_COHORT_FILE_BYTES + 1), release: nothing };
      if (err.code === 'unreadable') return { r: unreadable(found.file, err.message), release: nothing };
    }
    return { r: unreadable(found.file, errorText(err)), release: nothing };
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
  const fs = opts.fs ?? realCohortFs;
  const w: Walk = { fs, realpath: fs.realpath ?? ((p) => realFs.realpath(p)), followLinks: opts.followLinks ?? false };
  const profile = opts.profile ?? null;
  const budget = orderedBudget(MAX_COHORT_FILE_BYTES);
  const cohort = createCohort({ reevaluatedAgainst: profile ? { id: profile.id, version: profile.version } : null, limits: opts.limits });
  let tickets = 0;
  const results = ordered(walk(inputs, opts.cwd, w), Math.max(1, opts.concurrency ?? 8), async (f) => ({
    file: f.file,
    ...(await readOne(f, tickets++, fs, budget, profile)),
  }));
  for await (const { file, r, release } of results) {
    try {
      if (r.ok) {
        cohort.add(file, r.report);
        await opts.onReport?.(file, r.report);
      } else cohort.skip(file, r.kind, r.message);
    } finally {
      release();
    }
  }
  return cohort.summary();
}
