// Packages a profile asks for count only when they are in ONE interpreter, and the result says
// which, and whether it is the one the plain `python3` command starts.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import type { Facts } from '../../../shared/facts';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { loadFixture } from '../../fixtures/facts/machines';

const en = createI18n('en');
// the ML exam's profile asking for two packages (it names PyTorch; NumPy is added so "split" can happen)
const ml = structuredClone(findProfile('mitx-sds-ml')!);
const torch = ml.requirements.software!.python!.packages.find((p) => p.name === 'torch')!;
ml.requirements.software!.python!.packages = [{ ...torch, name: 'numpy', label: 'NumPy' }, torch];
type Py = Facts['software']['python'][number];
const py = (path: string, version: string, pk: Record<string, string>, isDefault?: boolean): Py => ({
  path,
  version,
  via: 'path',
  packages: Object.fromEntries(['numpy', 'torch'].map((n) => [n, { found: n in pk, version: pk[n] ?? null }])),
  ...(isDefault === undefined ? {} : { default: isDefault }),
});
const facts = (python: Py[], defaultPath?: string | null): Facts => {
  const f = loadFixture('linux-good');
  f.software.python = python;
  f.software.pythonPackagesAsked = ['numpy', 'torch'];
  if (defaultPath === undefined) delete f.software.pythonDefault;
  else f.software.pythonDefault = { command: 'python3', path: defaultPath };
  return f;
};
const packagesCheck = (f: Facts) => {
  const r = evaluate(ml, f).find((x) => x.id === 'software.python-packages')!;
  return {
    status: r.status,
    observed: r.observed ? renderMsg(en, r.observed) : '',
    evidence: r.evidence.map((e) => renderMsg(en, e)).join(' | '),
    fix: r.fix ? renderMsg(en, r.fix) : '',
  };
};

describe('Python packages: one interpreter', () => {
  it('NumPy in one Python and PyTorch in another fails, naming where to install the rest', () => {
    const r = packagesCheck(
      facts([py('/usr/bin/python3', '3.11.2', { numpy: '1.24' }, true), py('/opt/conda/bin/python3', '3.12.7', { torch: '2.5' }, false)], '/usr/bin/python3'),
    );
    expect(r.status).toBe('fail');
    expect(r.observed).toContain('not in the same Python');
    expect(r.fix).toMatch(/-m pip install/);
  });
  it('the ML profile as shipped: NumPy is advisory (its FAQ names only PyTorch), so a split warns and a missing PyTorch fails', () => {
    const shipped = findProfile('mitx-sds-ml')!;
    const check = (f: Facts) => evaluate(shipped, f).find((x) => x.id === 'software.python-packages')!;
    const split = check(
      facts([py('/usr/bin/python3', '3.11.2', { numpy: '1.24' }, true), py('/opt/conda/bin/python3', '3.12.7', { torch: '2.5' }, false)], '/usr/bin/python3'),
    );
    expect(split.status).toBe('warn');
    expect(renderMsg(en, split.fix)).toMatch(/\/opt\/conda\/bin\/python3 -m pip install numpy/);
    expect(check(facts([py('/usr/bin/python3', '3.11.2', { numpy: '1.24' }, true)], '/usr/bin/python3')).status).toBe('fail');
  });
  it('both in the Python `python3` starts: pass, and it says so', () => {
    const r = packagesCheck(facts([py('/usr/bin/python3', '3.11.2', { numpy: '1.24', torch: '1.13' }, true)], '/usr/bin/python3'));
    expect(r.status).toBe('pass');
    expect(r.observed).toBe('All in Python 3.11.2 (/usr/bin/python3)');
    expect(r.evidence).toContain('This is the Python that `python3` starts (/usr/bin/python3).');
  });
  it('both only in a Python other than the one `python3` starts: a warning naming both, with the way out', () => {
    const r = packagesCheck(
      facts(
        [py('/home/l/.pyenv/versions/3.11.7/bin/python3', '3.11.7', {}, true), py('/usr/bin/python3', '3.11.2', { numpy: '1.24', torch: '1.13' }, false)],
        '/home/l/.pyenv/versions/3.11.7/bin/python3',
      ),
    );
    expect(r.status).toBe('warn');
    expect(r.observed).toBe('All in Python 3.11.2 (/usr/bin/python3)');
    expect(r.evidence).toContain('`python3` starts another Python: /home/l/.pyenv/versions/3.11.7/bin/python3.');
    expect(r.fix).toContain('Run your course work with /usr/bin/python3');
  });
  it('facts from before the default was recorded: all in one interpreter passes', () => {
    expect(packagesCheck(facts([py('/usr/bin/python3', '3.11.2', { numpy: '1.24', torch: '1.13' })])).status).toBe('pass');
  });
});
