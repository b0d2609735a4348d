// Entry point of the headless command (bundled to dist/cli/cli.mjs with its dependencies, split so
// each command loads only what it uses; the npm bin loads it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // the machine-wide policy, or one beside the package (this file is dist/cli/cli.mjs)
  // loaded only when a command needs the policy (not for --help)
  loadPolicy: async () => {
    const [{ loadPolicy }, { execProbe }] = await Promise.all([import('./storage/policy'), import('./inspect/exec')]);
    return loadPolicy({ platform: process.platform, env: process.env, execDir: path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url)))), readFile: (f) => readFile(f, 'utf8'), exec: execProbe });
  },
}).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`internal error: ${String(err)}\n`); process.exitCode = 3; },
);
