// Software the exam needs: Python (and packages such as PyTorch) and R.
import { msg } from '../check';
import { compareVersions, define, failOrWarn } from './template';

const meets = (version: string | null, min: string | undefined) => (version === null ? null : !min || compareVersions(version, min) >= 0);

export const softwarePython = define({
  id: 'software.python',
  area: 'software',
  reads: ['software'],
  rule: (req) => req.software?.python,
  judge: (facts, req) => {
    const rule = req.software!.python!;
    const list = facts.software.python;
    const expected = msg(rule.minVersion ? 'checks:software.python.expected.min' : 'checks:software.python.expected.any', { min: rule.minVersion ?? '' });
    const evidence = list.map((p) => msg('checks:software.python.evidence.found', { version: p.version ?? '?', path: p.path, via: p.via }));
    if (!list.length) return { status: failOrWarn(rule.required), observed: msg('checks:software.python.observed.none'), expected, fix: msg('checks:software.python.fix.install', { min: rule.minVersion ?? '3' }) };
    const good = list.filter((p) => meets(p.version, rule.minVersion));
    const observed = msg('checks:software.python.observed.list', { versions: list.map((p) => p.version ?? '?').join(', ') });
    if (good.length) return { status: 'pass', observed, expected, evidence };
    if (list.every((p) => p.version === null)) return { status: 'unknown', observed, expected, evidence, fix: msg('checks:software.python.fix.install', { min: rule.minVersion ?? '3' }) };
    return { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg('checks:software.python.fix.upgrade', { min: rule.minVersion ?? '3' }) };
  },
});

export const softwarePythonPackages = define({
  id: 'software.python-packages',
  area: 'software',
  reads: ['software'],
  rule: (req) => {
    const pk = req.software?.python?.packages ?? [];
    return pk.length ? { required: pk.some((p) => p.required), source: pk.find((p) => p.source)?.source } : undefined;
  },
  judge: (facts, req) => {
    const packages = req.software!.python!.packages;
    const label = (name: string) => packages.find((p) => p.name === name)?.label ?? name;
    const labels = (list: typeof packages) => list.map((p) => label(p.name)).join(', ');
    const expected = msg('checks:software.python-packages.expected', { list: labels(packages) });
    // facts collected for another exam may not have looked for these packages
    const notAsked = packages.filter((p) => !facts.software.pythonPackagesAsked.includes(p.name));
    if (notAsked.length) return { status: 'unknown', expected, evidence: [msg('checks:software.python-packages.evidence.notAsked', { list: notAsked.map((p) => p.name).join(', ') })], fix: msg('checks:common.fix.rerun') };
    const pythons = facts.software.python;
    const command = facts.software.pythonDefault?.command ?? 'python3';
    const evidence = pythons.flatMap((py) =>
      packages.filter((p) => py.packages[p.name]?.found).map((p) => msg('checks:software.python-packages.evidence.found', { name: label(p.name), version: py.packages[p.name]?.version ?? '?', python: py.version ?? '?', path: py.path })),
    );
    // Code runs in one interpreter: NumPy in one Python and PyTorch in another is not "installed".
    // The best interpreter has every package, or else the most required ones; the plain command's wins ties.
    const has = (py: (typeof pythons)[number], list: typeof packages) => list.filter((p) => py.packages[p.name]?.found).length;
    const required = packages.filter((p) => p.required);
    const ranked = [...pythons].sort((a, b) => has(b, required) - has(a, required) || has(b, packages) - has(a, packages) || Number(b.default ?? false) - Number(a.default ?? false));
    const best = ranked[0];
    const dflt = pythons.find((py) => py.default);
    const missing = best ? packages.filter((p) => !best.packages[p.name]?.found) : packages;
    const where = best ? { python: best.version ?? '?', path: best.path, command } : null;
    const defaultNote = !best || !facts.software.pythonDefault ? [] : best.default
      ? [msg('checks:software.python-packages.evidence.isDefault', { command, path: best.path })]
      : [msg('checks:software.python-packages.evidence.notDefault', { command, path: dflt?.path ?? facts.software.pythonDefault.path ?? '?' })];
    if (best && !missing.length) {
      const observed = msg('checks:software.python-packages.observed.allIn', { list: labels(packages), ...where! });
      // all there, but not in the Python a learner gets by typing the command: say which to use
      if (facts.software.pythonDefault && !best.default) {
        const lacking = packages.filter((p) => !dflt?.packages[p.name]?.found);
        return { status: 'warn', observed, expected, evidence: [...defaultNote, ...evidence], fix: msg('checks:software.python-packages.fix.useThis', { path: best.path, command, list: lacking.map((p) => p.name).join(' ') }) };
      }
      return { status: 'pass', observed, expected, evidence: [...defaultNote, ...evidence] };
    }
    const requiredMissing = missing.some((p) => p.required);
    // every package exists somewhere, only never together: install the rest into the best one
    const split = pythons.length > 1 && missing.every((p) => pythons.some((py) => py.packages[p.name]?.found));
    return {
      status: requiredMissing ? 'fail' : 'warn',
      required: requiredMissing,
      observed: split ? msg('checks:software.python-packages.observed.split', { list: labels(missing), ...where! }) : msg('checks:software.python-packages.observed.missing', { list: labels(missing) }),
      expected,
      evidence: [...defaultNote, ...evidence, ...missing.map((p) => msg('checks:software.python-packages.evidence.missing', { name: label(p.name), count: pythons.length }))],
      fix: !best ? msg('checks:software.python.fix.install', { min: '3' })
        : split || !best.default ? msg('checks:software.python-packages.fix.installInto', { path: best.path, list: missing.map((p) => p.name).join(' ') })
          : msg('checks:software.python-packages.fix.install', { list: missing.map((p) => p.name).join(' ') }),
    };
  },
});

export const softwareR = define({
  id: 'software.r',
  area: 'software',
  reads: ['software'],
  rule: (req) => req.software?.r,
  judge: (facts, req) => {
    const rule = req.software!.r!;
    const list = facts.software.r;
    const expected = msg(rule.minVersion ? 'checks:software.r.expected.min' : 'checks:software.r.expected.any', { min: rule.minVersion ?? '' });
    if (!list.length) return { status: failOrWarn(rule.required), observed: msg('checks:software.r.observed.none'), expected, fix: msg('checks:software.r.fix.install', { min: rule.minVersion ?? '4' }) };
    const evidence = list.map((r) => msg('checks:software.r.evidence.found', { version: r.version ?? '?', path: r.path }));
    const observed = msg('checks:software.r.observed.list', { versions: list.map((r) => r.version ?? '?').join(', ') });
    if (list.some((r) => meets(r.version, rule.minVersion))) return { status: 'pass', observed, expected, evidence };
    if (list.every((r) => r.version === null)) return { status: 'unknown', observed, expected, evidence, fix: msg('checks:software.r.fix.install', { min: rule.minVersion ?? '4' }) };
    return { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg('checks:software.r.fix.upgrade', { min: rule.minVersion ?? '4' }) };
  },
});
