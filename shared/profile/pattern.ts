// Patterns from profiles (an admin's file, or a report's profile re-evaluated in the viewer) run
// on a linear-time engine: re2js, a pure-JavaScript port of RE2. JavaScript's own RegExp
// backtracks, so `^(a+)+$` against 60 characters could run for minutes in the main process; RE2
// guarantees time linear in the input. The cost: RE2 has no backreferences or lookaround, so a
// profile using them is refused at load with a message that says so (none of ours need them).
import { RE2JS } from 're2js';

export const MAX_PATTERN_LENGTH = 200;
/** facts are cut to this before matching (facts files come from outside too) */
export const MAX_MATCHED_LENGTH = 256;

const cache = new Map<string, RE2JS>();

function compile(pattern: string, ignoreCase: boolean): RE2JS {
  const k = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let re = cache.get(k);
  if (!re) {
    re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    if (cache.size > 500) cache.clear();
    cache.set(k, re);
  }
  return re;
}

/** null when the pattern is usable; otherwise why not, in words an admin can act on. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern is too long (${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH})`;
  try {
    compile(pattern, false);
    return null;
  } catch (err) {
    const why = (err as Error).message
      .replace(/^error parsing regexp: /, '')
      .replace(/\s+/g, ' ')
      .slice(0, 120);
    return `not a valid regular expression (${why}); patterns run on RE2: no backreferences or lookaround`;
  }
}

/** Does the pattern match somewhere in the value (like RegExp.test)? Linear time in the value. */
export function matchesPattern(pattern: string, value: string | null, ignoreCase = true): boolean {
  return compile(pattern, ignoreCase)
    .matcher((value ?? '').slice(0, MAX_MATCHED_LENGTH))
    .find();
}
