// `summarize -`: what comes on standard input is either a list of paths, one per line (`find … |`),
// or reports, one JSON object per line (NDJSON, e.g. collected from a fleet tool): told apart by the
// first character that is not white space ("{": reports). Reports are written one per file into a
// private temporary folder as they arrive, so the summary reads them as it reads any folder (same
// size caps, same walk, nothing held in memory) and names them "stdin/000001.json"…; the folder is
// removed afterwards. Bounded: the list of paths by the input cap, the reports by a count and a size.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError, MAX_INPUT_BYTES } from '../../shared/parse-errors';
import { decodeText, TextFileError } from '../storage/read-text';
import { streamChunks, type ByteStream } from '../storage/read-stream';

/** far more reports than a cohort has; a stream of more is a mistake, not a cohort */
export const MAX_STDIN_REPORTS = 200_000;
export const MAX_STDIN_REPORT_BYTES = 4 * 1024 * 1024 * 1024;

export interface StdinInputs {
  /** the paths to summarise, "-" replaced by what came on stdin */
  inputs: string[];
  /** where the summary resolves them (the temporary folder when reports came on stdin) */
  cwd: string;
  /** removes the temporary folder (a no-op for a list of paths) */
  cleanUp: () => Promise<void>;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export async function stdinInputs(
  paths: readonly string[],
  cwd: string,
  stdin: (() => ByteStream & { isTTY?: boolean }) | undefined,
  o: { idleMs?: number; maxReports?: number } = {},
): Promise<StdinInputs> {
  if (!paths.includes('-')) return { inputs: [...paths], cwd, cleanUp: async () => {} };
  const problem = (message: string) => new InvalidInputError([{ file: 'stdin', path: '', message }]);
  const stream = stdin?.();
  if (!stream) throw problem('standard input cannot be read here');
  if (stream.isTTY) throw problem('standard input is a terminal: pipe a list of paths or reports in (find … | exam-preflight summarize -)');
  const it = streamChunks(stream, { file: 'stdin', idleMs: o.idleMs });
  // the rest after the head (a `for await` that stops early would end the stream)
  const chunks: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => it };
  // the first chunks up to the first character that is not white space decide the kind
  const head: Buffer[] = [];
  let first: number | undefined;
  try {
    while (first === undefined) {
      const next = await it.next();
      if (next.done) break;
      head.push(next.value);
      first = next.value.find((b) => !SPACE.has(b));
    }
    const others = paths.filter((p) => p !== '-').map((p) => path.resolve(cwd, p));
    if (first === 0x7b) return await reportsToFolder(head, chunks, others, o.maxReports ?? MAX_STDIN_REPORTS);
    let len = head.reduce((n, c) => n + c.length, 0);
    for await (const c of chunks) {
      len += c.length;
      if (len > MAX_INPUT_BYTES) throw problem(`the list of paths is too large (more than ${MAX_INPUT_BYTES} bytes)`);
      head.push(c);
    }
    const listed = decodeText(Buffer.concat(head))
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (!listed.length) throw problem('no paths came on standard input');
    // the listed paths, as the other arguments, are relative to the working folder
    return { inputs: paths.flatMap((p) => (p === '-' ? listed : [p])), cwd, cleanUp: async () => {} };
  } catch (err) {
    if (err instanceof TextFileError) throw problem(err.message);
    throw err;
  }
}

/** One file per line, written as the bytes arrive: a long line never sits in memory (the summary refuses it by size). */
async function reportsToFolder(head: Buffer[], rest: AsyncIterable<Buffer>, others: string[], maxReports: number): Promise<StdinInputs> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'exam-preflight-stdin-'));
  const dir = path.join(tmp, 'stdin');
  await fs.mkdir(dir, { mode: 0o700 });
  const cleanUp = () => fs.rm(tmp, { recursive: true, force: true });
  try {
    let count = 0;
    let total = 0;
    let file: fs.FileHandle | null = null;
    const startLine = async () => {
      if (++count > maxReports) throw new InvalidInputError([{ file: 'stdin', path: '', message: `more than ${maxReports} reports on standard input` }]);
      file = await fs.open(path.join(dir, `${String(count).padStart(6, '0')}.json`), 'wx', 0o600);
    };
    const endLine = async () => {
      await file?.close();
      file = null;
    };
    const feed = async (c: Buffer) => {
      total += c.length;
      if (total > MAX_STDIN_REPORT_BYTES)
        throw new InvalidInputError([{ file: 'stdin', path: '', message: `more than ${MAX_STDIN_REPORT_BYTES} bytes of reports on standard input` }]);
      let from = 0;
      while (from < c.length) {
        const nl = c.indexOf(0x0a, from);
        const part = c.subarray(from, nl < 0 ? c.length : nl);
        // blank lines between reports are not reports
        if (!file && part.some((b) => !SPACE.has(b))) await startLine();
        if (file) await (file as fs.FileHandle).write(part);
        if (nl < 0) break;
        await endLine();
        from = nl + 1;
      }
    };
    for (const c of head) await feed(c);
    for await (const c of rest) await feed(c);
    await endLine();
    return { inputs: [...others, 'stdin'], cwd: tmp, cleanUp };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
