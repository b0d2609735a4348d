import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { MODULE_NAME } from '../../../electron/inspect/software';
import type { ExecResult } from '../../../electron/inspect/exec';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: ['numpy', 'torch'], endpoints: [], networkChecks: false };

/** A fake interpreter answering the inspector's script: version, and which of the asked packages it has. */
const python =
  (exe: string, version: string, has: Record<string, string | null> = {}, seen?: string[][]) =>
  (args: readonly string[]): ExecResult => {
    seen?.push([...args]);
    if (args[0] === '--version') return { ok: true, stdout: `Python ${version}\n`, stderr: '' };
    const packages = Object.fromEntries(args.slice(args.indexOf('-c') + 2).map((n) => [n, { found: n in has, version: has[n] ?? null }]));
    return { ok: true, stdout: JSON.stringify({ version, executable: exe, packages, paths: [] }) + '\n', stderr: '' };
  };

describe('Python', () => {
  it('finds PATH, pyenv and conda interpreters, asks each for the packages, and dedupes by real path', async () => {
    const deps = fakeDeps({
      env: { PATH: '/home/learner/.pyenv/shims:/usr/bin' },
      files: {
        '/usr/bin/python3': '',
        '/usr/bin/python': '',
        '/home/learner/.pyenv/shims/python3': '#!/bin/bash',
        '/home/learner/.pyenv/versions/3.11.7/bin/python3': '',
        '/home/learner/miniconda3/envs/ml/bin/python3': '',
        '/home/learner/.conda/environments.txt': '/home/learner/miniconda3/envs/ml\n',
      },
      dirs: { '/home/learner/.pyenv/versions': ['3.11.7'] },
      links: { '/usr/bin/python': '/usr/bin/python3.11', '/usr/bin/python3': '/usr/bin/python3.11' },
      programs: {
        // both names run the same interpreter, which reports its own path
        '/usr/bin/python3': python('/usr/bin/python3.11', '3.11.2'),
        '/usr/bin/python': python('/usr/bin/python3.11', '3.11.2'),
        '/home/learner/.pyenv/versions/3.11.7/bin/python3': python('/home/learner/.pyenv/versions/3.11.7/bin/python3', '3.11.7', { numpy: '2.1.3' }),
        '/home/learner/miniconda3/envs/ml/bin/python3': python('/home/learner/miniconda3/envs/ml/bin/python3', '3.12.7', { numpy: '1.26.4', torch: '2.5.1' }),
      },
    });
    const sw = await collectArea('software', req, deps);
    expect(sw.python.map((p) => [p.path, p.version, p.via])).toEqual([
      ['/usr/bin/python3', '3.11.2', 'path'],
      ['/home/learner/.pyenv/versions/3.11.7/bin/python3', '3.11.7', 'pyenv'],
      ['/home/learner/miniconda3/envs/ml/bin/python3', '3.12.7', 'conda'],
    ]);
    expect(sw.python[2]!.packages).toEqual({ numpy: { found: true, version: '1.26.4' }, torch: { found: true, version: '2.5.1' } });
    expect(sw.python[1]!.packages.torch).toEqual({ found: false, version: null });
    expect(sw.pythonPackagesAsked).toEqual(['numpy', 'torch']);
    // the pyenv shim (a bash script) is never run: the interpreters behind it are asked directly
    expect(deps.calls.some((c) => c.includes('shims'))).toBe(false);
  });
  it('Windows: the py launcher lists interpreters (py -0p); the Store stub in WindowsApps is skipped', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      env: { PATH: 'C:\\Users\\maria\\AppData\\Local\\Microsoft\\WindowsApps' },
      files: { 'C:\\Users\\maria\\AppData\\Local\\Microsoft\\WindowsApps/python.exe': '', 'C:\\Python312\\python.exe': '' },
      programs: {
        py: () => ({ ok: true, stdout: ' -V:3.12 *        C:\\Python312\\python.exe\r\n', stderr: '' }),
        'C:\\Python312\\python.exe': python('C:\\Python312\\python.exe', '3.12.4'),
      },
    });
    const sw = await collectArea('software', req, deps);
    expect(sw.python.map((p) => [p.path, p.version, p.via])).toEqual([['C:\\Python312\\python.exe', '3.12.4', 'py-launcher']]);
  });
  it('package names reach the interpreter as arguments, never as code; names that are not module names never reach it', async () => {
    const seen: string[][] = [];
    const deps = fakeDeps({ files: { '/usr/bin/python3': '' }, programs: { '/usr/bin/python3': python('/usr/bin/python3', '3.12.1', {}, seen) } });
    const evil = ['numpy', 'os; import shutil', '$(rm -rf ~)', '`id`', '--upgrade', 'a|b', '__import__("os")', 'scikit-learn', 'torch.nn'];
    const sw = await collectArea('software', { ...req, pythonPackages: evil }, deps);
    expect(seen[0]!.slice(0, 2)).toEqual(['-I', '-c']);
    expect(seen[0]![2]).not.toContain('numpy'); // the script is fixed text
    expect(seen[0]!.slice(3)).toEqual(['numpy', 'torch.nn']);
    expect(sw.pythonPackagesAsked).toEqual(['numpy', 'torch.nn']);
    expect(evil.filter((n) => MODULE_NAME.test(n))).toEqual(['numpy', 'torch.nn']);
  });
  it('a Python 2 (the script fails) is still reported with its version and the reason', async () => {
    // Python 2 refuses -I, so it is asked again with -E -s (isolated the old way), where the script fails
    const deps = fakeDeps({
      files: { '/usr/bin/python': '' },
      env: { PATH: '/usr/bin' },
      programs: {
        '/usr/bin/python': (args) =>
          args[0] === '--version'
            ? { ok: true, stdout: '', stderr: 'Python 2.7.18\n' }
            : args[0] === '-I'
              ? {
                  ok: false,
                  stdout: '',
                  stderr: 'Unknown option: -I\nusage: python [option] ...',
                  failure: 'exit',
                  detail: '/usr/bin/python exited with status 2',
                }
              : { ok: false, stdout: '', stderr: 'ImportError: No module named util', failure: 'exit', detail: '/usr/bin/python exited with status 1' },
      },
    });
    const sw = await collectArea('software', req, deps);
    expect(sw.python).toEqual([
      { path: '/usr/bin/python', version: '2.7.18', via: 'path', packages: {}, error: '/usr/bin/python exited with status 1', default: false },
    ]);
    expect(deps.calls.filter((c) => c.startsWith('exec /usr/bin/python ')).map((c) => c.split(' ').slice(2, 4).join(' '))).toEqual([
      '-I -c',
      '-E -s',
      '--version',
    ]);
  });
  it('nothing installed: empty lists, and the probe is ok (absence is a fact, not a failure)', async () => {
    const sw = await collectArea('software', req, fakeDeps({}));
    expect(sw).toMatchObject({ probe: { status: 'ok' }, python: [], r: [] });
  });
});

