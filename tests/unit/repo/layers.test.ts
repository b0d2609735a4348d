// The layers are checked by the compiler too: shared/ without DOM or Node types, renderer/ without
// Node — and `npm run typecheck` runs both programs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/** tsconfig files carry comments: strip them before parsing (no comment text contains quotes). */
const readJsonc = (f: string) =>
  JSON.parse(readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: { lib: string[]; types: string[] }; include: string[] };

describe('layer tsconfigs', () => {
  it('shared/ gets neither the DOM nor Node; renderer/ gets the DOM but not Node', () => {
    const shared = readJsonc('tsconfig.shared.json');
    expect(shared.include).toEqual(['shared', 'types/shared-globals.d.ts']);
    expect(shared.compilerOptions.lib.some((l) => l.startsWith('DOM'))).toBe(false);
    expect(shared.compilerOptions.types).toEqual([]);
    const renderer = readJsonc('tsconfig.renderer.json');
    expect(renderer.compilerOptions.lib).toContain('DOM');
    expect(renderer.compilerOptions.types).toEqual([]);
  });
  it('npm run typecheck checks every layer', () => {
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.typecheck!;
    for (const p of ['tsconfig.json', 'tsconfig.shared.json', 'tsconfig.renderer.json']) expect(script).toContain(`-p ${p}`);
  });
});
