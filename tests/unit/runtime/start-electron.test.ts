// `npm start`'s launcher decides from file checks alone whether Electron's binary is there; the
// checks are passed in, so every case runs without an Electron install or a network.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
type Found = { binary: string } | { line: string };
type Io = { electronDir: string; env: Record<string, string | undefined>; exists: (f: string) => boolean; read: (f: string) => string };
const { findElectron } = (await import(pathToFileURL(path.join(ROOT, 'scripts/start-electron.mjs')).href)) as { findElectron: (io: Io) => Found };

const dir = '/app/node_modules/electron';
/** a fake file system: path → content */
const io = (files: Record<string, string>, env: Record<string, string | undefined> = {}): Io => ({
  electronDir: dir,
  env,
  exists: (f) => f in files,
  read: (f) => {
    const text = files[f];
    if (text === undefined) throw new Error(`ENOENT ${f}`);
    return text;
  },
});
const pkg = { [`${dir}/package.json`]: JSON.stringify({ version: '45.4.1' }) };

describe('start-electron: is the binary there?', () => {
  it('starts the binary path.txt names inside dist/', () => {
    const found = findElectron(io({ ...pkg, [`${dir}/path.txt`]: 'electron', [`${dir}/dist/electron`]: '' }));
    expect(found).toEqual({ binary: path.join(dir, 'dist', 'electron') });
  });

  it('one line naming ELECTRON_MIRROR, electron_config_cache and the install script when the download never happened', () => {
    const found = findElectron(io(pkg));
    expect('line' in found).toBe(true);
    const line = (found as { line: string }).line;
    expect(line).not.toContain('\n');
    expect(line).toContain('ELECTRON_MIRROR');
    expect(line).toContain('electron_config_cache');
    expect(line).toContain('node node_modules/electron/install.js');
    expect(line).toContain('electron-v45.4.1-');
  });

  it('path.txt written but dist/ emptied (an interrupted download) is still "never fetched"', () => {
    const found = findElectron(io({ ...pkg, [`${dir}/path.txt`]: 'electron' }));
    expect(found).toHaveProperty('line', expect.stringContaining('never fetched'));
  });

  it('ELECTRON_OVERRIDE_DIST_PATH replaces dist/, as in the electron package itself', () => {
    const files = { ...pkg, [`${dir}/path.txt`]: 'electron', '/opt/electron/electron': '' };
    expect(findElectron(io(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toEqual({ binary: path.join('/opt/electron', 'electron') });
    expect(findElectron(io(files, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }))).toHaveProperty('line', expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH'));
  });

  it('no electron package at all: install the project first', () => {
    expect(findElectron(io({}))).toHaveProperty('line', expect.stringContaining('npm ci'));
  });

  it('the launcher starts the binary on this folder with the arguments, and leaves with its exit code', () => {
    // a stand-in "Electron" (ELECTRON_OVERRIDE_DIST_PATH, as the electron package allows) that
    // prints what it was started with and exits 3
    const dist = mkdtempSync(path.join(os.tmpdir(), 'preflight-electron-'));
    try {
      const fake = path.join(dist, 'electron');
      writeFileSync(fake, '#!/usr/bin/env node\nconsole.log(JSON.stringify(process.argv.slice(2)));\nprocess.exit(3);\n');
      chmodSync(fake, 0o755);
      const r = spawnSync(process.execPath, ['scripts/start-electron.mjs', '--lang', 'es'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
      });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([ROOT, '--lang', 'es']);
      expect(r.status).toBe(3);
      const check = spawnSync(process.execPath, ['scripts/start-electron.mjs', '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
      });
      expect([check.status, check.stdout]).toEqual([0, '']);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