describe('R', () => {
  it('Rscript --version (printed on stderr) on PATH', async () => {
    const deps = fakeDeps({
      files: { '/usr/bin/Rscript': '' },
      programs: { '/usr/bin/Rscript': () => ({ ok: true, stdout: '', stderr: 'Rscript (R) version 4.4.2 (2024-10-31)\n' }) },
    });
    expect((await collectArea('software', req, deps)).r).toEqual([{ path: '/usr/bin/Rscript', version: '4.4.2', via: 'path' }]);
  });
  it('Windows: every R under Program Files; macOS: the R framework', async () => {
    const win = fakeDeps({
      platform: 'win32',
      env: { PATH: '', ProgramFiles: 'C:\\Program Files' },
      files: { 'C:\\Program Files\\R\\R-4.3.1\\bin\\Rscript.exe': '' },
      dirs: { 'C:\\Program Files\\R': ['R-4.3.1'] },
      programs: { 'C:\\Program Files\\R\\R-4.3.1\\bin\\Rscript.exe': () => ({ ok: true, stdout: 'Rscript (R) version 4.3.1 (2023-06-16)', stderr: '' }) },
    });
    expect((await collectArea('software', req, win)).r).toEqual([
      { path: 'C:\\Program Files\\R\\R-4.3.1\\bin\\Rscript.exe', version: '4.3.1', via: 'known-path' },
    ]);
    const mac = fakeDeps({
      platform: 'darwin',
      env: { PATH: '/usr/bin' },
      files: { '/Library/Frameworks/R.framework/Resources/bin/Rscript': '' },
      programs: {
        '/Library/Frameworks/R.framework/Resources/bin/Rscript': () => ({
          ok: false,
          stdout: '',
          stderr: '',
          failure: 'timeout',
          detail: 'Rscript did not answer within 4000 ms',
        }),
      },
    });
    expect((await collectArea('software', req, mac)).r).toEqual([
      {
        path: '/Library/Frameworks/R.framework/Resources/bin/Rscript',
        version: null,
        via: 'known-path',
        // a timeout is asked once more with a longer limit (deps.ts memoByFile), then says so
        error: 'timed out twice (Rscript did not answer within 4000 ms; then Rscript did not answer within 4000 ms)',
      },
    ]);
  });
});

