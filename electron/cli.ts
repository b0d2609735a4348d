// Entry point of the headless command (bundled to dist/cli.cjs; the npm bin loads it).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run';
import { loadPolicy } from './storage/policy';
import { execProbe } from './inspect/exec';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // the machine-wide policy, or one beside the package (dist/ is one level below it)
  loadPolicy: () => loadPolicy({ platform: process.platform, env: process.env, execDir: path.resolve(__dirname, '..'), readFile: (f) => readFile(f, 'utf8'), exec: execProbe }),
}).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`internal error: ${String(err)}\n`); process.exitCode = 3; },
);
