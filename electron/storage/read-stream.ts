// Reading a text someone pipes in (standard input, `/dev/stdin`, a FIFO such as bash's <(…)) with the
// same bounds as a file: never more than one byte past the cap (an endless stream, `/dev/zero`, is cut
// and refused), and an error instead of a wait for ever when the writer goes quiet without closing.
import { decodeText, STREAM_IDLE_MS, TextFileError } from './read-text';

/** What is read: process.stdin, a file stream, or a test's Readable.from(…). */
export type ByteStream = AsyncIterable<Buffer | Uint8Array | string> & { destroy?: () => unknown };

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
