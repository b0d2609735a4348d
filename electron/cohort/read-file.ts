// Reading one file of a cohort: the guarded read (a regular file only, refused from its size before
// it is read, O_NOFOLLOW when the walk saw a plain file) and what a refusal says. Shared by the
// walk on the main thread and the worker threads that read and open the files (worker.ts).
import { promises as realFs, constants, type Dirent } from 'node:fs';
import type { Profile } from '../../shared/profile/schema';
import { decodeText, TextFileError } from '../storage/read-text';
import { MAX_COHORT_FILE_BYTES, notRegular, openCohortText, tooLarge, unreadable, type CohortFileResult } from './open';

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

/** A file to read, or an entry refused by the walk with its result already decided. */
export type Found = { file: string; full: string; noFollow: boolean } | { file: string; full: null; result: CohortFileResult };

export const errorText = (err: unknown): string => {
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

export const realCohortFs: CohortFs = {
  stat: (p) => realFs.stat(p),
  readdir: (p, o) => realFs.readdir(p, o),
  readFile: readGuarded,
  realpath: (p) => realFs.realpath(p),
};

/** The size a file is read at, or why it is refused before it is opened (stat'ed first: an oversized file is never read). */
export async function sizeBeforeRead(found: Extract<Found, { full: string }>, fs: CohortFs): Promise<{ size: number } | { refused: CohortFileResult }> {
  try {
    const st = await fs.stat(found.full);
    if (!st.isFile()) return { refused: notRegular(found.file) };
    if (st.size > MAX_COHORT_FILE_BYTES) return { refused: tooLarge(found.file, st.size) };
    return { size: st.size };
  } catch (err) {
    return { refused: unreadable(found.file, errorText(err)) };
  }
}

/** The guarded read of a file the stat let through, opened (never throws: a failure is the file's result). */
export async function readAndOpen(found: Extract<Found, { full: string }>, fs: CohortFs, profile: Profile | null): Promise<CohortFileResult> {
  try {
    const text = await fs.readFile(found.full, 'utf8', { maxBytes: MAX_COHORT_FILE_BYTES, noFollow: found.noFollow });
    return openCohortText(text, found.file, profile);
  } catch (err) {
    if (err instanceof TextFileError) {
      if (err.code === 'not-regular') return notRegular(found.file);
      if (err.code === 'too-large') return tooLarge(found.file, Number(err.message) || MAX_COHORT_FILE_BYTES + 1);
      if (err.code === 'unreadable') return unreadable(found.file, err.message);
    }
    return unreadable(found.file, errorText(err));
  }
}

/**
 * One file, start to end, with nothing else held: how a worker reads its batch, one file after
 * another, on the real file system. No stat first (with no budget to share, it would only repeat what
 * the guarded read checks on the open handle: a regular file, within the cap, before a byte is read;
 * the results, and their reasons, are the same; tests/unit/cohort/workers.test.ts).
 */
export async function readFound(found: Found, profile: Profile | null): Promise<CohortFileResult> {
  if (found.full === null) return found.result;
  return readAndOpen(found, realCohortFs, profile);
}
