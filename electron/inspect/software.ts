// Python (every interpreter: PATH, pyenv, conda, the Windows `py` launcher) and the packages a
// profile asks for, found with importlib.util.find_spec (no import, so nothing heavy runs); R.
import path from 'node:path';
import type { Facts, InspectRequest } from '../../shared/facts';
import { memoByFile, type InspectDeps } from './deps';
import { probeOk, versionIn } from './probe';

/** Package names reach the interpreter as argv, never inside code; still, only module names pass. */
export const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const PY_SCRIPT = [
  'import sys, json',
  'import importlib.util as u',
  'out = {"version": "%d.%d.%d" % tuple(sys.version_info[:3]), "executable": sys.executable, "packages": {}}',
  // the folders packages are found in (and the user site, even before it exists): the cache key
  'try:\n import site\n us = [site.getusersitepackages()]\nexcept Exception:\n us = []',
  'out["paths"] = sorted(set([p for p in sys.path if p] + us))',
  'for n in sys.argv[1:]:',
  ' try:\n  s = u.find_spec(n)\n except Exception:\n  s = None',
  ' v = None',
  // importlib.metadata costs ~20 ms to import: only when a package was found (absent before 3.8)
  ' if s is not None:',
  '  try:\n   import importlib.metadata as md\n   v = md.version(n)\n  except Exception:\n   v = None',
  ' out["packages"][n] = {"found": s is not None, "version": v}',
  'print(json.dumps(out))',
].join('\n');

type Candidate = { file: string; via: string };

async function pythonCandidates(deps: InspectDeps): Promise<Candidate[]> {
  const win = deps.platform === 'win32';
  const out: Candidate[] = [];
  const pathDirs = (deps.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of pathDirs) {
    for (const name of win ? ['python.exe', 'python3.exe'] : ['python3', 'python']) {
      const file = path.join(dir, name);
      if (win && /WindowsApps/i.test(dir)) continue; // the Store's "install Python" stub opens a window
      // pyenv shims are scripts that start bash and pyenv to reach one of the interpreters listed
      // under $PYENV_ROOT/versions (or the system one on PATH), which we ask directly
      if (/[\\/]\.?pyenv[\\/](pyenv-win[\\/])?shims$/i.test(dir)) continue;
      if (await deps.exists(file)) out.push({ file, via: /pyenv/.test(dir) ? 'pyenv' : /conda|miniforge|mambaforge/i.test(dir) ? 'conda' : 'path' });
    }
  }
  const pyenvRoot = deps.env.PYENV_ROOT ?? path.join(deps.homedir, '.pyenv');
  const pyenvVersions = win ? path.join(pyenvRoot, 'pyenv-win', 'versions') : path.join(pyenvRoot, 'versions');
  for (const v of await deps.readDir(pyenvVersions).catch(() => [] as string[])) {
    out.push({ file: win ? path.join(pyenvVersions, v, 'python.exe') : path.join(pyenvVersions, v, 'bin', 'python3'), via: 'pyenv' });
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

/** A Python's package list depends on its sys.path folders: installing a package changes them. */
function pythonDependsOn(r: { ok: boolean; stdout: string }): string[] {
  if (!r.ok) return [];
  try {
    const paths = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { paths?: unknown }).paths;
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  } catch { return []; }
}

export async function collectPython(req: InspectRequest, deps: InspectDeps): Promise<Facts['software']['python']> {
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
  const results = await Promise.all(candidates.map(async (c) => {
    const r = await memoByFile(deps, c.file, packages.join(','), () => deps.exec(c.file, ['-c', PY_SCRIPT, ...packages], { timeoutMs: 4000 }), pythonDependsOn);
    if (!r.ok) {
      // e.g. a Python 2 (no importlib.util): still say which version it is, from `--version`
      const v = r.failure === 'exit' ? await deps.exec(c.file, ['--version'], { timeoutMs: 2000 }) : null;
      const version = /Python (\d+\.\d+(?:\.\d+)?)/.exec(`${v?.stdout ?? ''} ${v?.stderr ?? ''}`)?.[1] ?? null;
      return { path: c.file, version, via: c.via, packages: {}, error: r.detail ?? 'failed', executable: c.file };
    }
    try {
      const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { version: string; executable: string; packages: Record<string, { found: boolean; version: string | null }> };
      return { path: c.file, version: j.version, via: c.via, packages: j.packages, executable: j.executable };
    } catch {
      return { path: c.file, version: null, via: c.via, packages: {}, error: 'unexpected output', executable: c.file };
    }
  }));
  // A shim (pyenv, a PATH symlink) and the interpreter it runs are one Python: keep the first.
  const byExe = new Map<string, (typeof results)[number]>();
  for (const r of results) {
    const key = await deps.realpath(r.executable).catch(() => r.executable);
    if (!byExe.has(key)) byExe.set(key, r);
  }
  return [...byExe.values()].map(({ executable: _e, ...rest }) => rest);
}

export async function collectR(deps: InspectDeps): Promise<Facts['software']['r']> {
  const win = deps.platform === 'win32';
  const files: Candidate[] = [];
  for (const dir of (deps.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const f = path.join(dir, win ? 'Rscript.exe' : 'Rscript');
    if (await deps.exists(f)) { files.push({ file: f, via: 'path' }); break; }
  }
  if (win && deps.env.ProgramFiles) {
    const base = path.win32.join(deps.env.ProgramFiles, 'R');
    for (const v of await deps.readDir(base).catch(() => [] as string[])) files.push({ file: path.win32.join(base, v, 'bin', 'Rscript.exe'), via: 'known-path' });
  }
  if (deps.platform === 'darwin') files.push({ file: '/Library/Frameworks/R.framework/Resources/bin/Rscript', via: 'known-path' });
  const out: Facts['software']['r'] = [];
  const seen = new Set<string>();
  for (const c of files) {
    if (!(await deps.exists(c.file))) continue;
    const real = await deps.realpath(c.file).catch(() => c.file);
    if (seen.has(real)) continue;
    seen.add(real);
    const r = await memoByFile(deps, c.file, '--version', () => deps.exec(c.file, ['--version'], { timeoutMs: 4000 }));
    // Rscript prints its version on stderr: "Rscript (R) version 4.3.1 (2023-06-16)"
    const version = versionIn(`${r.stdout}\n${r.stderr}`);
    out.push(r.ok || version ? { path: c.file, version, via: c.via } : { path: c.file, version: null, via: c.via, error: r.detail ?? 'failed' });
  }
  return out;
}

export async function collectSoftware(req: InspectRequest, deps: InspectDeps): Promise<Facts['software']> {
  const t0 = performance.now();
  const looked = req.software ?? { python: true, r: true };
  const [python, r] = await Promise.all([looked.python ? collectPython(req, deps) : [], looked.r ? collectR(deps) : []]);
  return { probe: probeOk(t0), python, r, pythonPackagesAsked: looked.python ? req.pythonPackages.filter((p) => MODULE_NAME.test(p)) : [], looked };
}
