// Words that never contradict each other (issues 24 and 29): what a check says the exam asks is
// worded from its rule's tier — required: "must"; advisory: "recommended", naming who requires it
// when the source says — and no catalog text a check shows as "expected" says "not allowed" on its
// own, so an advisory rule can never read as a prohibition. Checked on every fixture machine against
// every built-in exam (and every OS state switched on), in English, Spanish and Portuguese.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules';
import { builtinProfiles, findProfile } from '../../../shared/profile/load';
import { createI18n, LANGUAGES, renderMsg } from '../../../shared/i18n';
import { CATALOGS } from '../../../shared/i18n/catalogs';
import { FIXTURE_NAMES, loadFixture } from '../../fixtures/facts/machines';
import { ALL_OS_STATE_RULES, osStateMachines } from '../../fixtures/facts/os-state';
import type { CheckResult } from '../../../shared/check';

/** A prohibition, in each language: never in an advisory rule's words. */
const FORBIDS = /not allowed|not permitted|no se permit|no está permitid|não são permitid|não é permitid|proibid|prohibid/i;
const MUST: Record<string, RegExp> = { en: /\bmust\b/, es: /\bdebes\b/, pt: /\bdeve\b/ };
const RECOMMENDED: Record<string, RegExp> = { en: /\brecommended\b/, es: /\brecomendad[oa]\b/, pt: /\brecomendad[oa]\b/ };

const everything = () => {
  const p = structuredClone(findProfile('mitx-pom-final')!);
  p.requirements.osState = ALL_OS_STATE_RULES;
  return p;
};

function allResults(): CheckResult[] {
  const out: CheckResult[] = [];
  const machines = [...FIXTURE_NAMES.map(loadFixture), osStateMachines.windowsCalm(), osStateMachines.windowsTroubled()];
  for (const p of [...builtinProfiles(), everything()]) for (const f of machines) out.push(...evaluate(p, f));
  return out;
}

describe('the expected wording follows the rule tier', () => {
  const results = allResults().filter((r) => r.expected);

  it('covers required and advisory rules, and an advisory rule that names who requires it', () => {
    expect(results.some((r) => r.required)).toBe(true);
    expect(results.some((r) => !r.required)).toBe(true);
    expect(results.some((r) => r.expected!.key === 'checks:common.tier.advisoryWho' && r.expected!.params?.who === 'ProctorU')).toBe(true);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: required says "must", advisory says "recommended" and never forbids`, () => {
      const i18n = createI18n(lang);
      for (const r of results) {
        const text = renderMsg(i18n, r.expected);
        if (r.required) expect(text, `${r.id}: ${text}`).toMatch(MUST[lang]!);
        else {
          expect(text, `${r.id}: ${text}`).toMatch(RECOMMENDED[lang]!);
          expect(text, `${r.id}: ${text}`).not.toMatch(FORBIDS);
        }
      }
    });
  }

  it('no catalog text shown as what a check expects forbids on its own (the tier decides), in en, es and pt', () => {
    const keys = new Set(results.map((r) => String(r.expected!.params?.['@what'] ?? r.expected!.key)));
    expect(keys.size).toBeGreaterThan(20);
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      for (const key of keys) expect(i18n.t(key), `${lang} ${key}`).not.toMatch(FORBIDS);
      // and every "expected" text of the check catalogs, whether a fixture reaches it or not
      const walk = (o: unknown, path: string): void => {
        if (typeof o === 'string') {
          if (/\.expected(\.|$)/.test(path)) expect(o, `${lang} ${path}`).not.toMatch(FORBIDS);
          return;
        }
        if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
      };
      for (const ns of ['checks', 'osstate', 'profiles', 'devices'] as const) walk(CATALOGS[lang][ns], ns);
    }
  });
});
