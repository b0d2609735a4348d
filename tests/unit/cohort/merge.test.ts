// The cohort aggregates merge: `summarize` splits the files into batches, each worker thread counts
// its batch into a partial, and the partials are merged in walk order. Whatever the split, the
// summary must be the one a single pass over every file gives, caps included (the first values,
// ids and fixes seen keep their own rows; the rest go to "other" or are counted as omitted).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msg, type CheckStatus } from '../../../shared/check';
import {
  addReport,
  addSkip,
  createCohort,
  emptyPartial,
  mergePartials,
  summaryOf,
  type CohortLimits,
  type CohortPartial,
  type CohortReport,
} from '../../../shared/cohort/accumulator';
import { machines } from '../../fixtures/facts/machines';
import { makeReport } from './helpers';

const BASES = [makeReport(machines.good()), makeReport(machines.surfaceLaptop()), makeReport(machines.probeTimeouts()), makeReport(machines.mac())];
const STATUSES: CheckStatus[] = ['pass', 'fail', 'unknown', 'warn', 'not-applicable'];
const FIXES = [msg('checks:device.model.fix.other'), msg('checks:device.form-factor.fix'), null];

type Item = { kind: 'report'; file: string; report: CohortReport } | { kind: 'skip'; file: string };

/** A report varied where the caps bite: maker, browser, day, check ids, statuses and fixes. */
const reportArb = fc
  .record({
    base: fc.nat(BASES.length - 1),
    maker: fc.nat(6),
    browser: fc.nat(4),
    day: fc.nat(9),
    hour: fc.nat(2),
    edits: fc.array(fc.record({ at: fc.nat(40), id: fc.nat(7), status: fc.nat(4), fix: fc.nat(2) }), { maxLength: 4 }),
  })
  .map((o): CohortReport => {
    const r = structuredClone(BASES[o.base]!);
    r.facts.device.manufacturer = `Maker ${o.maker}`;
    r.facts.browsers.browsers = r.facts.browsers.browsers.slice(0, 1).map((b) => ({ ...b, id: 'other', name: `Browser ${o.browser}` }));
    r.createdAt = new Date(Date.UTC(2026, 10, 1 + o.day, o.hour)).toISOString();
    for (const e of o.edits) {
      const res = r.results[e.at % r.results.length]!;
      res.id = `made-up.${e.id}`;
      res.status = STATUSES[e.status]!;
      res.fix = FIXES[e.fix] ?? null;
    }
    r.verdict = o.base === 0 ? 'ready' : o.base === 2 ? 'incomplete' : 'not-ready';
    return r;
  });

const itemsArb = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.nat(30), reportArb).map(([n, report]): Item => ({ kind: 'report', file: `lab/${n}.json`, report })) },
    { weight: 1, arbitrary: fc.nat(30).map((n): Item => ({ kind: 'skip', file: `bad/${n}.json` })) },
  ),
  { maxLength: 40 },
);

const LIMITS: CohortLimits = { needsHelp: 3, skipped: 2, breakdownValues: 3, checks: 4, fixesPerCheck: 1, days: 3 };

const feed = (p: ReturnType<typeof emptyPartial>, items: readonly Item[]) => {
  for (const x of items)
    if (x.kind === 'report') addReport(p, x.file, x.report);
    else addSkip(p, x.file, 'not-json', msg('viewer:open.notJson', { file: x.file, detail: 'x' }));
  return p;
};

/** Cut points → contiguous batches, in order. */
const split = <T>(xs: readonly T[], cuts: number[]): T[][] => {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const c of [...at, xs.length]) {
    out.push(xs.slice(from, c));
    from = c;
  }
  return out;
};

const whole = (items: readonly Item[], limits: Partial<CohortLimits>) => {
  const c = createCohort({ limits });
  for (const x of items)
    if (x.kind === 'report') c.add(x.file, x.report);
    else c.skip(x.file, 'not-json', msg('viewer:open.notJson', { file: x.file, detail: 'x' }));
  return c.summary();
};

describe('cohort partials merge', () => {
  for (const [name, limits] of [
    ['tight caps', LIMITS],
    ['the default caps', {}],
  ] as const)
    it(`merge(split) == whole, with ${name}`, () => {
      fc.assert(
        fc.property(itemsArb, fc.array(fc.nat(50), { maxLength: 5 }), (items, cuts) => {
          // batches are counted uncapped (as a worker does), then merged into the capped run
          const total = emptyPartial(limits);
          for (const batch of split(items, cuts)) mergePartials(total, feed(emptyPartial(null), batch));
          expect(summaryOf(total, null)).toEqual(whole(items, limits));
        }),
        { seed: 2027, numRuns: 150 },
      );
    });

  it('is associative: (a·b)·c and a·(b·c) summarise the same', () => {
    fc.assert(
      fc.property(itemsArb, itemsArb, itemsArb, (a, b, c) => {
        const [pa, pb, pc] = [a, b, c].map((xs) => feed(emptyPartial(null), xs)) as [CohortPartial, CohortPartial, CohortPartial];
        const left = mergePartials(mergePartials(structuredClone(pa), pb), pc);
        const right = mergePartials(structuredClone(pa), mergePartials(structuredClone(pb), pc));
        expect(summaryOf(left, null, LIMITS)).toEqual(summaryOf(right, null, LIMITS));
        expect(summaryOf(left, null, LIMITS)).toEqual(whole([...a, ...b, ...c], LIMITS));
      }),
      { seed: 2027, numRuns: 100 },
    );
  });

  it('survives postMessage as it is (a worker hands its partial back by structured clone)', () => {
    const items: Item[] = BASES.map((report, i) => ({ kind: 'report', file: `${i}.json`, report }));
    const p = feed(emptyPartial(null), items);
    expect(summaryOf(mergePartials(emptyPartial(), structuredClone(p)), null)).toEqual(whole(items, {}));
  });

  it('refuses a capped partial on the right: what it cut could be a value the left still counts', () => {
    expect(() => mergePartials(emptyPartial(), emptyPartial(LIMITS))).toThrow(/left side/);
  });
});
