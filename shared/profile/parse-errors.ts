// Turning bad input into one clear message: which file, where inside it, what is wrong.
// Shared by profiles, facts files, reports and policy files.
import type { z } from 'zod';

export interface InputProblem {
  file: string;
  /** JSON path inside the file, e.g. "requirements.os.minimumVersions[0].min"; "" for the whole file */
  path: string;
  message: string;
}

export class InvalidInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidInputError';
  }
}

/** Outcome of reading outside data without exceptions (zod's safeParse convention). */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Runs a throwing parser and turns InvalidInputError into a Result (other errors are bugs: rethrown). */
export function toResult<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, problems: err.problems };
    throw err;
  }
}

export function formatProblem(p: InputProblem): string {
  return p.path ? `${p.file}: at ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

export function zodProblems(file: string, error: z.ZodError): InputProblem[] {
  return error.issues.slice(0, 20).map((i) => ({ file, path: formatPath(i.path), message: i.message }));
}

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse with a location for syntax errors, a size cap, and prototype-pollution keys refused
 * (JSON.parse itself creates "__proto__" as an own key, harmless until someone merges the object).
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.length > MAX_INPUT_BYTES) throw new InvalidInputError([{ file, path: '', message: `file is too large (${text.length} bytes; the limit is ${MAX_INPUT_BYTES})` }]);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InvalidInputError([{ file, path: '', message: `not valid JSON: ${jsonErrorWhere(text, (err as Error).message)}` }]);
  }
  assertNoForbiddenKeys(value, file);
  return value;
}

/** Refuses "__proto__", "constructor" and "prototype" keys anywhere (also for values not read by parseJsonText). */
export function assertNoForbiddenKeys(value: unknown, file: string): void {
  const bad = findForbiddenKey(value, []);
  if (bad) throw new InvalidInputError([{ file, path: formatPath(bad), message: `the key "${String(bad[bad.length - 1])}" is not allowed` }]);
}

function findForbiddenKey(v: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (v === null || typeof v !== 'object') return null;
  // an object literal's "__proto__" sets the prototype instead of creating a key: refuse that too
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return [...path, '__proto__'];
  for (const key of Object.keys(v)) {
    const p = [...path, Array.isArray(v) ? Number(key) : key];
    if (FORBIDDEN_KEYS.has(key)) return p;
    const deeper = findForbiddenKey((v as Record<string, unknown>)[key], p);
    if (deeper) return deeper;
  }
  return null;
}

/** V8 says "… at position 123"; learners and admins want a line and column. */
function jsonErrorWhere(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return text.trim() === '' ? 'the file is empty' : message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} (line ${line}, column ${col})`;
}
