// Issue 13: profile patterns run on a linear-time engine; unusable patterns are refused at load.
import { describe, expect, it } from 'vitest';
import { findProfile, parseProfile, safeParseProfile } from '../../../shared/profile/load';
import { evaluate } from '../../../shared/rules';
import { loadFixture } from '../../fixtures/facts/machines';

const withPatterns = (versionPattern: string, model: string) => {
  const p = structuredClone(findProfile('mitx-sds-capstone')!);
  p.requirements.os!.blockedVersions = [{ platform: 'windows', versionPattern, label: 'evil', required: true }];
  p.requirements.device!.blockedModels = [{ manufacturer: '.*', model, label: 'evil', required: true }];
  return p;
};

describe('profile patterns', () => {
  it('a catastrophic pattern against a long fact finishes quickly (linear-time engine)', () => {
    const f = loadFixture('windows-laptop-good');
    // with backtracking, each added "a" doubles the work: 30 of them take many seconds
    f.os.version = `${'a'.repeat(30)}!`;
    f.device.model = `${'a'.repeat(30)}!`;
    const profile = parseProfile(withPatterns('^(a+)+$', '^(a|a)+$'), 'evil.json');
    const results = evaluate(profile, f);
    expect(results.find((r) => r.id === 'os.blocked-versions' || r.id.startsWith('os.'))).toBeDefined();
  }, 3000);

  it('patterns still match as before (case-insensitive model, case-sensitive version)', () => {
    const f = loadFixture('windows-laptop-good');
    f.os.version = 'aaaa';
    f.device.manufacturer = 'Microsoft';
    f.device.model = 'AAAA';
    const results = evaluate(parseProfile(withPatterns('^(a+)+$', '^(a|a)+$'), 'p.json'), f);
    const failed = results.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(failed.some((id) => id.startsWith('os.'))).toBe(true);
    expect(failed.some((id) => id.startsWith('device.'))).toBe(true);
  });

  it('a pattern RE2 cannot run (backreference, lookbehind) is refused at load with a clear message', () => {
    for (const bad of ['(a)\\1', '(?<=a)b']) {
      const r = safeParseProfile(withPatterns(bad, 'x'), 'admin.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/versionPattern: .*RE2/);
    }
  });
});
