// The pre-parse scans every file goes through were made faster for `summarize` (strings skipped
// whole, paths built only when there is a problem). They must answer exactly as the plain
// character-by-character versions did: those are kept here as the reference, and both are run on
// generated texts and values (fast-check, fixed seed) with limits small enough to be hit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNoForbiddenKeys, formatPath, InvalidInputError, jsonShapeProblem, MAX_JSON_DEPTH, type JsonLimits } from '../../../shared/parse-errors';

/** The scan as it was (commit 1f3b8c1), one character at a time. */
function referenceShape(text: string, limits: JsonLimits, maxDepth = MAX_JSON_DEPTH): { line: number; kind: string } | null {
  const items = new Int32Array(maxDepth + 2);
  let depth = 0;
  let values = 0;
  let line = 1;
  let stringStart = -1;
  const firstItemFollows = (from: number) => {
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      return c !== 93;
    }
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (stringStart >= 0) {
      if (c === 92) i++;
      else if (c === 34) {
        if (i - stringStart - 1 > limits.stringChars) return { line, kind: 'text' };
        stringStart = -1;
      }
      continue;
    }
    if (c === 34) stringStart = i;
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return { line, kind: 'nested' };
      items[depth] = c === 91 ? 0 : -1;
      if (++values > limits.values) return { line, kind: 'values' };
      if (c === 91 && firstItemFollows(i + 1) && ++items[depth]! > limits.arrayItems) return { line, kind: 'list' };
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44) {
      if (++values > limits.values) return { line, kind: 'values' };
      if (depth > 0 && items[depth]! >= 0 && ++items[depth]! > limits.arrayItems) return { line, kind: 'list' };
    }
  }
  if (stringStart >= 0 && text.length - stringStart - 1 > limits.stringChars) return { line, kind: 'text' };
  return null;
}

const kindOf = (message: string) =>
  message.includes('nested')
    ? 'nested'
    : message.includes('values')
      ? 'values'
      : message.includes('list of')
        ? 'list'
        : message.includes('text longer')
          ? 'text'
          : message;

describe('the pre-parse scans, made faster, answer as before', () => {
  it('jsonShapeProblem: the same problem at the same line, or none, on any text', () => {
    const chars = fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ' ', '\n', 'a', '1', ':');
    const limits = fc.record({
      values: fc.integer({ min: 1, max: 12 }),
      arrayItems: fc.integer({ min: 1, max: 5 }),
      stringChars: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), limits, fc.integer({ min: 1, max: 6 }), (cs, lim, depth) => {
        const text = cs.join('');
        const got = jsonShapeProblem(text, lim, depth);
        const want = referenceShape(text, lim, depth);
        expect(got && { kind: kindOf(got.message), ...(text.includes('\\\n') ? {} : { line: got.line }) }).toEqual(
          want && { kind: want.kind, ...(text.includes('\\\n') ? {} : { line: want.line }) },
        );
      }),
      { seed: 2027, numRuns: 3000 },
    );
  });

  it('assertNoForbiddenKeys: refuses the same key at the same path, or nothing', () => {
    const key = fc.constantFrom('a', 'b', '__proto__', 'constructor', 'prototype', 'x');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), tie('arr'), tie('obj')),
      arr: fc.array(tie('v'), { maxLength: 3 }),
      obj: fc
        .array(fc.tuple(key, tie('v')), { maxLength: 3 })
        .map((kv) => JSON.parse(`{${kv.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as unknown),
    })).v;
    const reference = (root: unknown): string | null => {
      const stack: Array<[unknown, PropertyKey[]]> = [[root, []]];
      while (stack.length) {
        const [v, path] = stack.pop()!;
        if (v === null || typeof v !== 'object') continue;
        const keys = Object.keys(v);
        for (const k of keys) if (['__proto__', 'constructor', 'prototype'].includes(k)) return JSON.stringify([...path, Array.isArray(v) ? Number(k) : k]);
        for (let i = keys.length - 1; i >= 0; i--)
          stack.push([(v as Record<string, unknown>)[keys[i]!], [...path, Array.isArray(v) ? Number(keys[i]) : keys[i]!]]);
      }
      return null;
    };
    const got = (v: unknown): string | null => {
      try {
        assertNoForbiddenKeys(v, 'f.json');
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidInputError);
        return (err as InvalidInputError).problems[0]!.path;
      }
    };
    fc.assert(
      fc.property(value, (v) => {
        const want = reference(v);
        expect(got(v)).toBe(want === null ? null : formatPath(JSON.parse(want) as PropertyKey[]));
      }),
      { seed: 2027, numRuns: 1000 },
    );
  });
});
