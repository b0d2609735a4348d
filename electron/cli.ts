// Entry point of the headless command (bundled to dist/cli/cli.mjs with its dependencies, split so
// each command loads only what it uses; the npm bin loads it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run';

// a reader that stops early (`summarize --format ndjson | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of an unhandled EPIPE stack trace
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => process.stdin,
  env: process.env,
  cwd: process.cwd(),
  // the machine-wide policy, or one beside the package (this file is dist/cli/cli.mjs); never more
  // than a few seconds; loaded only when a command needs the policy (not for --help)
  loadPolicy: async () => {
    const [{ loadPolicyBounded, realPolicyDeps }, { execProbe }] = await Promise.all([import('./storage/policy'), import('./inspect/exec')]);
    return loadPolicyBounded(realPolicyDeps(path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url)))), execProbe));
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`internal error: ${String(err)}\n`);
    process.exitCode = 3;
  },
);
