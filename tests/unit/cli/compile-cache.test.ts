// Where the bin keeps Node's compile cache (bin/compile-cache.cjs): a folder only this user can
// write, never a shared one, checked with a fake file system, then on the real one.
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileCacheDir } = require('../../../bin/compile-cache.cjs') as {
  compileCacheDir: (d: Deps) => string | null;
};

interface Deps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  uid: number | undefined;
  tmpdir: string;
  mkdir: (p: string, o: { recursive: true; mode: number }) => void;
  lstat: (p: string) => { isSymbolicLink(): boolean; isDirectory(): boolean; uid: number; mode: number };
}

type Entry = { kind: 'dir' | 'link' | 'file'; uid: number; mode: number };
/** a fake file system of folders, links and files; mkdir makes missing folders as the given user */
function fakeFs(entries: Record<string, Entry>, uid: number, overrides: Partial<Deps> = {}): Deps & { made: string[] } {
  const made: string[] = [];
  return {
    env: {},
    platform: 'linux',
    uid,
    tmpdir: '/tmp',
    made,
    mkdir: (p, o) => {
      for (let q = p; q !== path.dirname(q); q = path.dirname(q)) {
        if (entries[q]) {
          if (entries[q]!.kind === 'file') throw new Error(`EEXIST ${q}`);
          continue;
        }
        entries[q] = { kind: 'dir', uid, mode: 0o40000 | o.mode };
        made.push(q);
      }
    },
    lstat: (p) => {
      const e = entries[p];
      if (!e) throw new Error(`ENOENT ${p}`);
      return { isSymbolicLink: () => e.kind === 'link', isDirectory: () => e.kind === 'dir', uid: e.uid, mode: e.mode };
    },
    ...overrides,
  };
}
const TMP: Entry = { kind: 'dir', uid: 0, mode: 0o41777 }; // world-writable and sticky, as /tmp is

describe('compile cache folder', () => {
  it('is per user under the temp folder, created 0700', () => {
    const fs = fakeFs({ '/tmp': TMP }, 1000);
    expect(compileCacheDir(fs)).toBe('/tmp/exam-preflight-1000/compile-cache');
    expect(fs.made.sort()).toEqual(['/tmp/exam-preflight-1000', '/tmp/exam-preflight-1000/compile-cache']);
    expect(fs.lstat('/tmp/exam-preflight-1000').mode & 0o777).toBe(0o700);
  });

  it('root (a machine-wide install run by root) gets its own folder too', () => {
    expect(compileCacheDir(fakeFs({ '/tmp': TMP }, 0))).toBe('/tmp/exam-preflight-0/compile-cache');
  });

  it('refuses a folder another user made first, a symbolic link, a file, or one others can write', () => {
    const planted = (e: Entry) => compileCacheDir(fakeFs({ '/tmp': TMP, '/tmp/exam-preflight-1000': e }, 1000));
    expect(planted({ kind: 'dir', uid: 1001, mode: 0o40700 })).toBeNull();
    expect(planted({ kind: 'link', uid: 1000, mode: 0o120777 })).toBeNull();
    expect(planted({ kind: 'file', uid: 1000, mode: 0o100600 })).toBeNull();
    expect(planted({ kind: 'dir', uid: 1000, mode: 0o40777 })).toBeNull();
    expect(planted({ kind: 'dir', uid: 1000, mode: 0o40775 })).toBeNull();
    // a leftover of ours, readable by others but writable by no one else, is fine
    expect(planted({ kind: 'dir', uid: 1000, mode: 0o40755 })).toBe('/tmp/exam-preflight-1000/compile-cache');
    // the cache folder inside ours is checked as well
    expect(
      compileCacheDir(
        fakeFs(
          {
            '/tmp': TMP,
            '/tmp/exam-preflight-1000': { kind: 'dir', uid: 1000, mode: 0o40700 },
            '/tmp/exam-preflight-1000/compile-cache': { kind: 'link', uid: 1000, mode: 0o120777 },
          },
          1000,
        ),
      ),
    ).toBeNull();
  });

  it('refuses a temp folder anyone may write without the sticky bit (others could swap ours)', () => {
    expect(compileCacheDir(fakeFs({ '/tmp': { kind: 'dir', uid: 0, mode: 0o40777 } }, 1000))).toBeNull();
    expect(compileCacheDir(fakeFs({ '/scratch': { kind: 'dir', uid: 1000, mode: 0o40777 } }, 1000, { tmpdir: '/scratch' }))).toBe(
      '/scratch/exam-preflight-1000/compile-cache',
    );
    expect(compileCacheDir(fakeFs({}, 1000, { tmpdir: 'relative/tmp' }))).toBeNull();
  });

  it('prefers an absolute XDG_CACHE_HOME, and ignores a relative one', () => {
    const home = { '/home/ana/.cache': { kind: 'dir', uid: 1000, mode: 0o40700 } as Entry, '/tmp': TMP };
    expect(compileCacheDir(fakeFs({ ...home }, 1000, { env: { XDG_CACHE_HOME: '/home/ana/.cache' } }))).toBe('/home/ana/.cache/exam-preflight/compile-cache');
    expect(compileCacheDir(fakeFs({ ...home }, 1000, { env: { XDG_CACHE_HOME: '.cache' } }))).toBe('/tmp/exam-preflight-1000/compile-cache');
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off and touches nothing', () => {
    const fs = fakeFs({ '/tmp': TMP }, 1000, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(compileCacheDir(fs)).toBeNull();
    expect(fs.made).toEqual([]);
  });

  it('on Windows (no uid): the per-user temp folder', () => {
    const fs = fakeFs({ 'C:\\Users\\ana\\AppData\\Local\\Temp': TMP }, 0, { platform: 'win32', uid: undefined, tmpdir: '/Users/ana/Temp' });
    fs.lstat = () => ({ isSymbolicLink: () => false, isDirectory: () => true, uid: 0, mode: 0 });
    expect(compileCacheDir(fs)).toBe('/Users/ana/Temp/exam-preflight/compile-cache');
  });
});

describe('compile cache folder on the real file system', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });
  const real = (tmpdir: string): Deps => ({
    env: {},
    platform: process.platform,
    uid: process.getuid?.(),
    tmpdir,
    mkdir: (p, o) => mkdirSync(p, o),
    lstat: (p) => lstatSync(p),
  });

  it.runIf(process.platform !== 'win32')('makes a 0700 folder, and refuses a planted symbolic link', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ep-cc-'));
    roots.push(root);
    chmodSync(root, 0o1777);
    const dir = compileCacheDir(real(root));
    expect(dir).toBe(path.join(root, `exam-preflight-${process.getuid!()}`, 'compile-cache'));
    expect(lstatSync(path.dirname(dir!)).mode & 0o777).toBe(0o700);

    const other = mkdtempSync(path.join(os.tmpdir(), 'ep-cc-'));
    roots.push(other);
    chmodSync(other, 0o1777);
    mkdirSync(path.join(other, 'elsewhere'), { mode: 0o700 });
    symlinkSync(path.join(other, 'elsewhere'), path.join(other, `exam-preflight-${process.getuid!()}`));
    expect(compileCacheDir(real(other))).toBeNull();
  });
});
