// Turning bad input into one clear message: which file, where inside it, what is wrong.
// Shared by profiles, facts files, reports and policy files.
import type { z } from 'zod';
import { nearestName } from './did-you-mean';
import { inputText, typeName } from './i18n/input-words';
import { knownKeysAt } from './schema-keys';
import { formatProblem, type InputProblem } from './input-problem';

// the one form of a problem lives apart so a command can print problems without zod's words
export { formatProblem, type InputProblem } from './input-problem';

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

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/**
 * zod's issues as problems an admin can act on. `schema`: the schema that was checked, so an unknown
 * key can name the nearest key allowed at its place ("did you mean “statement”?").
 */
export function zodProblems(file: string, error: z.ZodError, schema?: z.core.$ZodType): InputProblem[] {
  return error.issues.slice(0, 20).flatMap((i) => readable(i, [], schema).map((r) => ({ file, path: formatPath(r.path), message: r.message })));
}

type Issue = z.core.$ZodIssue;

/** a value not there at all: zod's English default, or the wording shared/i18n/zod-locale.ts gives it in any language */
const isMissing = (i: z.core.$ZodIssueInvalidType) =>
  /received undefined$/.test(i.message) || i.message === inputText('missing', { expected: typeName(i.expected) });

/** zod's messages, made to say what an admin must change (missing field, misspelt key, which union branch). */
function readable(i: Issue, prefix: PropertyKey[], schema: z.core.$ZodType | undefined): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...i.path];
  // zod's English default (the language hook of shared/i18n/zod-locale.ts words it itself when set)
  if (i.code === 'invalid_type' && isMissing(i)) return [{ path, message: inputText('missing', { expected: typeName(i.expected) }) }];
  if (i.code === 'unrecognized_keys') {
    const known = schema ? knownKeysAt(schema, path) : [];
    return i.keys.map((k) => {
      const near = nearestName(k, known);
      return { path: [...path, k], message: near ? inputText('didYouMean', { name: near }) : inputText('unknownKey') };
    });
  }
  if (i.code === 'invalid_union' && Array.isArray(i.errors) && i.errors.length) {
    // a branch whose type matched (its first problem is deeper or not about the type) is what the
    // author meant: report that branch's problems; otherwise list the types that would be accepted
    const meant = i.errors.find((b) => b.length && !(b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
    if (meant) return meant.flatMap((b) => readable(b, path, schema));
    const types = [...new Set(i.errors.flatMap((b) => b.filter((x) => x.code === 'invalid_type').map((x) => (x as { expected: string }).expected)))];
    // no branch matched and the value is not there at all: it is missing, whichever type it needed
    const missing = i.errors.every((b) => b.some((x) => x.code === 'invalid_type' && x.path.length === 0 && isMissing(x)));
    const list = types.map(typeName).join(inputText('or'));
    if (types.length) return [{ path, message: inputText(missing ? 'missing' : 'expected', { expected: list, types: list }) }];
  }
  return [{ path, message: i.message }];
}

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/**
 * No file this app reads nests deeper than about 10 levels (a report: facts → software → python →
 * packages → …). 64 leaves room; 100 000 levels would overflow every recursive walk after parsing
 * (zod, JSON.stringify, the check id), so such text is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** Where the text first nests deeper than `max` arrays/objects (outside strings), or null. Linear, no parse. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): { line: number; depth: number } | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return { line, depth };
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

export const tooDeepMessage = (where: { line: number }, max = MAX_JSON_DEPTH) =>
  `nested more than ${max} levels deep (line ${where.line}); no valid file of this kind is`;

/**
 * Bounds on what a JSON text may hold, checked on the text before it is parsed. A 2 MB file can hold
 * a 1,000,000-element array; parsing it is cheap, but every later walk (zod collects one issue object
 * per bad element, ~1 kB each) multiplies it into a gigabyte. A full report holds about 800 values
 * and its longest list a few hundred items, so these leave two orders of magnitude of room.
 */
export const JSON_LIMITS = { values: 100_000, arrayItems: 10_000, stringChars: 1_000_000 } as const;
export type JsonLimits = { [K in keyof typeof JSON_LIMITS]: number };

export interface JsonShapeProblem {
  line: number;
  message: string;
}

/**
 * The first place where the text nests deeper than MAX_JSON_DEPTH, holds more values in all, more
 * items in one array, or more characters in one string than `limits` allow; null when within them.
 * One linear pass with a fixed-size counter stack: no parse, no allocation per value. A string is
 * skipped whole (indexOf to its closing quote: `summarize` scans thousands of reports, mostly text),
 * and the line of a problem is counted only when there is one.
 */
export function jsonShapeProblem(text: string, limits: JsonLimits = JSON_LIMITS, maxDepth = MAX_JSON_DEPTH): JsonShapeProblem | null {
  // items seen so far in each open array/object (index = depth); -1 marks an object (not counted per item)
  const items = new Int32Array(maxDepth + 2);
  let depth = 0;
  let values = 0;
  // the next backslash at or after where a string is searched (-1: none left in the text)
  let backslash = -2;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // to the closing quote: the first quote not escaped by a backslash
      const start = i;
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (backslash !== -1 && backslash < j) backslash = text.indexOf('\\', j);
        if (q === -1) {
          // an unterminated string is JSON.parse's to report; the characters counted so far still apply
          if (n - start - 1 > limits.stringChars) return longString(lineAt(text, n), limits);
          return null;
        }
        if (backslash !== -1 && backslash < q) {
          j = backslash + 2; // the escaped character is never the end
          continue;
        }
        if (q - start - 1 > limits.stringChars) return longString(lineAt(text, q), limits);
        i = q;
        break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > maxDepth) {
        const line = lineAt(text, i);
        return { line, message: tooDeepMessage({ line }, maxDepth) };
      }
      // an opening bracket starts a value (and, inside an array, its first item is counted at the next non-space)
      items[depth] = c === 91 ? 0 : -1;
      if (++values > limits.values) return tooMany(lineAt(text, i), limits);
      if (c === 91 && firstItemFollows(text, i + 1) && ++items[depth]! > limits.arrayItems) return longArray(lineAt(text, i), limits);
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44) {
      if (++values > limits.values) return tooMany(lineAt(text, i), limits);
      if (depth > 0 && items[depth]! >= 0 && ++items[depth]! > limits.arrayItems) return longArray(lineAt(text, i), limits);
    }
  }
  return null;
}

