// The shared "at least" helpers and the typed rule template: each behaviour the checks built on
// them rely on, tested once here.
import { describe, expect, it } from 'vitest';
import { msg } from '../../../shared/check';
import { defineMinimum, judgeInstalled, meetsVersion, type AmountRule, type MinimumDef } from '../../../shared/rules/minimum';
import { anyRequired, define, runCheck } from '../../../shared/rules/template';
import { findProfile } from '../../../shared/profile/load';
import { machines } from '../../fixtures/facts/machines';

const profile = structuredClone(findProfile('mitx-pom-final')!);

/** An advisory minimum of 4 in the CPU check's words; each test sets only what it is about. */
const minimum = (over: Partial<MinimumDef<AmountRule>>) =>
  defineMinimum({
    id: 'x',
    area: 'system',
    reads: ['device'],
    rule: () => ({ value: 4, required: false }),
    measure: () => 3.8,
    expected: () => msg('checks:hardware.cpu.expected'),
    observed: () => msg('checks:hardware.cpu.observed'),
    fix: () => msg('checks:hardware.cpu.fix'),
    ...over,
  });

describe('defineMinimum', () => {
  const cores = minimum({
    id: 'hardware.cpu',
    rule: () => ({ value: 4, required: true }),
    measure: (f) => f.device.cpu.cores,
    expected: (r) => msg('checks:hardware.cpu.expected', { min: r.value }),
    observed: (have) => msg('checks:hardware.cpu.observed', { have }),
    fix: (r) => msg('checks:hardware.cpu.fix', { min: r.value }),
  });
  const withCores = (n: number | null) => {
    const f = machines.good();
    f.device.cpu.cores = n;
    return f;
  };

  it('passes at the minimum, fails below it (required), and says unknown when nothing was reported', () => {
    expect(runCheck(cores, profile, withCores(4))).toMatchObject({
      status: 'pass',
      observed: { key: 'checks:hardware.cpu.observed', params: { have: 4 } },
      fix: null,
    });
    expect(runCheck(cores, profile, withCores(2))).toMatchObject({
      status: 'fail',
      required: true,
      fix: { key: 'checks:hardware.cpu.fix', params: { min: 4 } },
    });
    expect(runCheck(cores, profile, withCores(null))).toMatchObject({ status: 'unknown', observed: null, evidence: [{ key: 'checks:common.notReported' }] });
  });

  it('an advisory minimum warns; a custom comparison is used', () => {
    const advisory = minimum({ meets: (h, m) => h + 0.25 >= m });
    expect(runCheck(advisory, profile, machines.good())!.status).toBe('pass');
    const strict = minimum({});
    expect(runCheck(strict, profile, machines.good())).toMatchObject({ status: 'warn', required: false });
  });
});

describe('judgeInstalled', () => {
  const o = {
    keys: 'checks:software.r' as const,
    defaultMin: '4',
    evidence: (x: { version: string | null }) => msg('checks:software.r.evidence.found', { v: x.version ?? '?' }),
  };
  it('none installed fails with the install fix (default minimum when the rule names none)', () => {
    expect(judgeInstalled([], { required: true }, o)).toEqual({
      status: 'fail',
      observed: { key: 'checks:software.r.observed.none' },
      expected: { key: 'checks:software.r.expected.any', params: { min: '' } },
      fix: { key: 'checks:software.r.fix.install', params: { min: '4' } },
    });
  });
  it('any copy new enough passes; all versions unknown is unknown; all too old fails with the upgrade fix', () => {
    expect(judgeInstalled([{ version: '3.6' }, { version: '4.3.1' }], { required: true, minVersion: '4.1' }, o).status).toBe('pass');
    expect(judgeInstalled([{ version: null }], { required: true, minVersion: '4.1' }, o)).toMatchObject({
      status: 'unknown',
      fix: { key: 'checks:software.r.fix.install', params: { min: '4.1' } },
    });
    expect(judgeInstalled([{ version: '3.6' }, { version: null }], { required: false, minVersion: '4.1' }, o)).toMatchObject({
      status: 'warn',
      fix: { key: 'checks:software.r.fix.upgrade' },
      evidence: [
        { key: 'checks:software.r.evidence.found', params: { v: '3.6' } },
        { key: 'checks:software.r.evidence.found', params: { v: '?' } },
      ],
    });
  });
  it('meetsVersion compares part by part and accepts any version without a minimum', () => {
    expect(meetsVersion('10.0.22631', '10')).toBe(true);
    expect(meetsVersion('3.9', '3.10')).toBe(false);
    expect(meetsVersion('1', undefined)).toBe(true);
    expect(meetsVersion(null, '1')).toBeNull();
  });
});

describe('typed rules', () => {
  it('the judge receives the value its rule picked out, not the whole requirements', () => {
    const seen: unknown[] = [];
    const def = define({
      id: 'x',
      area: 'system',
      reads: ['os'],
      rule: (req) => (req.os ? { required: false, count: req.os.minimumVersions.length } : undefined),
      judge: (_f, rule) => {
        seen.push(rule.count);
        return { status: 'pass' };
      },
    });
    runCheck(def, profile, machines.good());
    expect(seen).toEqual([profile.requirements.os!.minimumVersions.length]);
  });
  it('anyRequired: required if any sub-rule is, the first source, nothing for an empty list', () => {
    expect(anyRequired([])).toBeUndefined();
    expect(anyRequired([{ required: false }, { required: true, source: { source: 'faq' } }])).toEqual({ required: true, source: { source: 'faq' } });
  });
});
