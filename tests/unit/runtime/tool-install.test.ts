// The test tools' folders (tools/electronegativity, tools/node-lines) are installed by the test
// steps that need them, only when missing or when their lock file changed: a user's `npm ci` no
// longer installs the security lint, and a second `npm test` does not install it again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const { installReason } = (await import(pathToFileURL(path.join(ROOT, 'scripts/tool-install.mjs')).href)) as {
  installReason: (lock: unknown, installed: unknown) => string | null;
};

const lock = {
  name: 'tool',
  lockfileVersion: 3,
  packages: {
    '': { name: 'tool', dependencies: { a: '1.0.0' } },
    'node_modules/a': { version: '1.0.0', integrity: 'sha512-A' },
    'node_modules/b': { version: '2.0.0', integrity: 'sha512-B' },
    'node_modules/fsevents': { version: '2.3.3', integrity: 'sha512-F', optional: true, os: ['darwin'] },
  },
};
/** what npm ci leaves in node_modules/.package-lock.json: the lock file without the root entry */
const hidden = (packages: Record<string, unknown>) => ({ name: 'tool', lockfileVersion: 3, packages });
const a = { version: '1.0.0', integrity: 'sha512-A' };
const b = { version: '2.0.0', integrity: 'sha512-B' };

describe('tool-install: does a tool folder need `npm ci`?', () => {
  it('never installed', () => {
    expect(installReason(lock, null)).toBe('not installed yet');
  });

  it('installed from this lock file: nothing to do (an optional package of another platform may be absent)', () => {
    expect(installReason(lock, hidden({ 'node_modules/a': a, 'node_modules/b': b }))).toBeNull();
  });

  it('the lock file changed: a version, an integrity, a package added or removed', () => {
    expect(installReason(lock, hidden({ 'node_modules/a': { ...a, version: '0.9.0' }, 'node_modules/b': b }))).toContain('node_modules/a differs');
    expect(installReason(lock, hidden({ 'node_modules/a': a, 'node_modules/b': { ...b, integrity: 'sha512-X' } }))).toContain('node_modules/b differs');
    expect(installReason(lock, hidden({ 'node_modules/a': a }))).toContain('node_modules/b is missing');
    expect(installReason(lock, hidden({ 'node_modules/a': a, 'node_modules/b': b, 'node_modules/c': b }))).toContain('node_modules/c is no longer');
  });

  it("the repository's own tool folders: their lock files read as complete package lists", () => {
    for (const dir of ['tools/electronegativity', 'tools/node-lines']) {
      const own = JSON.parse(readFileSync(path.join(ROOT, dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
      const { '': _root, ...installed } = own.packages;
      expect(installReason(own, hidden(installed))).toBeNull();
      expect(installReason(own, hidden({}))).toMatch(/is missing$/);
    }
  });
});
