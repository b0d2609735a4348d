#!/usr/bin/env node
// `npm start`'s launcher. The electron package fetches its binary in its postinstall script; when
// that never happened (offline, a blocked download site, ELECTRON_SKIP_BINARY_DOWNLOAD), running
// `electron .` tries the download again and ends in a stack trace. This checks for the binary
// first, the way the package's own index.js finds it (node_modules/electron/path.txt names the
// executable inside dist/; ELECTRON_OVERRIDE_DIST_PATH replaces dist/), and otherwise says in one
// line how to fetch it. It never downloads anything itself.
//   node scripts/start-electron.mjs --check   only check (exit 0 or 1), e.g. before a build
//   node scripts/start-electron.mjs [args]    start the app in this folder with Electron
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where Electron's binary is, or the one line that says why it is not there and how to get it.
 * @param {{ electronDir: string, env: Record<string, string | undefined>, exists: (file: string) => boolean, read: (file: string) => string }} io
 * @returns {{ binary: string } | { line: string }}
 */
export function findElectron({ electronDir, env, exists, read }) {
  const pkg = path.join(electronDir, 'package.json');
  if (!exists(pkg)) return { line: 'Electron is not installed (node_modules/electron is missing): run "npm ci" first.' };
  const version = JSON.parse(read(pkg)).version;
  const pathTxt = path.join(electronDir, 'path.txt');
  const name = exists(pathTxt) ? read(pathTxt).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, name || 'electron');
    if (exists(binary)) return { binary };
    return { line: `Electron's binary is not at ${binary} (ELECTRON_OVERRIDE_DIST_PATH): point it at an unpacked Electron ${version}.` };
  }
  const binary = name ? path.join(electronDir, 'dist', name) : '';
  if (binary && exists(binary)) return { binary };
  return {
    line:
      `Electron ${version}'s binary was never fetched (${path.join('node_modules', 'electron', 'dist')} is missing): run "node node_modules/electron/install.js" ` +
      `where it can download, with ELECTRON_MIRROR=<mirror URL> or electron_config_cache=<folder holding electron-v${version}-<platform>-<arch>.zip> when the default site is out of reach; ` +
      `"npm run dev:browser" shows the UI without Electron.`,
  };
}

function main() {
  const args = process.argv.slice(2);
  const found = findElectron({
    electronDir: path.join(ROOT, 'node_modules', 'electron'),
    env: process.env,
    exists: existsSync,
    read: (file) => readFileSync(file, 'utf8'),
  });
  if ('line' in found) {
    console.error(found.line);
    process.exit(1);
  }
  if (args[0] === '--check') return;
  const child = spawn(found.binary, [ROOT, ...args], { stdio: 'inherit', windowsHide: false });
  // Ctrl-C in the terminal reaches the app too; the launcher leaves with the app's exit code
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`could not start Electron (${found.binary}): ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
