// Software the exams name: Python with the packages a profile asks for (python.ts), and R.
import path from 'node:path';
import type { Facts, InspectRequest } from '../../shared/facts';
import { memoByFile, type InspectDeps } from './deps';
import { probeOk, versionIn } from './probe';
import { collectPython, MODULE_NAME } from './python';

export { MODULE_NAME };

type Candidate = { file: string; via: string };

export async function collectR(deps: InspectDeps): Promise<Facts['software']['r']> {
  const win = deps.platform === 'win32';
  const files: Candidate[] = [];
  for (const dir of (deps.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const f = path.join(dir, win ? 'Rscript.exe' : 'Rscript');
    if (await deps.exists(f)) {
      files.push({ file: f, via: 'path' });
      break;
    }
  }
  if (win && deps.env.ProgramFiles) {
    const base = path.win32.join(deps.env.ProgramFiles, 'R');
    for (const v of await deps.readDir(base).catch(() => [] as string[]))
      files.push({ file: path.win32.join(base, v, 'bin', 'Rscript.exe'), via: 'known-path' });
  }
  if (deps.platform === 'darwin') files.push({ file: '/Library/Frameworks/R.framework/Resources/bin/Rscript', via: 'known-path' });
  const out: Facts['software']['r'] = [];
  const seen = new Set<string>();
  for (const c of files) {
    if (!(await deps.exists(c.file))) continue;
    const real = await deps.realpath(c.file).catch(() => c.file);
    if (seen.has(real)) continue;
    seen.add(real);
    const r = await memoByFile(deps, c.file, '--version', (scale) => deps.exec(c.file, ['--version'], { timeoutMs: 4000 * scale }));
    // Rscript prints its version on stderr: "Rscript (R) version 4.3.1 (2023-06-16)"
    const version = versionIn(`${r.stdout}\n${r.stderr}`);
    out.push(r.ok || version ? { path: c.file, version, via: c.via } : { path: c.file, version: null, via: c.via, error: r.detail ?? 'failed' });
  }
  return out;
}

export async function collectSoftware(req: InspectRequest, deps: InspectDeps): Promise<Facts['software']> {
  const t0 = performance.now();
  const looked = req.software ?? { python: true, r: true };
  const [py, r] = await Promise.all([looked.python ? collectPython(req, deps) : { python: [], pythonDefault: undefined }, looked.r ? collectR(deps) : []]);
  return {
    probe: probeOk(t0),
    python: py.python,
    ...(py.pythonDefault ? { pythonDefault: py.pythonDefault } : {}),
    r,
    pythonPackagesAsked: looked.python ? req.pythonPackages.filter((p) => MODULE_NAME.test(p)) : [],
    looked,
  };
}
