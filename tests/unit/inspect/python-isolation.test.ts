// The Python probe's script against a real interpreter of this machine, started from a folder that
// holds hostile modules: nothing of that folder may run, and dotted names must not import parents.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ISOLATED, ISOLATED_OLD, PY_SCRIPT } from '../../../electron/inspect/python-probe';

const PY = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));

describe.runIf(PY)('Python probe script, real interpreter', () => {
  for (const flags of [ISOLATED, ISOLATED_OLD]) {
    it(`started with ${flags.join(' ')} in a folder holding json.py and a fake package, runs none of it`, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
      const marker = path.join(dir, 'RAN');
      try {
        const trap = `open(${JSON.stringify(marker)}, "w").write("x")\n`;
        writeFileSync(path.join(dir, 'json.py'), trap);
        writeFileSync(path.join(dir, 'os.py'), trap);
        writeFileSync(path.join(dir, 'evilpkg.py'), trap);
        const out = execFileSync(PY!, [...flags, '-c', PY_SCRIPT, 'evilpkg', 'json', 'xml.etree.ElementTree'], { cwd: dir, encoding: 'utf8' });
        const j = JSON.parse(out) as { packages: Record<string, { found: boolean }> };
        expect(existsSync(marker)).toBe(false);
        // the working folder is not on the path: its evilpkg.py is not "installed"
        expect(j.packages.evilpkg).toEqual({ found: false, version: null });
        expect(j.packages['xml.etree.ElementTree']!.found).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a dotted name is looked up without importing its parent package', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
    const marker = path.join(dir, 'IMPORTED');
    try {
      const pkg = path.join(dir, 'site', 'parentpkg');
      execFileSync('mkdir', ['-p', pkg]);
      writeFileSync(path.join(pkg, '__init__.py'), `open(${JSON.stringify(marker)}, "w").write("x")\n`);
      writeFileSync(path.join(pkg, 'child.py'), '');
      const out = execFileSync(PY!, [...ISOLATED, '-c', PY_SCRIPT, 'parentpkg.child', 'parentpkg.nochild'], {
        cwd: '/',
        encoding: 'utf8',
        env: { ...process.env, PYTHONPATH: path.join(dir, 'site') },
      });
      const j = JSON.parse(out) as { packages: Record<string, { found: boolean }> };
      expect(j.packages['parentpkg.child']!.found).toBe(true);
      expect(j.packages['parentpkg.nochild']!.found).toBe(false);
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
