// npm run release: builds the installers for this OS, refuses to go on unless signing credentials
// are set and every Windows/macOS installer's signature verifies, then publishes them with
// electron-builder's own publisher (the `publish` settings and GH_TOKEN / the provider's variables).
//   npm run release              build, verify, publish
//   npm run release -- --check   only check the environment (CI uses it before spending a build);
//                                 --os=win|mac|linux checks another OS's credentials
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { INSTALLER, signingEnvProblems, unsignedInstallers, type Os } from './release/signing';

const osArg = process.argv.find((a) => a.startsWith('--os='))?.slice(5);
const os: Os =
  osArg === 'win' || osArg === 'mac' || osArg === 'linux' ? osArg : process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux';
const fail = (lines: string[]) => {
  for (const l of lines) console.error(`release refused: ${l}`);
  process.exit(1);
};

const envProblems = signingEnvProblems(os, process.env);
if (envProblems.length) fail(envProblems);
if (process.argv.includes('--check')) process.exit(0);

const build = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) fail([`electron-builder failed (exit ${build.status})`]);

const files = readdirSync('release')
  .filter((f) => INSTALLER.test(f))
  .map((f) => path.join('release', f));
const run = (program: string, args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve, reject) =>
    execFile(program, args, (err, stdout, stderr) =>
      err && (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? reject(err)
        : resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    ),
  );
const unsigned = await unsignedInstallers(files, os, run);
if (unsigned.length) fail(unsigned.map((u) => `${u.file} is not signed (${u.reason})`));

const publish = spawnSync('npx', ['electron-builder', 'publish', ...files.flatMap((f) => ['--files', f])], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(publish.status ?? 1);
