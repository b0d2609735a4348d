// Entry point of the headless command (bundled to dist/cli.cjs; the npm bin loads it).
import path from 'node:path';
import { runCli } from './cli/run';
import { loadPolicyBounded, realPolicyDeps } from './storage/policy';
import { execProbe } from './inspect/exec';

// a reader that stops early (`summarize --format ndjson | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of an unhandled EPIPE stack trace
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // the machine-wide policy, or one beside the package (dist/ is one level below it); never more than a few seconds
  loadPolicy: () => loadPolicyBounded(realPolicyDeps(path.resolve(__dirname, '..'), execProbe)),
}).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`internal error: ${String(err)}\n`); process.exitCode = 3; },
);
