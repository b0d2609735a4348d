// Entry point of the headless command (bundled to dist/cli.cjs; the npm bin loads it).
import { runCli } from './cli/run';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`internal error: ${String(err)}\n`); process.exitCode = 3; },
);
