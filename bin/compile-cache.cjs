// Node's module compile cache for the CLI (Node >= 22.1: module.enableCompileCache): the second and
// later starts reuse V8's compiled code instead of compiling dist/cli/ again. The cache holds code
// that runs, so its folder must be one only this user can write. The package may be installed
// once for the whole machine and run by root and by every user: the folder is per user, never a
// shared one:
//   - $XDG_CACHE_HOME/exam-preflight/compile-cache when XDG_CACHE_HOME is an absolute path;
//   - else <os.tmpdir()>/exam-preflight-<uid>/compile-cache (Windows: the per-user temp folder).
// A folder we create is made 0700; one that is a symbolic link, not a folder, owned by another
// user, or writable by others is refused (no cache, never an error). NODE_DISABLE_COMPILE_CACHE
// turns it off, as it does for Node's own NODE_COMPILE_CACHE.
'use strict';
const path = require('node:path');

/**
 * The cache folder to use, or null for none. `d` passes every OS touch in (tests give fakes):
 * env, platform, uid (undefined on Windows), tmpdir, and the synchronous fs calls mkdir and lstat.
 */
function compileCacheDir(d) {
  if (d.env.NODE_DISABLE_COMPILE_CACHE) return null;
  const xdg = d.env.XDG_CACHE_HOME;
  const own = (dir) => (safeFolder(d, dir, true) ? dir : null);
  if (xdg && path.isAbsolute(xdg)) {
    // the user's own cache home: created with its parents if missing, each checked as ours
    const app = path.join(xdg, 'exam-preflight');
    return own(app) && own(path.join(app, 'compile-cache'));
  }
  const base = d.tmpdir;
  if (!base || !path.isAbsolute(base) || !parentSafe(d, base)) return null;
  const user = path.join(base, d.uid === undefined ? 'exam-preflight' : `exam-preflight-${d.uid}`);
  return own(user) && own(path.join(user, 'compile-cache'));
}

/** Creates `dir` (0700) if missing; true when it is a real folder of ours that no one else can write. */
function safeFolder(d, dir, create) {
  if (create) {
    try {
      d.mkdir(dir, { recursive: true, mode: 0o700 });
    } catch {
      return false;
    }
  }
  let st;
  try {
    st = d.lstat(dir);
  } catch {
    return false;
  }
  if (st.isSymbolicLink() || !st.isDirectory()) return false;
  if (d.platform === 'win32') return true; // no uid or mode bits: the per-user temp folder's ACL applies
  return st.uid === d.uid && (st.mode & 0o022) === 0;
}

/** The temp folder itself: ours, or others may not rename inside it (sticky) or cannot write it. */
function parentSafe(d, dir) {
  if (d.platform === 'win32') return true;
  let st;
  try {
    st = d.lstat(dir);
  } catch {
    return false;
  }
  if (!st.isDirectory()) return false;
  const sticky = (st.mode & 0o1000) !== 0;
  return st.uid === d.uid || sticky || (st.mode & 0o022) === 0;
}

/** Turns the cache on when this Node has it; silent when it cannot (Node 20, no safe folder). */
function enableCompileCache() {
  const mod = require('node:module');
  if (typeof mod.enableCompileCache !== 'function') return null;
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = compileCacheDir({
    env: process.env,
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    tmpdir: os.tmpdir(),
    mkdir: (p, o) => fs.mkdirSync(p, o),
    lstat: (p) => fs.lstatSync(p),
  });
  if (!dir) return null;
  try {
    return mod.enableCompileCache(dir);
  } catch {
    return null;
  }
}

module.exports = { compileCacheDir, enableCompileCache };
