// The one way a store treats a file it cannot use: parse and validate the text, and when that
// fails, rename the file aside ("<name>.corrupt-<stamp><ext>") and say what was wrong — never
// silently reset, never delete what the learner had.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { msg, type Msg } from '../../shared/check';
import { jsonShapeProblem } from '../../shared/parse-errors';
import { readTextFile, TextFileError } from './read-text';

export interface MovedAside {
  from: string;
  to: string;
  /** what was wrong, in English, for logs */
  problem: string;
  /** what was wrong, for the notice in the learner's language (zod's wording follows it too) */
  message: Msg;
}

export type Stored<T> = { ok: true; value: T } | { ok: false; problem: string; message: Msg };

/**
 * The one reader of the app's own data files (settings, network history, checklists, attempts, …):
 * through storage/read-text.ts, so a named pipe cannot hang it (and with it every later call queued
 * behind it), a link to /dev/zero is not read, and a file over `maxBytes` is refused before a byte is
 * read. `missing`: there is no such file (the store starts empty). `refused`: the caller moves it aside.
 * Other errors (permission denied) are thrown: the file may be fine, the app cannot tell.
 */
export async function readStored(
  file: string,
  maxBytes: number,
): Promise<{ state: 'text'; text: string } | { state: 'missing' } | { state: 'refused'; problem: string; message: Msg }> {
  try {
    return { state: 'text', text: await readTextFile(file, maxBytes) };
  } catch (err) {
    if (!(err instanceof TextFileError)) throw err;
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return { state: 'missing' };
    if (err.code === 'not-regular') return { state: 'refused', problem: err.message, message: msg('errors:storedNotRegular') };
    if (err.code === 'too-large') return { state: 'refused', problem: err.message, message: msg('errors:storedTooLarge', { limit: maxBytes }) };
    throw err;
  }
}

/** JSON text validated by `schema`; at most `maxIssues` schema problems are described. */
export function parseStored<S extends z.ZodType>(schema: S, text: string, maxIssues = 20): Stored<z.infer<S>> {
  // bounded before it is parsed: a small file with a million-item list would cost a gigabyte to validate
  const shape = jsonShapeProblem(text);
  if (shape) return { ok: false, problem: shape.message, message: msg('errors:storedInvalid', { detail: shape.message }) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `not valid JSON (${(err as Error).message})`, message: msg('errors:storedNotJson') };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = parsed.error.issues
    .slice(0, maxIssues)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, problem: detail, message: msg('errors:storedInvalid', { detail: detail.slice(0, 1000) }) };
}

/**
 * Renames `file` beside itself with a time stamp. `ext` is the new ending (default: the file's own,
 * e.g. ".json"; the attempt store uses ".json.bak" so the moved file is never listed as an attempt).
 */
export async function moveAside(file: string, why: { problem: string; message: Msg }, now = new Date(), ext = path.extname(file)): Promise<MovedAside> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const to = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.corrupt-${stamp}${ext}`);
  await fs.rename(file, to);
  return { from: file, to, problem: why.problem, message: why.message };
}
