// Integration: the real inspectors on this machine (no fakes) for the SDS exams, asserting what a
// learner with this machine would see. CI installs Debian's r-base-core, python3-numpy and
// python3-torch, so there R is found with its version and /usr/bin/python3 has NumPy and PyTorch.
// On a machine without them the same tests check what such a learner sees: a failed check that
// says to install them — never a pass.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { collectArea } from '../../../electron/inspect';
import { realDeps } from '../../../electron/inspect/deps';
import { memoryCache } from '../../../electron/inspect/probe-cache';
import { evaluate } from '../../../shared/rules';
import { findProfile, inspectRequestFor } from '../../../shared/profile/load';
import { FactsSchema, type Facts } from '../../../shared/facts';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { loadFixture } from '../../fixtures/facts/machines';

const en = createI18n('en');
const ml = findProfile('mitx-sds-ml')!;
const capstone = findProfile('mitx-sds-capstone')!;

/** What this machine really has, asked directly (the expectations, not the code under test). */
function rscriptVersion(): string | null {
  try {
    const out = execFileSync('Rscript', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null;
  } catch (e) {
    return /(\d+\.\d+\.\d+)/.exec(String((e as { stderr?: unknown }).stderr ?? ''))?.[1] ?? null;
  }
}
function systemPythonHas(mods: string[]): boolean {
  if (!existsSync('/usr/bin/python3')) return false;
  try {
    execFileSync(
      '/usr/bin/python3',
      ['-I', '-c', `import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ${JSON.stringify(mods)}) else 1)`],
      { cwd: '/' },
    );
    return true;
  } catch {
    return false;
  }
}

/** The software facts of this machine, with the real probes, for a given PATH. */
async function softwareFacts(env: NodeJS.ProcessEnv): Promise<Facts> {
  const deps = { ...realDeps(memoryCache()), env };
  const software = await collectArea('software', inspectRequestFor(ml, { networkChecks: false }), deps, 30_000);
  const facts = loadFixture('linux-good');
  facts.software = software;
  return FactsSchema.parse(facts);
}
const result = (facts: Facts, id: string, profile = ml) => {
  const r = evaluate(profile, facts).find((x) => x.id === id)!;
  return {
    ...r,
    text: [r.observed, ...r.evidence, r.fix]
      .filter(Boolean)
      .map((m) => renderMsg(en, m!))
      .join(' | '),
  };
};

const R_VERSION = rscriptVersion();
const TORCH = systemPythonHas(['numpy', 'torch']);
// A fresh Debian machine: no pyenv, no conda — `python3` is /usr/bin/python3.
const FRESH_PATH = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME, PYENV_ROOT: '/nonexistent-pyenv' };

describe('real inspectors on this machine (SDS exams)', () => {
  it(R_VERSION ? `R is found with its version (${R_VERSION}) and the R check passes` : 'no R here: the R check fails and says to install it', async () => {
    const facts = await softwareFacts(FRESH_PATH);
    const r = result(facts, 'software.r', capstone);
    if (R_VERSION) {
      expect(facts.software.r.map((x) => x.version)).toContain(R_VERSION);
      expect(r.status).toBe('pass');
      expect(r.text).toContain(R_VERSION);
    } else {
      expect(facts.software.r).toEqual([]);
      expect(r.status).not.toBe('pass');
      expect(r.text).toMatch(/install/i);
    }
  });

  it(
    TORCH ? 'the Python with both NumPy and PyTorch is named, and the ML packages check passes' : 'no NumPy + PyTorch here: the packages check does not pass',
    async () => {
      const facts = await softwareFacts(FRESH_PATH);
      const r = result(facts, 'software.python-packages');
      if (TORCH) {
        const withBoth = facts.software.python.filter((p) => p.packages.numpy?.found && p.packages.torch?.found);
        expect(withBoth.map((p) => realpathSync(p.path))).toContain(realpathSync('/usr/bin/python3'));
        expect(r.status).toBe('pass');
        expect(r.text).toContain('/usr/bin/python3');
        expect(r.text).toContain('This is the Python that `python3` starts');
        expect(facts.software.python.find((p) => p.default)?.packages.torch?.version).toMatch(/^\d+\.\d+/);
        // and every software check of the ML exam passes on this machine
        const software = evaluate(ml, facts).filter((x) => x.area === 'software');
        expect(software.map((x) => `${x.id}:${x.status}`).filter((s) => !s.endsWith(':pass'))).toEqual([]);
      } else {
        expect(r.status).not.toBe('pass');
      }
    },
  );

  it("with this process's own PATH (pyenv, conda …) the result names the Python `python3` really starts", async () => {
    const facts = await softwareFacts(process.env);
    const r = result(facts, 'software.python-packages');
    const dflt = facts.software.python.find((p) => p.default);
    if (!dflt) return expect(facts.software.pythonDefault?.path ?? null).toBeNull();
    const hasBoth = dflt.packages.numpy?.found && dflt.packages.torch?.found;
    if (hasBoth) expect(r.status).toBe('pass');
    else if (TORCH) {
      // e.g. this workstation: pyenv's 3.11 is what `python3` starts, Debian's has PyTorch
      expect(r.status).toBe('warn');
      expect(r.text).toContain(`\`python3\` starts another Python: ${dflt.path}`);
    } else expect(r.status).not.toBe('pass');
  });
});
