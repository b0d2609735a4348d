// Software the exam needs: Python (and packages such as PyTorch) and R.
import { msg } from '../check';
import { judgeInstalled } from './minimum';
import type { Facts } from '../facts';
import { anyRequired, define, type Verdict } from './template';

/**
 * Facts collected for an exam that does not use this program never looked for it: an empty list
 * there means "not looked for", not "not installed" (re-evaluating against another exam).
 */
function notLookedFor(facts: Facts, program: 'python' | 'r'): Verdict | null {
  if (facts.software.looked?.[program] !== false) return null;
  return { status: 'unknown', evidence: [msg(`inspect:notLooked.${program}`)], fix: msg('checks:common.fix.rerun') };
}

export const softwarePython = define({
  id: 'software.python',
  area: 'software',
  reads: ['software'],
  rule: (req) => req.software?.python,
  judge: (facts, rule) =>
    notLookedFor(facts, 'python') ??
    judgeInstalled(facts.software.python, rule, {
      keys: 'checks:software.python',
      defaultMin: '3',
      evidence: (p) => msg('checks:software.python.evidence.found', { version: p.version ?? '?', path: p.path, via: p.via }),
    }),
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
    const expected = msg('checks:software.python-packages.expected', { list: packages.map((p) => label(p.name)).join(', ') });
    // facts collected for another exam may not have looked for these packages
    const notAsked = packages.filter((p) => !facts.software.pythonPackagesAsked.includes(p.name));
    if (notAsked.length) return { status: 'unknown', expected, evidence: [msg('checks:software.python-packages.evidence.notAsked', { list: notAsked.map((p) => p.name).join(', ') })], fix: msg('checks:common.fix.rerun') };
    const evidence = [];
    const missing = [];
    for (const p of packages) {
      const where = facts.software.python.filter((py) => py.packages[p.name]?.found);
      if (where.length) {
        evidence.push(...where.map((py) => msg('checks:software.python-packages.evidence.found', { name: label(p.name), version: py.packages[p.name]?.version ?? '?', python: py.version ?? '?', path: py.path })));
      } else missing.push(p);
    }
    if (!missing.length) return { status: 'pass', observed: msg('checks:software.python-packages.observed.all'), expected, evidence };
    const requiredMissing = missing.some((p) => p.required);
    const names = missing.map((p) => label(p.name)).join(', ');
    return {
      status: requiredMissing ? 'fail' : 'warn',
      required: requiredMissing,
      observed: msg('checks:software.python-packages.observed.missing', { list: names }),
      expected,
      evidence: [...evidence, ...missing.map((p) => msg('checks:software.python-packages.evidence.missing', { name: label(p.name), count: facts.software.python.length }))],
      fix: facts.software.python.length ? msg('checks:software.python-packages.fix.install', { list: missing.map((p) => (p.name === 'torch' ? 'torch' : p.name)).join(' ') }) : msg('checks:software.python.fix.install', { min: '3' }),
    };
  },
});

export const softwareR = define({
  id: 'software.r',
  area: 'software',
  reads: ['software'],
  rule: (req) => req.software?.r,
  judge: (facts, rule) =>
    notLookedFor(facts, 'r') ??
    judgeInstalled(facts.software.r, rule, {
      keys: 'checks:software.r',
      defaultMin: '4',
      evidence: (r) => msg('checks:software.r.evidence.found', { version: r.version ?? '?', path: r.path }),
    }),
});
