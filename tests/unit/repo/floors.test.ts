// The import graph's layering (issue 23): the same cruise `npm run lint` runs, through
// dependency-cruiser's API, must find no circle and no import up a floor; every folder with
// sub-folders must be placed in the floor order; and the rules must bite on a tree that breaks them.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = path.resolve(__dirname, '../../..');
const ROOMS = ['shared', 'electron', 'renderer'];
const require = createRequire(import.meta.url);
const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { FLOORS: Record<string, string[][]> };
const { floorRules, noCircleRule, unitRe } = require(path.join(ROOT, 'scripts/lint/floor-rules.cjs')) as {
  floorRules: (folders: Record<string, string[][]>) => IForbiddenRuleType[];
  noCircleRule: (roots: string[]) => IForbiddenRuleType;
  unitRe: (unit: string) => string;
};

async function cruised(dirs: string[], options: ICruiseOptions, tsConfigFile?: string): Promise<{ violations: IViolation[]; modules: string[] }> {
  const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : undefined;
  const result = await cruise(dirs, { ...options, outputType: 'json' }, undefined, { tsConfig });
  const output = typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output;
  return { violations: output.summary.violations, modules: output.modules.map((m) => m.source) };
}

/** a readable line per violation, for the failure message and the fixture's assertions */
const line = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

/** files dependency-cruiser reads as modules (what can import or be imported) */
const MODULE = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|css)$/;
const hasModules = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? hasModules(path.join(dir, e.name)) : MODULE.test(e.name)));

/** a folder's units: its sub-folders holding modules and its root module files */
function unitsOf(folder: string): { units: string[]; hasSubFolders: boolean } {
  const abs = path.join(ROOT, folder);
  const entries = readdirSync(abs, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory() && hasModules(path.join(abs, e.name))).map((e) => e.name);
  const files = entries.filter((e) => e.isFile() && MODULE.test(e.name)).map((e) => e.name);
  return { units: [...dirs, ...files], hasSubFolders: dirs.length > 0 };
}

function foldersUnder(folder: string): string[] {
  const abs = path.join(ROOT, folder);
  const subs = readdirSync(abs).filter((n) => statSync(path.join(abs, n)).isDirectory());
  return [folder, ...subs.flatMap((n) => foldersUnder(`${folder}/${n}`))];
}

describe('layering of the import graph', () => {
  it('has no circle and no import up a floor in shared/, electron/ and renderer/', { timeout: 180_000 }, async () => {
    const options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
    const { violations, modules } = await cruised([...ROOMS, 'scripts'], { ...options, baseDir: ROOT }, path.join(ROOT, 'tsconfig.json'));
    // the cruise saw the rooms (an empty cruise would find nothing wrong)
    for (const m of ['shared/check.ts', 'electron/main.ts', 'renderer/shell/App.tsx', 'renderer/screens/summary/SummaryScreen.tsx'])
      expect(modules).toContain(m);
    expect(violations.map(line)).toEqual([]);
  });

  it('places every unit of every folder that has sub-folders, and names no unit that is gone', () => {
    const problems: string[] = [];
    for (const folder of ROOMS.flatMap(foldersUnder)) {
      const { units, hasSubFolders } = unitsOf(folder);
      const floors = config.FLOORS[folder];
      if (!floors) {
        if (hasSubFolders) problems.push(`${folder}/ has sub-folders but no floor order`);
        continue;
      }
      const names = floors.flat();
      const matches = (name: string, unit: string) => new RegExp(`^${unitRe(name)}$`).test(unit);
      for (const unit of units) if (!names.some((n) => matches(n, unit))) problems.push(`${folder}/${unit} is on no floor`);
      for (const name of names) if (!units.some((u) => matches(name, u))) problems.push(`${folder}/: floor name "${name}" matches nothing`);
      if (new Set(names).size !== names.length) problems.push(`${folder}/: a name is on two floors`);
    }
    for (const folder of Object.keys(config.FLOORS))
      if (!ROOMS.some((r) => folder === r || folder.startsWith(`${r}/`))) problems.push(`${folder} is outside the rooms`);
    expect(problems).toEqual([]);
  });
});

describe('the layering rules bite', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'floors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  // top floor "high", then the peers "left" and "right", then "low" and "loop"; "stray" is unplaced
  write('app/high/top.ts', "import { c } from '../low/c';\nexport const top = c;\n");
  write('app/low/a.ts', "import { top } from '../high/top';\nexport const a = top;\n");
  write('app/low/c.ts', 'export const c = 1;\n');
  write('app/left/x.ts', "import { y } from '../right/y';\nexport const x = y;\n");
  write('app/right/y.ts', 'export const y = 2;\n');
  write('app/loop/p.ts', "import type { Q } from './q';\nexport interface P { q: Q }\n");
  write('app/loop/q.ts', "import type { P } from './p';\nexport interface Q { p?: P }\n");
  write('app/stray/s.ts', "import { c } from '../low/c';\nexport const s = c;\n");
  const floors = { app: [['high'], ['left', 'right'], ['low', 'loop']] };

  it('reports the upward import, the sideways one, the type-only circle and the unplaced folder, and nothing else', { timeout: 60_000 }, async () => {
    const options: ICruiseOptions = {
      baseDir: dir,
      tsPreCompilationDeps: true,
      ruleSet: { forbidden: [noCircleRule(['app']), ...floorRules(floors)] },
      validate: true,
    };
    const found = (await cruised(['app'], options)).violations.map(line).sort();
    // a circle is reported once, from whichever of its modules the cruise met first
    const circles = found.filter((l) => l.startsWith('no-circular:'));
    expect(circles).toHaveLength(1);
    expect(['no-circular: app/loop/p.ts → app/loop/q.ts', 'no-circular: app/loop/q.ts → app/loop/p.ts']).toContain(circles[0]);
    expect(found.filter((l) => !l.startsWith('no-circular:'))).toEqual([
      'floor-not-placed: app/stray/s.ts → app/low/c.ts',
      'no-import-up-a-floor: app/left/x.ts → app/right/y.ts',
      'no-import-up-a-floor: app/low/a.ts → app/high/top.ts',
    ]);
  });
});
