// Issue 18 rewrote the built-in profiles as a shared MITx base plus small diffs, with catalogs and
// a calendar-based browser rule. The verdicts must not move: every fixture machine against every
// built-in gives the same check statuses as before the rewrite (tests/fixtures/verdicts-before-issue-18.json,
// recorded from the old profiles), except the deliberate corrections listed below, each with its reason.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { evaluate } from '../../../shared/rules';
import { builtinProfiles } from '../../../shared/profile/load';
import { verdictOf } from '../../../shared/check';
import { FactsSchema } from '../../../shared/facts';

type Table = Record<string, Record<string, string[]>>;
const BEFORE = JSON.parse(readFileSync('tests/fixtures/verdicts-before-issue-18.json', 'utf8')) as Table;

/**
 * fixture → profile → { entry before: entry now }, one line per deliberate change (issue 11 §3 and
 * the source audit of issue 18). Anything else that moves fails the test.
 */
const DELIBERATE: Record<string, Record<string, Record<string, string>>> = {};

function now(): Table {
  const out: Table = {};
  for (const f of readdirSync('tests/fixtures/facts').filter((x) => x.endsWith('.json')).sort()) {
    const facts = FactsSchema.parse(JSON.parse(readFileSync(`tests/fixtures/facts/${f}`, 'utf8')));
    const name = f.replace(/\.json$/, '');
    out[name] = {};
    for (const p of builtinProfiles()) {
      const rs = evaluate(p, facts);
      out[name][p.id] = [`verdict:${verdictOf(rs)}`, ...rs.map((r) => `${r.id}:${r.status}${r.required ? '!' : ''}`)];
    }
  }
  return out;
}

describe('built-in verdicts on every fixture machine, before and after the issue 18 rewrite', () => {
  const after = now();
  it('covers every fixture file and every built-in profile of the baseline', () => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(BEFORE).sort());
    for (const f of Object.keys(BEFORE)) expect(Object.keys(after[f]!).sort(), f).toEqual(Object.keys(BEFORE[f]!).sort());
  });
  for (const fixture of Object.keys(BEFORE)) {
    for (const profile of Object.keys(BEFORE[fixture]!)) {
      it(`${fixture} × ${profile}`, () => {
        const changes = DELIBERATE[fixture]?.[profile] ?? {};
        const expected = BEFORE[fixture]![profile]!.map((e) => changes[e] ?? e).filter((e) => e !== '');
        // a new check (e.g. a rule added on purpose) is listed in the changes under "+<entry>"
        const added = Object.keys(changes).filter((k) => k.startsWith('+')).map((k) => k.slice(1));
        expect([...after[fixture]![profile]!].sort()).toEqual([...expected, ...added].sort());
      });
    }
  }
  it('every deliberate change names a fixture, profile and entry that exist', () => {
    for (const [f, byProfile] of Object.entries(DELIBERATE)) {
      for (const [p, changes] of Object.entries(byProfile)) {
        for (const k of Object.keys(changes)) if (!k.startsWith('+')) expect(BEFORE[f]?.[p], `${f}/${p}`).toContain(k);
      }
    }
  });
});
