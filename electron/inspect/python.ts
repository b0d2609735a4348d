// Python: every interpreter (PATH, pyenv, conda, the Windows `py` launcher), the packages a profile
// asks for in each (python-probe.ts: isolated, nothing imported), and which one the plain command
// (`python3`; Windows `python`) starts — a learner who types that command gets that one, so a
// PyTorch installed only in another interpreter is worth saying.
import path from 'node:path';
import type { Facts, InspectRequest } from '../../shared/facts';
import { memoByFile, type InspectDeps } from './deps';
import type { ExecResult } from './exec';
import { ISOLATED, ISOLATED_OLD, neutralFolder, PY_SCRIPT, refusedIsolation } from './python-probe';

/** Package names reach the interpreter as argv, never inside code; still, only module names pass. */
export const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

type Candidate = { file: string; via: string };

const isPyenvShims = (dir: string) => /[\\/]\.?pyenv[\\/](pyenv-win[\\/])?(plugins[\\/]pyenv-virtualenv[\\/])?shims$/i.test(dir);
const pathDirs = (deps: InspectDeps) => (deps.env.PATH ?? '').split(path.delimiter).filter(Boolean);
const pyenvRoot = (deps: InspectDeps) => deps.env.PYENV_ROOT ?? path.join(deps.homedir, '.pyenv');

/** The command a learner types: `python3`, or `python` on Windows (where python3.exe is rare). */
export const defaultCommand = (platform: NodeJS.Platform) => (platform === 'win32' ? 'python' : 'python3');

async function pythonCandidates(deps: InspectDeps): Promise<Candidate[]> {
  const win = deps.platform === 'win32';
  const out: Candidate[] = [];
  for (const dir of pathDirs(deps)) {
    for (const name of win ? ['python.exe', 'python3.exe'] : ['python3', 'python']) {
      const file = path.join(dir, name);
      if (win && /WindowsApps/i.test(dir)) continue; // the Store's "install Python" stub opens a window
      // pyenv shims are scripts that start bash and pyenv to reach one of the interpreters listed
      // under $PYENV_ROOT/versions (or the system one on PATH), which we ask directly
      if (isPyenvShims(dir)) continue;
      if (await deps.exists(file)) out.push({ file, via: /pyenv/.test(dir) ? 'pyenv' : /conda|miniforge|mambaforge/i.test(dir) ? 'conda' : 'path' });
    }
  }
  const versions = win ? path.join(pyenvRoot(deps), 'pyenv-win', 'versions') : path.join(pyenvRoot(deps), 'versions');
  for (const v of await deps.readDir(versions).catch(() => [] as string[])) {
    out.push({ file: win ? path.join(versions, v, 'python.exe') : path.join(versions, v, 'bin', 'python3'), via: 'pyenv' });
  }
  const condaEnvs = await deps.readFile(path.join(deps.homedir, '.conda', 'environments.txt')).catch(() => '');
  for (const env of [...condaEnvs.split(/\r?\n/), deps.env.CONDA_PREFIX ?? ''].map((s) => s.trim()).filter(Boolean)) {
    out.push({ file: win ? path.join(env, 'python.exe') : path.join(env, 'bin', 'python3'), via: 'conda' });
  }
  if (win) {
    const py = await deps.exec('py', ['-0p'], { timeoutMs: 2000 });
    for (const line of py.ok ? py.stdout.split(/\r?\n/) : []) {
      const m = /([A-Za-z]:\\.+python(w)?\.exe)\s*$/i.exec(line.trim());
      if (m) out.push({ file: m[1]!, via: 'py-launcher' });
    }
  }
  return out;
}

/**
 * The file the plain command starts, found the way the shell and pyenv find it — without running
 * pyenv (a bash script): the first PATH folder holding the command; for pyenv's shims, the version
 * named by PYENV_VERSION, else the global `$PYENV_ROOT/version` file ("system" means: keep walking
 * PATH). A project's `.python-version` depends on the folder the learner works in, which we cannot
 * know; the global choice is what a new terminal gets.
 */
