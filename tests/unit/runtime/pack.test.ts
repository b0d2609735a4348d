// The npm package as a user gets it: `npm pack`, the tarball installed into an empty folder (no
// clone, no dev dependencies), then the bin run from there: `--version` and a real check of this
// machine. This proves the `files` list carries everything the headless command reads at run time
// and nothing of the tests or sources. The install may fetch the package's dependencies from the
// registry (npm's cache first); it downloads no binary (no install scripts, Electron skipped).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../../shared/report/model';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const npm = (args: string[], opts: SpawnSyncOptions) =>
  spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    encoding: 'utf8',
    shell: process.platform === 'win32',
    ...opts,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_update_notifier: 'false', ...opts.env },
  });

describe('the npm package', () => {
  it('packs bin/, dist/cli/ and the man page only, installs into an empty folder and checks this machine from there', { timeout: 300_000 }, () => {
    // the build is `prepare`'s job (npm ci ran it; the CLI tests use the same dist/cli)
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT });
    expect(pack.stderr, 'npm pack').not.toMatch(/npm (error|ERR!)/);
    expect(pack.status).toBe(0);
    const [packed] = JSON.parse(String(pack.stdout)) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('bin/exam-preflight.cjs');
    expect(files).toContain('man/exam-preflight.1');
    expect(files).toContain('dist/cli/cli.mjs');
    // npm always packs package.json's "main" (the Electron main process, which electron-builder
    // needs there); apart from that only the CLI, the README and package.json
    const allowed = (f: string) =>
      f.startsWith('bin/') || f.startsWith('dist/cli/') || f === 'man/exam-preflight.1' || ['package.json', 'README.md', 'dist/electron/main.cjs'].includes(f);
    expect(files.filter((f) => !allowed(f))).toEqual([]);

    const app = path.join(tmp, 'user');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ private: true }));
    const install = npm(
      ['install', path.join(tmp, packed!.filename), '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
      { cwd: app },
    );
    expect(install.stderr, 'npm install of the tarball').not.toMatch(/npm (error|ERR!)/);
    expect(install.status).toBe(0);

    const bin = path.join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'exam-preflight.cmd' : 'exam-preflight');
    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8', shell: process.platform === 'win32' });
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(own.version);
    expect(version.status).toBe(0);

    const check = spawnSync(bin, ['check', '--format', 'json', '--profile', 'mitx-sds-capstone'], {
      cwd: app,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(check.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(check.status); // ready or not, this machine's verdict
    const report = ReportSchema.parse(JSON.parse(check.stdout));
    expect(report.profile.id).toBe('mitx-sds-capstone');
    expect(report.verdict === 'ready').toBe(check.status === 0);

    // the built-in exams and the JSON Schemas travel inside the bundle, not as files beside it
    const run = (args: string[]) => spawnSync(bin, args, { cwd: app, encoding: 'utf8', shell: process.platform === 'win32' });
    const profiles = run(['profiles', '--format', 'json']);
    expect(profiles.status).toBe(0);
    expect(JSON.stringify(JSON.parse(profiles.stdout))).toContain('mitx-pom-final');
    const schema = run(['schema', 'policy']);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('$schema');
  });
});
