// A user's clone has nothing beside it: no ../shared, no sibling checkout. Every relative path a
// tracked file writes (import specifiers, path.resolve(__dirname, '..', …), links in docs) must land
// inside the repository. This is the standing guard the fresh-clone issue asked for.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const TEXT = /\.(ts|tsx|mjs|cjs|js|json|md|yml|yaml|sh|html)$/;

/** Tracked files (git), so build output and node_modules are never scanned. */
function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && TEXT.test(f) && f !== 'package-lock.json' && !f.startsWith('tools/electronegativity/package-lock'));
}

/** Relative paths a file mentions: './x', '../x' string literals, '..', '..' argument chains and markdown links. */
export function relativeRefs(text: string): string[] {
  const refs: string[] = [];
  for (const m of text.matchAll(/['"`(](\.\.?\/[^'"`()\s]*)/g)) refs.push(m[1]!);
  // path.join(__dirname, '..', '..', 'shared') and friends
  for (const m of text.matchAll(/['"]\.\.['"](?:\s*,\s*['"][^'"]*['"])+/g)) {
    const parts = [...m[0].matchAll(/['"]([^'"]*)['"]/g)].map((x) => x[1]!);
    refs.push(parts.join('/'));
  }
  return refs;
}

/** Paths written relative to another folder than their file's own: resolved from that folder instead. */
const BASE: Record<string, string> = {
  'vite.config.ts: ../dist/renderer': 'renderer', // vite's root is renderer/
  'tests/unit/schemas.test.ts: ../../../schemas/profile.schema.json': 'shared/profile/builtin', // a profile's $schema
  'docs/profiles.md: ../../schemas/profile.schema.json': 'docs/examples', // the guide quotes the example files' $schema
};

describe('the repository stands alone', () => {
  it('finds a reference that climbs out (the guard itself can fail)', () => {
    // built at run time, so this file does not itself hold the reference it looks for
    const climb = `${'../'.repeat(4)}shared/seeds`;
    expect(relativeRefs(`const SEEDS = path.resolve(__dirname, '${climb}');`)).toContain(climb);
    expect(relativeRefs(`path.join(__dirname, '..', '..', '..', 'x')`)).toContain('../../../x');
  });

  it('no tracked file reaches outside the repository', () => {
    const escapes: string[] = [];
    for (const file of trackedFiles()) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const dir = path.dirname(path.join(ROOT, file));
      for (const ref of relativeRefs(text)) {
        const base = BASE[`${file}: ${ref}`];
        const target = path.resolve(base ? path.join(ROOT, base) : dir, ref);
        if (target !== ROOT && !target.startsWith(ROOT + path.sep)) escapes.push(`${file}: ${ref}`);
      }
    }
    expect(escapes).toEqual([]);
  });
});
