// Reading a small text file someone else wrote (a policy, an extra profile, a facts or report file):
// the type and size are checked on the open handle before a byte is read, so a named pipe cannot
// hang the reader (opened non-blocking, then refused as "not a regular file"), a link to /dev/zero
// is refused instead of read for ever, and a growing file is cut at the limit. Text written as
// UTF-16 with a byte-order mark (Windows PowerShell 5.1's `>`) is decoded, not quoted as raw bytes.
import { promises as fs, constants } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isatty } from 'node:tty';

export class TextFileError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'ENOTDIR' | 'not-regular' | 'too-large' | 'unreadable' | 'stalled',
    message: string,
    /** the file as it was asked for (the CLI names it in its one-line error) */
    readonly file = '',
  ) {
    super(message);
    this.name = 'TextFileError';
  }
}

/** Decodes bytes by their byte-order mark: UTF-8 (with or without BOM), UTF-16 LE or BE. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}

export interface ReadTextOptions {
  /**
   * A pipe or character device named on the command line (`/dev/stdin`, bash's `<(…)`) is read as a
   * stream, with the same cap (./read-stream.ts); a terminal is still refused. Only for what the
   * user names: files the app finds by itself (a policy, its data) stay regular files only.
   */
  streams?: { idleMs?: number };
}

export async function readTextFile(file: string, maxBytes: number, o: ReadTextOptions = {}): Promise<string> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw Object.assign(new TextFileError(code, 'no such file', file), { code });
    if (code === 'EISDIR') throw new TextFileError('not-regular', 'is a folder, not a file', file);
    throw new TextFileError('unreadable', code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message, file);
  }
  try {
    const st = await handle.stat();
    if (o.streams && (st.isFIFO() || st.isCharacterDevice()) && !isatty(handle.fd)) {
      return await readTextHandle(handle, maxBytes, { file, idleMs: o.streams.idleMs, pipe: st.isFIFO() });
    }
    if (!st.isFile())
      throw new TextFileError('not-regular', st.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket)', file);
    if (st.size > maxBytes) throw new TextFileError('too-large', `file is too large (${st.size} bytes; the limit is ${maxBytes})`, file);
    // read to the end, but never more than one byte past the limit: a file that grew since stat is caught too
    const chunks: Buffer[] = [];
    let len = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - len));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, len);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      len += bytesRead;
      if (len > maxBytes) throw new TextFileError('too-large', `file is too large (more than ${maxBytes} bytes)`, file);
    }
    return decodeText(Buffer.concat(chunks, len));
  } finally {
    await handle.close();
  }
}

/** How long a pipe may stay silent before the reader gives up (a command piped in may take minutes to answer). */
export const STREAM_IDLE_MS = 10 * 60 * 1000;

/**
 * A pipe or character device opened non-blocking (read-text.ts): read to its end with the same cap.
 * A pipe with nothing to read yet answers EAGAIN, and one whose writer has not opened it yet answers
 * "end" before any byte: both are asked again, a little later each time, until the idle limit (so a
 * named pipe never blocks a thread on open, and no writer at all ends in a clear error).
 */
async function readTextHandle(handle: fs.FileHandle, maxBytes: number, o: { file: string; idleMs?: number; pipe: boolean }): Promise<string> {
  const idleMs = o.idleMs ?? STREAM_IDLE_MS;
  const chunks: Buffer[] = [];
  let len = 0;
  let waited = 0;
  let pause = 2;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - len));
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      bytesRead = -1;
    }
    if (bytesRead > 0) {
      chunks.push(chunk.subarray(0, bytesRead));
      len += bytesRead;
      if (len > maxBytes) throw new TextFileError('too-large', `input is too large (more than ${maxBytes} bytes)`, o.file);
      waited = 0;
      pause = 2;
      continue;
    }
    if (bytesRead === 0 && !(o.pipe && len === 0)) break;
    if (waited >= idleMs) throw new TextFileError('stalled', `nothing was received for ${Math.round(idleMs / 1000)} s and the input was not closed`, o.file);
    await sleep(pause);
    waited += pause;
    pause = Math.min(pause * 2, 100);
  }
  return decodeText(Buffer.concat(chunks, len));
}
