#!/usr/bin/env node
// Installs a test tool's own folder (tools/electronegativity, tools/node-lines: each with its own
// package.json and lock file) with `npm ci`, only when it is missing or its lock file changed since
// the install. The test steps that need a tool call this first, so neither a user's `npm ci` (the
// `prepare` script) nor a second `npm test` installs it again.
//   node scripts/tool-install.mjs tools/electronegativity
// "Changed" is read from npm's own record of an install, node_modules/.package-lock.json: every
// package the lock file names must be there at the same version and integrity, and no other.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The packages a lock file (or npm's hidden lock file) records, without the root project entry. */
function packagesOf(lock) {
  const out = new Map();
  for (const [where, p] of Object.entries(lock?.packages ?? {})) {
    if (where === '' || p?.link) continue;
    out.set(where, `${p.version ?? ''} ${p.integrity ?? ''}`);
  }
  return out;
}

const optionalIn = (lock, where) => lock?.packages?.[where]?.optional === true;

/**
 * Why the folder must be installed, or null when its install matches its lock file.
 * @param {unknown} lock the folder's package-lock.json, parsed
 * @param {unknown | null} installed node_modules/.package-lock.json, parsed, or null when absent
 */
export function installReason(lock, installed) {
  if (installed === null) return 'not installed yet';
  const want = packagesOf(lock);
  const have = packagesOf(installed);
  for (const [where, id] of want) {
    // npm leaves out an optional package made for another platform: not a reason to reinstall
    if (!have.has(where)) {
      if (optionalIn(lock, where)) continue;
      return `${where} is missing`;
    }
    if (have.get(where) !== id) return `${where} differs from the lock file`;
  }
  for (const where of have.keys()) if (!want.has(where)) return `${where} is no longer in the lock file`;
  return null;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

/** Installs `dir` (relative to the repository) when needed; returns npm's exit code (0 when nothing was needed). */
export function ensureInstalled(dir, { log = (line) => console.log(line) } = {}) {
  const folder = path.resolve(ROOT, dir);
  const lock = readJson(path.join(folder, 'package-lock.json'));
  if (lock === null) throw new Error(`${dir}/package-lock.json is missing`);
  const reason = installReason(lock, readJson(path.join(folder, 'node_modules/.package-lock.json')));
  if (reason === null) return 0;
  log(`installing ${dir} (${reason}): npm ci --prefix ${dir}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/tool-install.mjs <tools/folder>');
    process.exit(2);
  }
  process.exit(ensureInstalled(dir));
}