/** The line of the character at `at` (1-based), for a problem's message. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const longString = (line: number, limits: JsonLimits): JsonShapeProblem => ({
  line,
  message: `holds a text longer than ${limits.stringChars} characters (line ${line}); no valid file of this kind does`,
});

/** Whether an array opened just before `from` has a first item (anything but white space and "]"). */
function firstItemFollows(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c !== 93;
  }
  return false;
}

const tooMany = (line: number, limits: JsonLimits): JsonShapeProblem => ({
  line,
  message: `holds more than ${limits.values} values (line ${line}); no valid file of this kind does`,
});
const longArray = (line: number, limits: JsonLimits): JsonShapeProblem => ({
  line,
  message: `holds a list of more than ${limits.arrayItems} items (line ${line}); no valid file of this kind does`,
});
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse with a location for syntax errors, a size cap, and prototype-pollution keys refused
 * (JSON.parse itself creates "__proto__" as an own key, harmless until someone merges the object).
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.length > MAX_INPUT_BYTES)
    throw new InvalidInputError([{ file, path: '', message: `file is too large (${text.length} bytes; the limit is ${MAX_INPUT_BYTES})` }]);
  const shape = jsonShapeProblem(text);
  if (shape) throw new InvalidInputError([{ file, path: '', message: shape.message }]);
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

/**
 * Iterative (a value built in code may be deep too): the first forbidden key's path, or null. Each
 * value waiting on the stack links to its parent rather than carrying a copy of its path: the path is
 * built only when there is something to report (a report has about 800 values).
 */
function findForbiddenKey(root: unknown, rootPath: PropertyKey[]): PropertyKey[] | null {
  interface At {
    key: PropertyKey;
    up: At | null;
  }
  const pathTo = (at: At | null, last?: PropertyKey): PropertyKey[] => {
    const keys: PropertyKey[] = last === undefined ? [] : [last];
    for (let x = at; x; x = x.up) keys.push(x.key);
    return [...rootPath, ...keys.reverse()];
  };
  const stack: Array<{ v: unknown; at: At | null }> = [{ v: root, at: null }];
  while (stack.length) {
    const { v, at } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    // an object literal's "__proto__" sets the prototype instead of creating a key: refuse that too
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return pathTo(at, '__proto__');
    const isArray = Array.isArray(v);
    const keys = Object.keys(v);
    for (const key of keys) if (FORBIDDEN_KEYS.has(key)) return pathTo(at, isArray ? Number(key) : key);
    // reversed so the first key is looked at first (the path reported is the first in file order)
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (v as Record<string, unknown>)[keys[i]!];
      // a string or number holds no key: not worth a place on the stack
      if (child !== null && typeof child === 'object') stack.push({ v: child, at: { key: isArray ? Number(keys[i]) : keys[i]!, up: at } });
    }
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
