// Appending to a log file: the app's own log, and `check --log FILE`, which admins run as root or
// SYSTEM from scripts, often in a folder a learner can write. Like `--out` (output.ts) every
// failure is a LogFileError with one plain line; unlike `--out`, a log is only ever a regular file:
//  - no symlink is followed (O_NOFOLLOW where the OS has it; elsewhere the path is checked first),
//    so a learner's link at the log path cannot make a root-run check append to /etc/passwd;
//  - a file with other hard links is refused for the same reason (the other name may be anywhere);
//  - devices and FIFOs are refused without waiting (O_NONBLOCK: a FIFO without a reader fails at
//    once instead of hanging, one with a reader is refused after the open). An admin who wants the
//    log on a stream names /dev/stderr or /dev/stdout: the headless command writes those itself;
//  - every step is bounded in time (a hung network share must not hold the check forever).
// At `maxBytes` the file becomes <name>.old.log (replacing the previous archive) and a new one starts.
import { promises as fs, constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { outputErrorFrom, type OutputProblem } from './output';
import { hasOtherNames, openNoFollow } from './no-follow';

export type LogProblem = OutputProblem | 'not-a-file' | 'timeout';

/** A log that cannot be written, in one plain line (safety:log.<problem>). */
export class LogFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: LogProblem,
    readonly detail = '',
  ) {
    super(`${file}: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'LogFileError';
  }
}

/** The paths an admin may name to get the log on the command's own stream instead of a file. */
export const STANDARD_STREAMS = { '/dev/stdout': 'stdout', '/dev/stderr': 'stderr' } as const;
export type StandardStream = (typeof STANDARD_STREAMS)[keyof typeof STANDARD_STREAMS];
export const standardStream = (file: string): StandardStream | null =>
  Object.prototype.hasOwnProperty.call(STANDARD_STREAMS, file) ? STANDARD_STREAMS[file as keyof typeof STANDARD_STREAMS] : null;

export const APPEND_DEADLINE_MS = 10_000;

export interface AppendDeps {
  open: (file: string, flags: number, mode: number) => Promise<FileHandle>;
  lstat: (file: string) => Promise<Stats>;
  rename: (from: string, to: string) => Promise<void>;
  mkdir: (dir: string) => Promise<unknown>;
  /** O_NOFOLLOW is missing on Windows: then the path is checked with lstat before opening */
  noFollow: number | undefined;
  deadlineMs: number;
}

const realDeps: AppendDeps = {
  open: (f, flags, mode) => fs.open(f, flags, mode),
  lstat: (f) => fs.lstat(f),
  rename: (a, b) => fs.rename(a, b),
  mkdir: (d) => fs.mkdir(d, { recursive: true }),
  noFollow: constants.O_NOFOLLOW,
  deadlineMs: APPEND_DEADLINE_MS,
};

/** The archive beside a log: main.log → main.old.log. */
export const archiveOf = (file: string): string => file.replace(/(\.log)?$/, '.old.log');

/** Appends `text` to the regular file `file` (created with its folder, mode 600), rotating at `maxBytes`; throws LogFileError. */
export async function appendToFile(file: string, text: string, maxBytes: number, deps: Partial<AppendDeps> = {}): Promise<void> {
  const d: AppendDeps = { ...realDeps, ...deps };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new LogFileError(file, 'timeout')), d.deadlineMs);
  });
  try {
    await Promise.race([appendNow(file, text, maxBytes, d), late]);
  } catch (err) {
    if (err instanceof LogFileError) throw err;
    const e = outputErrorFrom(file, err);
    throw new LogFileError(file, e.problem, e.detail);
  } finally {
    clearTimeout(timer);
  }
}

async function appendNow(file: string, text: string, maxBytes: number, d: AppendDeps): Promise<void> {
  await d.mkdir(path.dirname(file));
  let h = await openGuarded(file, d);
  try {
    const size = (await h.stat()).size;
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) {
      await h.close();
      // rename moves a link planted at the archive's name, never what it points to
      await d.rename(file, archiveOf(file)).catch(() => {});
      h = await openGuarded(file, d);
    }
    await h.writeFile(text);
  } finally {
    await h.close().catch(() => {});
  }
}

async function openGuarded(file: string, d: AppendDeps): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0);
  let h: FileHandle;
  try {
    h = await openNoFollow(file, flags, 0o600, d, () => new LogFileError(file, 'is-link'));
  } catch (err) {
    // ENXIO: a FIFO nobody reads
    if ((err as NodeJS.ErrnoException).code === 'ENXIO') throw new LogFileError(file, 'not-a-file');
    throw err;
  }
  try {
    const st = await h.stat();
    if (st.isDirectory()) throw new LogFileError(file, 'is-folder');
    if (!st.isFile()) throw new LogFileError(file, 'not-a-file');
    if (hasOtherNames(st)) throw new LogFileError(file, 'hard-link');
    return h;
  } catch (err) {
    await h.close().catch(() => {});
    throw err;
  }
}
