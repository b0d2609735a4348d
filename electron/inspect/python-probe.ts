// The program every Python interpreter is asked to run, and how it is started.
//
// Isolation: `python -c` puts its working folder first on sys.path, so a `json.py` in the folder the
// check runs from would run inside every interpreter probed. Each interpreter therefore starts
// isolated (`-I`: no working folder, no user site, no PYTHON* variables) from the file system's root
// (a folder ordinary users cannot write to). Interpreters too old for `-I` (before 3.4) get `-E -s`
// and the script drops the working folder from sys.path before its first import.
//
// Same view as a normal start: -I also hides the user's `pip install --user` folder and PYTHONPATH,
// where a learner's PyTorch may well live. The script adds both back, as folders only: relative
// PYTHONPATH entries (which mean "the working folder") are left out, and no .pth file is run.
//
// Packages are found without importing them: importlib.util.find_spec on the top-level name (a
// dotted name's parent package would be imported by find_spec), then each sub-module is looked up
// in its parent's folders with PathFinder, which imports nothing. Versions come from package
// metadata (module and distribution names differ: sklearn is scikit-learn).

export const PY_SCRIPT = [
  'import sys',
  "sys.path[:] = [p for p in sys.path if p not in ('', '.')]",
  'import os, json',
  'import importlib.util as u',
  'import importlib.machinery as mach',
  'out = {"version": "%d.%d.%d" % tuple(sys.version_info[:3]), "executable": sys.executable, "packages": {}}',
  'us = []',
  'try:\n import site\n if getattr(sys, "base_prefix", sys.prefix) == sys.prefix:\n  us = [site.getusersitepackages()]\nexcept Exception:\n pass',
  'pp = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and os.path.isabs(p)]',
  'sys.path[:0] = [p for p in pp if p not in sys.path]',
  'sys.path.extend([p for p in us if p not in sys.path])',
  // the folders packages are found in: the cache key (installing a package changes one of them)
  'out["paths"] = sorted(set([p for p in sys.path if p] + us))',
  'def find(n):',
  ' parts = n.split(".")',
  ' s = u.find_spec(parts[0])',
  ' for part in parts[1:]:',
  '  if s is None or not s.submodule_search_locations:\n   return None',
  '  s = mach.PathFinder.find_spec(part, list(s.submodule_search_locations))',
  ' return s',
  'dists = None',
  'def version(top):',
  ' global dists',
  // importlib.metadata costs ~20 ms to import: only when a package was found (absent before 3.8)
  ' try:\n  import importlib.metadata as md\n except Exception:\n  return None',
  ' names = [top]',
  ' try:\n  return md.version(top)\n except Exception:\n  pass',
  ' try:\n  if dists is None:\n   dists = md.packages_distributions()\n  names = dists.get(top, [])\n except Exception:\n  names = []',
  ' for d in names:',
  '  try:\n   return md.version(d)\n  except Exception:\n   pass',
  ' return None',
  'for n in sys.argv[1:]:',
  ' try:\n  s = find(n)\n except Exception:\n  s = None',
  ' out["packages"][n] = {"found": s is not None, "version": version(n.split(".")[0]) if s is not None else None}',
  'print(json.dumps(out))',
].join('\n');

/** Flags that keep the working folder, user site and environment out (Python 3.4+). */
export const ISOLATED = ['-I'] as const;
/** The same for interpreters that do not know -I (the script also drops the working folder). */
export const ISOLATED_OLD = ['-E', '-s'] as const;

/** An interpreter refused -I: "Unknown option: -I" (Python 2.7, 3.3). */
export const refusedIsolation = (stderr: string) => /unknown option.*-I|-I.*unknown option/i.test(stderr);

/** The root of the file system a program lives on: neutral, and not writable by ordinary users. */
export function neutralFolder(file: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return /^[A-Za-z]:/.test(file) ? `${file.slice(0, 2)}\\` : 'C:\\';
  return '/';
}