export async function defaultPython(deps: InspectDeps): Promise<string | null> {
  const win = deps.platform === 'win32';
  const names = win ? ['python.exe'] : ['python3'];
  for (const dir of pathDirs(deps)) {
    if (win && /WindowsApps/i.test(dir)) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (!(await deps.exists(file))) continue;
      if (!isPyenvShims(dir)) return file;
      const chosen = deps.env.PYENV_VERSION ?? (await deps.readFile(path.join(pyenvRoot(deps), 'version')).catch(() => 'system'));
      const version = chosen.split(/[\s:]+/).find(Boolean) ?? 'system';
      if (version === 'system') break; // next PATH folder
      const versions = win ? path.join(pyenvRoot(deps), 'pyenv-win', 'versions') : path.join(pyenvRoot(deps), 'versions');
      return win ? path.join(versions, version, 'python.exe') : path.join(versions, version, 'bin', 'python3');
    }
  }
  return null;
}

/** A Python's package list depends on its sys.path folders: installing a package changes them. */
function pythonDependsOn(r: { ok: boolean; stdout: string }): string[] {
  if (!r.ok) return [];
  try {
    const paths = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { paths?: unknown }).paths;
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Runs the probe isolated from a neutral folder; an interpreter that refuses -I gets -E -s. */
async function runProbe(file: string, packages: string[], deps: InspectDeps, scale = 1): Promise<ExecResult> {
  const opts = { timeoutMs: 4000 * scale, cwd: neutralFolder(file, deps.platform) };
  const r = await deps.exec(file, [...ISOLATED, '-c', PY_SCRIPT, ...packages], opts);
  if (r.ok || r.failure !== 'exit' || !refusedIsolation(r.stderr)) return r;
  return deps.exec(file, [...ISOLATED_OLD, '-c', PY_SCRIPT, ...packages], opts);
}

export async function collectPython(
  req: InspectRequest,
  deps: InspectDeps,
): Promise<{ python: Facts['software']['python']; pythonDefault: Facts['software']['pythonDefault'] }> {
  const packages = req.pythonPackages.filter((p) => MODULE_NAME.test(p));
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of await pythonCandidates(deps)) {
    if (!(await deps.exists(c.file))) continue;
    const real = await deps.realpath(c.file).catch(() => c.file);
    if (seen.has(real)) continue;
    seen.add(real);
    candidates.push(c);
  }
  const [results, defaultFile] = await Promise.all([
    Promise.all(
      candidates.map(async (c) => {
        const r = await memoByFile(deps, c.file, `isolated\0${packages.join(',')}`, (scale) => runProbe(c.file, packages, deps, scale), pythonDependsOn);
        if (!r.ok) {
          // e.g. a Python 2 (no importlib.util): still say which version it is, from `--version`
          const v = r.failure === 'exit' ? await deps.exec(c.file, ['--version'], { timeoutMs: 2000, cwd: neutralFolder(c.file, deps.platform) }) : null;
          const version = /Python (\d+\.\d+(?:\.\d+)?)/.exec(`${v?.stdout ?? ''} ${v?.stderr ?? ''}`)?.[1] ?? null;
          return { path: c.file, version, via: c.via, packages: {}, error: r.detail ?? 'failed', executable: c.file };
        }
        try {
          const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as {
            version: string;
            executable: string;
            packages: Record<string, { found: boolean; version: string | null }>;
          };
          return { path: c.file, version: j.version, via: c.via, packages: j.packages, executable: j.executable };
        } catch {
          return { path: c.file, version: null, via: c.via, packages: {}, error: 'unexpected output', executable: c.file };
        }
      }),
    ),
    defaultPython(deps),
  ]);
  const defaultReal = defaultFile ? await deps.realpath(defaultFile).catch(() => defaultFile) : null;
  // A shim (pyenv, a PATH symlink) and the interpreter it runs are one Python: keep the first.
  const byExe = new Map<string, Facts['software']['python'][number]>();
  for (const { executable, ...rest } of results) {
    const key = await deps.realpath(executable).catch(() => executable);
    const isDefault = defaultReal !== null && (key === defaultReal || (await deps.realpath(rest.path).catch(() => rest.path)) === defaultReal);
    const prev = byExe.get(key);
    if (!prev) byExe.set(key, { ...rest, default: isDefault });
    else if (isDefault) prev.default = true;
  }
  return { python: [...byExe.values()], pythonDefault: { command: defaultCommand(deps.platform), path: defaultFile } };
}
