// Reading a text someone pipes in (standard input, `/dev/stdin`, a FIFO such as bash's <(…)) with the
// same bounds as a file: never more than one byte past the cap (an endless stream, `/dev/zero`, is cut
// and refused), and an error instead of a wait for ever when the writer goes quiet without closing.
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeText, TextFileError } from './read-text';

/** What is read: process.stdin, a file stream, or a test's Readable.from(…). */
export type ByteStream = AsyncIterable<Buffer | Uint8Array | string> & { destroy?: () => unknown };

/** How long a pipe may stay silent before the reader gives up (a command piped in may take minutes to answer). */
export const STREAM_IDLE_MS = 10 * 60 * 1000;

/** The stream's chunks as bytes; an error when it stays silent for `idleMs` without ending. Lets the stream go when done. */
export async function* streamChunks(stream: ByteStream, o: { file: string; idleMs?: number }): AsyncGenerator<Buffer> {
  const idleMs = o.idleMs ?? STREAM_IDLE_MS;
  const it = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<'idle'>((ok) => (timer = setTimeout(() => ok('idle'), idleMs)));
      const next = await Promise.race([it.next(), idle]).finally(() => clearTimeout(timer));
      if (next === 'idle') throw new TextFileError('stalled', `nothing was received for ${Math.round(idleMs / 1000)} s and the input was not closed`, o.file);
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  } finally {
    // an input that is not read to its end is let go (process.stdin would otherwise keep the process alive)
    stream.destroy?.();
  }
}

export async function readTextStream(stream: ByteStream, maxBytes: number, o: { file: string; idleMs?: number }): Promise<string> {
  const chunks: Buffer[] = [];
  let len = 0;
  for await (const chunk of streamChunks(stream, o)) {
    len += chunk.length;
    if (len > maxBytes) throw new TextFileError('too-large', `input is too large (more than ${maxBytes} bytes)`, o.file);
    chunks.push(chunk);
  }
  return decodeText(Buffer.concat(chunks, len));
}

/**
 * A pipe or character device opened non-blocking (read-text.ts): read to its end with the same cap.
 * A pipe with nothing to read yet answers EAGAIN, and one whose writer has not opened it yet answers
 * "end" before any byte: both are asked again, a little later each time, until the idle limit (so a
 * named pipe never blocks a thread on open, and no writer at all ends in a clear error).
 */
export async function readTextHandle(handle: FileHandle, maxBytes: number, o: { file: string; idleMs?: number; pipe: boolean }): Promise<string> {
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