describe('Python: isolation and the interpreter the plain command starts', () => {
  it('every interpreter starts isolated (-I) from the file system root, never from the folder the check runs in', async () => {
    const deps = fakeDeps({
      env: { PATH: '/usr/bin' },
      files: { '/usr/bin/python3': '' },
      programs: { '/usr/bin/python3': python('/usr/bin/python3', '3.11.2', { numpy: '1.24.2' }) },
    });
    await collectArea('software', req, deps);
    const i = deps.calls.findIndex((c) => c.startsWith('exec /usr/bin/python3 -I -c'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(deps.cwds[i]).toBe('/');
  });

  const pyenvWorld = (env: NodeJS.ProcessEnv, globalVersion: string) =>
    fakeDeps({
      env: { PATH: '/home/learner/.pyenv/shims:/usr/bin', ...env },
      files: {
        '/home/learner/.pyenv/shims/python3': '#!/usr/bin/env bash',
        '/usr/bin/python3': '',
        '/home/learner/.pyenv/versions/3.11.7/bin/python3': '',
        '/home/learner/.pyenv/versions/3.12.1/bin/python3': '',
        '/home/learner/.pyenv/version': `${globalVersion}\n`,
      },
      dirs: { '/home/learner/.pyenv/versions': ['3.11.7', '3.12.1'] },
      programs: {
        '/usr/bin/python3': python('/usr/bin/python3', '3.11.2', { numpy: '1.24.2', torch: '1.13.0' }),
        '/home/learner/.pyenv/versions/3.11.7/bin/python3': python('/home/learner/.pyenv/versions/3.11.7/bin/python3', '3.11.7'),
        '/home/learner/.pyenv/versions/3.12.1/bin/python3': python('/home/learner/.pyenv/versions/3.12.1/bin/python3', '3.12.1'),
      },
    });
  const defaults = (sw: { python: Array<{ path: string; default?: boolean }> }) => sw.python.filter((p) => p.default).map((p) => p.path);

  it('pyenv shims first on PATH: the global version file names the one `python3` starts (without running pyenv)', async () => {
    const deps = pyenvWorld({}, '3.11.7');
    const sw = await collectArea('software', req, deps);
    expect(sw.pythonDefault).toEqual({ command: 'python3', path: '/home/learner/.pyenv/versions/3.11.7/bin/python3' });
    expect(defaults(sw)).toEqual(['/home/learner/.pyenv/versions/3.11.7/bin/python3']);
    expect(deps.calls.some((c) => c.includes('shims') || c.startsWith('exec pyenv'))).toBe(false);
  });
  it('PYENV_VERSION wins over the global file; "system" means the next python3 on PATH', async () => {
    expect(defaults(await collectArea('software', req, pyenvWorld({ PYENV_VERSION: '3.12.1' }, '3.11.7')))).toEqual([
      '/home/learner/.pyenv/versions/3.12.1/bin/python3',
    ]);
    expect(defaults(await collectArea('software', req, pyenvWorld({}, 'system')))).toEqual(['/usr/bin/python3']);
  });
  it('no python3 on PATH at all: no default, and every interpreter says so', async () => {
    const deps = fakeDeps({
      env: { PATH: '/opt/bin' },
      files: { '/home/learner/.pyenv/versions/3.12.1/bin/python3': '' },
      dirs: { '/home/learner/.pyenv/versions': ['3.12.1'] },
      programs: { '/home/learner/.pyenv/versions/3.12.1/bin/python3': python('/home/learner/.pyenv/versions/3.12.1/bin/python3', '3.12.1') },
    });
    const sw = await collectArea('software', req, deps);
    expect(sw.pythonDefault).toEqual({ command: 'python3', path: null });
    expect(defaults(sw)).toEqual([]);
  });
});
