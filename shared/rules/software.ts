// Software the exam needs: Python (and packages such as PyTorch) and R.
import { msg, type Msg, reported } from '../check';
import { judgeInstalled } from './minimum';
import type { Facts } from '../facts';
import { anyRequired, define, type CheckDef, type Verdict } from './template';

/**
 * Facts collected for an exam that does not use this program never looked for it: an empty list
 * there means "not looked for", not "not installed" (re-evaluating against another exam).
 */
function notLookedFor(facts: Facts, program: 'python' | 'r'): Verdict | null {
  if (facts.software.looked?.[program] !== false) return null;
  // the fix fits the cause: nothing on this computer is wrong, the facts answer another exam's questions
  return { status: 'unknown', evidence: [msg(`inspect:notLooked.${program}`)], fix: msg('checks:common.fix.otherExam') };
}

/**
 * An installed program against the exam's minimum version (judgeInstalled), unknown when facts
 * collected for another exam never looked for it.
 */
function programCheck<T extends { version: string | null }>(
  program: 'python' | 'r',
  o: { defaultMin: string; list: (facts: Facts) => readonly T[]; evidence: (x: T) => Msg },
): CheckDef {
  return define({
    id: `software.${program}`,
    area: 'software',
    reads: ['software'],
    rule: (req) => req.software?.[program],
    judge: (facts, rule) =>
      notLookedFor(facts, program) ??
      judgeInstalled(o.list(facts), rule, { keys: `checks:software.${program}`, defaultMin: o.defaultMin, evidence: o.evidence }),
  });
}

export const softwarePython = programCheck('python', {
  defaultMin: '3',
  list: (facts) => facts.software.python,
  evidence: (p) => msg('checks:software.python.evidence.found', { ...reported('version', p.version), path: p.path, via: p.via }),
});

export const softwarePythonPackages = define({
  id: 'software.python-packages',
  area: 'software',
  reads: ['software'],
  rule: (req) => {
    const packages = req.software?.python?.packages ?? [];
    const ref = anyRequired(packages);
    return ref && { ...ref, packages };
  },
  judge: (facts, { packages }) => {
    const label = (name: string) => packages.find((p) => p.name === name)?.label ?? name;
    const labels = (list: typeof packages) => list.map((p) => label(p.name)).join(', ');
    const expected = msg('checks:software.python-packages.expected', { list: labels(packages) });
    // facts collected for another exam may not have looked for these packages
    const notAsked = packages.filter((p) => !facts.software.pythonPackagesAsked.includes(p.name));
    if (notAsked.length)
      return {
        status: 'unknown',
        expected,
        evidence: [msg('checks:software.python-packages.evidence.notAsked', { list: notAsked.map((p) => p.name).join(', ') })],
        fix: msg('checks:common.fix.otherExam'),
      };
    const pythons = facts.software.python;
    const command = facts.software.pythonDefault?.command ?? 'python3';
    const evidence = pythons.flatMap((py) =>
      packages
        .filter((p) => py.packages[p.name]?.found)
        .map((p) =>
          msg('checks:software.python-packages.evidence.found', {
            name: label(p.name),
            ...reported('version', py.packages[p.name]?.version),
            ...reported('python', py.version),
            path: py.path,
          }),
        ),
    );
    // Code runs in one interpreter: NumPy in one Python and PyTorch in another is not "installed".
    // The best interpreter has every package, or else the most required ones; the plain command's wins ties.
    const has = (py: (typeof pythons)[number], list: typeof packages) => list.filter((p) => py.packages[p.name]?.found).length;
    const required = packages.filter((p) => p.required);
    const ranked = [...pythons].sort(
      (a, b) => has(b, required) - has(a, required) || has(b, packages) - has(a, packages) || Number(b.default ?? false) - Number(a.default ?? false),
    );
    const best = ranked[0];
    const dflt = pythons.find((py) => py.default);
    const missing = best ? packages.filter((p) => !best.packages[p.name]?.found) : packages;
    const where = best ? { ...reported('python', best.version), path: best.path, command } : null;
    const defaultNote =
      !best || !facts.software.pythonDefault
        ? []
        : best.default
          ? [msg('checks:software.python-packages.evidence.isDefault', { command, path: best.path })]
          : [msg('checks:software.python-packages.evidence.notDefault', { command, ...reported('path', dflt?.path ?? facts.software.pythonDefault.path) })];
    if (best && !missing.length) {
      const observed = msg('checks:software.python-packages.observed.allIn', { list: labels(packages), ...where! });
      // all there, but not in the Python a learner gets by typing the command: say which to use
      if (facts.software.pythonDefault && !best.default) {
        const lacking = packages.filter((p) => !dflt?.packages[p.name]?.found);
        return {
          status: 'warn',
          observed,
          expected,
          evidence: [...defaultNote, ...evidence],
          fix: msg('checks:software.python-packages.fix.useThis', { path: best.path, command, list: lacking.map((p) => p.name).join(' ') }),
        };
      }
      return { status: 'pass', observed, expected, evidence: [...defaultNote, ...evidence] };
    }
    const requiredMissing = missing.some((p) => p.required);
    // every package exists somewhere, only never together: install the rest into the best one
    const split = pythons.length > 1 && missing.every((p) => pythons.some((py) => py.packages[p.name]?.found));
    return {
      status: requiredMissing ? 'fail' : 'warn',
      required: requiredMissing,
      observed: split
        ? msg('checks:software.python-packages.observed.split', { list: labels(missing), ...where! })
        : msg('checks:software.python-packages.observed.missing', { list: labels(missing) }),
      expected,
      // found elsewhere ("found" lines above) but not where the others are: say which Python lacks it
      evidence: [
        ...defaultNote,
        ...evidence,
        ...missing.map((p) =>
          pythons.some((py) => py.packages[p.name]?.found) && best
            ? msg('checks:software.python-packages.evidence.notInBest', { name: label(p.name), path: best.path })
            : msg('checks:software.python-packages.evidence.missing', { name: label(p.name), count: pythons.length }),
        ),
      ],
      fix: !best
        ? msg('checks:software.python.fix.install', { min: '3' })
        : split || !best.default
          ? msg('checks:software.python-packages.fix.installInto', { path: best.path, list: missing.map((p) => p.name).join(' ') })
          : msg('checks:software.python-packages.fix.install', { list: missing.map((p) => p.name).join(' ') }),
    };
  },
});

export const softwareR = programCheck('r', {
  defaultMin: '4',
  list: (facts) => facts.software.r,
  evidence: (r) => msg('checks:software.r.evidence.found', { ...reported('version', r.version), path: r.path }),
});
