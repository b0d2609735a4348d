// Where the headless command writes `--out`. Admins run it as root or SYSTEM from scripts, so the
// path may be anything: a regular file (or a new one) is replaced atomically (never half a report);
// a character device or a named pipe (/dev/stdout, /dev/null, a FIFO a script reads) is written to
// as a stream, the way a shell's `>` would — replacing it would turn /dev/null into a file and leave
// a pipe's reader with nothing. Block devices and sockets are refused: writing a report over a disk
// is never what was meant. Every failure is an OutputError with one plain line, never a raw errno,
// and no temp file is left behind (writeFileAtomic removes its own).
import { promises as fs, constants, type Stats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic';

export type OutputProblem =
  'is-folder' | 'block-device' | 'socket' | 'read-only' | 'denied' | 'full' | 'no-folder' | 'not-a-folder' | 'cannot-create' | 'other';

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

/** Writes `data` to `file` (absolute) as described above; throws OutputError. */
export async function writeOutput(file: string, data: string): Promise<void> {
  try {
    let st: Stats | null = null;
    try {
      st = await fs.stat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (!st) return await writeFileAtomic(file, data);
    if (st.isDirectory()) throw new OutputError(file, 'is-folder');
    if (st.isBlockDevice()) throw new OutputError(file, 'block-device');
    if (st.isSocket()) throw new OutputError(file, 'socket');
    if (st.isCharacterDevice() || st.isFIFO()) return await writeStream(file, data);
    // a link to a regular file: replace the file it points to, and keep the link
    return await writeFileAtomic(await fs.realpath(file), data);
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
}

async function writeStream(file: string, data: string): Promise<void> {
  // no O_CREAT: if the device or pipe vanished in between, fail instead of creating a file
  const handle = await fs.open(file, constants.O_WRONLY | constants.O_APPEND);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
