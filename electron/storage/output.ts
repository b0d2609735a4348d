// Where the headless command writes `--out`. Admins run it as root or SYSTEM from scripts, so the
// path may be anything: a regular file (or a new one) is replaced atomically (never half a report);
// a character device or a named pipe (/dev/stdout, /dev/null, a FIFO a script reads) is written to
// as a stream, the way a shell's `>` would — replacing it would turn /dev/null into a file and leave
// a pipe's reader with nothing. Block devices and sockets are refused: writing a report over a disk
// is never what was meant. Every failure is an OutputError with one plain line, never a raw errno,
// and no temp file is left behind. This is the only way the headless command writes `--out`,
// whole (writeOutput) or streamed (openOutput: the rows of `summarize --format csv|ndjson`).
// A link at the path is never followed (no-follow.ts): a learner's link must not make a root-run
// check replace or append to a system file. Only the command's own streams (/dev/stdout,
// /dev/fd/3, a shell's `>(…)`) are followed: those links are the OS's, in folders a learner
// cannot write. As root a regular file with other hard links is refused too.
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { createAtomicFile } from './atomic';
import { hasOtherNames, isPrivileged, lstatOrNull, openNoFollow, realNoFollowDeps } from './no-follow';

export type OutputProblem =
  | 'is-folder'
  | 'block-device'
  | 'socket'
  | 'is-link'
  | 'hard-link'
  | 'read-only'
  | 'denied'
  | 'full'
  | 'no-folder'
  | 'not-a-folder'
  | 'cannot-create'
  | 'other';

export class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: OutputProblem,
    readonly detail = '',
  ) {
    super(`${file}: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'OutputError';
  }
}

const PROBLEM_OF: Record<string, OutputProblem> = {
  EISDIR: 'is-folder',
  EROFS: 'read-only',
  EACCES: 'denied',
  EPERM: 'denied',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  ENOENT: 'no-folder',
  ENOTDIR: 'not-a-folder',
  EEXIST: 'not-a-folder',
  ENXIO: 'socket',
};

export function outputErrorFrom(file: string, err: unknown): OutputError {
  if (err instanceof OutputError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  // the detail is the system's own wording without the errno code and syscall, e.g. "no space left on device"
  const detail = PROBLEM_OF[code]
    ? ''
    : String((err as Error)?.message ?? err)
        .replace(/^[A-Z]+: /, '')
        .replace(/, \w+ '.*'$/, '')
        .slice(0, 200);
  return new OutputError(file, PROBLEM_OF[code] ?? 'other', detail);
}

/**
 * Where a command's output goes, piece by piece. `write` resolves once the text is taken, so a
 * slow reader (a FIFO read by a script, a slow disk) holds the writer back instead of letting
 * the text pile up in memory. Every failure is an OutputError.
 */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** everything is written: a regular file appears (renamed into place), a device or pipe is closed */
  done(): Promise<void>;
  /** give up: a regular file's temp file is removed and the target left as it was */
  abort(): Promise<void>;
}

/** The command's own streams, named the way shells and admins name them (not on Windows, where these are ordinary paths). */
const OWN_STREAM = /^\/(dev\/(stdout|stderr)|dev\/fd\/\d{1,9}|proc\/self\/fd\/\d{1,9})$/;
export const isOwnStream = (file: string, platform: NodeJS.Platform = process.platform): boolean => platform !== 'win32' && OWN_STREAM.test(file);

export interface OutputOptions {
  /** running as root (hard links refused); tests set it, the default asks the OS */
  privileged?: boolean;
}

/** Opens `file` (absolute) for output as described above; throws OutputError. */
export async function openOutput(file: string, opts: OutputOptions = {}): Promise<OutputSink> {
  let raw: OutputSink;
  try {
    raw = await openRaw(file, opts.privileged ?? isPrivileged());
  } catch (err) {
    // ENOENT with the folder present: a place that refuses new files (/proc, some mounts)
    if (
      (err as NodeJS.ErrnoException).code === 'ENOENT' &&
      (await fs.stat(path.dirname(file)).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      throw new OutputError(file, 'cannot-create');
    throw outputErrorFrom(file, err);
  }
  return buffered(file, raw);
}

/** Writes all of `data` to `sink` and finishes it; on a failure the sink is abandoned (no half file) and the error thrown. */
export async function writeWhole(sink: OutputSink, data: string): Promise<void> {
  try {
    await sink.write(data);
    await sink.done();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

/** Writes `data` to `file` (absolute) as described above; throws OutputError. */
export async function writeOutput(file: string, data: string, opts: OutputOptions = {}): Promise<void> {
  await writeWhole(await openOutput(file, opts), data);
}

async function openRaw(file: string, privileged: boolean): Promise<OutputSink> {
  const own = isOwnStream(file);
  const st = own ? await fs.stat(file) : await lstatOrNull(file);
  // nothing there: a new file, made beside it and renamed into place (a link planted in between is replaced, not followed)
  if (!st) return atomicSink(file);
  if (st.isSymbolicLink()) throw new OutputError(file, 'is-link');
  if (st.isDirectory()) throw new OutputError(file, 'is-folder');
  if (st.isBlockDevice()) throw new OutputError(file, 'block-device');
  if (st.isSocket()) throw new OutputError(file, 'socket');
  // a shell's `> file` behind /dev/stdout is written to like the stream it is, not replaced
  if (st.isCharacterDevice() || st.isFIFO() || own) return streamSink(file, own);
  if (privileged && hasOtherNames(st)) throw new OutputError(file, 'hard-link');
  return atomicSink(file);
}

async function atomicSink(file: string): Promise<OutputSink> {
  const f = await createAtomicFile(file);
  return { write: (s) => f.write(s), done: () => f.commit(), abort: () => f.discard() };
}

async function streamSink(file: string, own: boolean): Promise<OutputSink> {
  // no O_CREAT: if the device or pipe vanished in between, fail instead of creating a file
  const flags = constants.O_WRONLY | constants.O_APPEND;
  const handle = own ? await fs.open(file, flags) : await openNoFollow(file, flags, 0o600, realNoFollowDeps, () => new OutputError(file, 'is-link'));
  // what was opened is what was looked at: a regular file swapped in after the look (a hard link
  // to a system file) would be appended to, so anything but a device or a pipe is refused now
  const st = await handle.stat();
  if (!own && !st.isCharacterDevice() && !st.isFIFO()) {
    await handle.close().catch(() => {});
    throw new OutputError(file, st.isDirectory() ? 'is-folder' : 'other', 'it changed while it was being opened');
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: async (s) => {
      await handle.writeFile(s);
    },
    done: close,
    abort: () => close().catch(() => {}),
  };
}

/** Collects small writes (a row at a time) into blocks; errors become OutputErrors. */
const BLOCK = 64 * 1024;
function buffered(file: string, raw: OutputSink): OutputSink {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!size) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    await raw.write(text);
  };
  const mapped =
    <A extends unknown[]>(fn: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      try {
        await fn(...a);
      } catch (err) {
        throw outputErrorFrom(file, err);
      }
    };
  return {
    write: mapped(async (s: string) => {
      pending.push(s);
      size += s.length;
      if (size >= BLOCK) await flush();
    }),
    done: mapped(async () => {
      await flush();
      await raw.done();
    }),
    abort: async () => {
      pending = [];
      size = 0;
      await raw.abort().catch(() => {});
    },
  };
}
