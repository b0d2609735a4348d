// The one attention order (issue 29): required failures, required unknowns, advisory failures and
// warnings; advisory checks that could not be read collapse into groups by reason.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attentionOf, attentionRank, unreadReason } from '../../../shared/report/attention';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { msg, verdictOf, type CheckResult } from '../../../shared/check';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { loadFixture } from '../../fixtures/facts/machines';
import { checkResult } from '../../fixtures/results';

const because = (r: CheckResult, ...evidence: CheckResult['evidence']): CheckResult => ({ ...r, evidence });

describe('attentionOf', () => {
  it('puts what decides the verdict first, advisory findings after, in the checks’ own order within a rank', () => {
    const a = attentionOf([
      checkResult('adv-warn', 'warn', false),
      checkResult('req-unknown', 'unknown'),
      checkResult('adv-fail', 'fail', false),
      checkResult('pass', 'pass'),
      checkResult('req-fail', 'fail'),
      checkResult('adv-unknown', 'unknown', false),
      checkResult('req-fail-2', 'fail'),
    ]);
    expect(a.first.map((r) => r.id)).toEqual(['req-fail', 'req-fail-2', 'req-unknown', 'adv-fail', 'adv-warn']);
    expect(a.unreadCount).toBe(1);
    expect(a.passed.map((r) => r.id)).toEqual(['pass']);
  });

  it('groups advisory unknowns by reason: the window-only reasons read as one, largest group first', () => {
    const unreadable = (reason: string, via = 'window') => msg('osstate:common.unreadable', { via, '@reason': `osstate:reason.${reason}` });
    const a = attentionOf([
      because(checkResult('scale', 'unknown', false), unreadable('windowScale')),
      because(checkResult('touch', 'unknown', false), unreadable('windowTouch')),
      because(checkResult('sleep', 'unknown', false), unreadable('noSession', 'gsettings')),
      because(checkResult('mode', 'unknown', false), unreadable('noWindow')),
      because(checkResult('odd', 'unknown', false), msg('osstate:common.unreadable', { via: 'x', reason: 'exit 3' })),
      checkResult('nothing-said', 'unknown', false),
    ]);
    expect(a.unreadCount).toBe(6);
    expect(a.first).toEqual([]);
    expect(a.unread.map((g) => [g.reason.key, g.results.map((r) => r.id)])).toEqual([
      ['report:attention.reason.window', ['scale', 'touch', 'mode']],
      ['osstate:reason.noSession', ['sleep']],
      ['report:attention.reason.text', ['odd']],
      ['report:attention.reason.none', ['nothing-said']],
    ]);
    const es = createI18n('es');
    expect(renderMsg(es, a.unread[2]!.reason)).toBe('exit 3');
    expect(renderMsg(es, a.unread[0]!.reason)).toMatch(/solo la ventana/);
  });

  it('leaves out a status it does not know (e.g. a check that does not apply here)', () => {
    const odd = { ...checkResult('n/a', 'pass'), status: 'not-applicable' } as unknown as CheckResult;
    const a = attentionOf([odd, checkResult('f', 'fail')]);
    expect(a.first.map((r) => r.id)).toEqual(['f']);
    expect(a.unreadCount).toBe(0);
    expect(a.passed).toEqual([]);
    expect(attentionRank(odd)).toBeNull();
  });

  it('every result is in exactly one place, and the first one decides the verdict (property)', () => {
    const status = fc.constantFrom<CheckResult['status']>('pass', 'warn', 'fail', 'unknown');
    fc.assert(
      fc.property(fc.array(fc.tuple(status, fc.boolean()), { maxLength: 30 }), (xs) => {
        const results = xs.map(([s, req], i) => checkResult(`c${i}`, s, req));
        const a = attentionOf(results);
        const placed = [...a.first, ...a.unread.flatMap((g) => g.results), ...a.passed].map((r) => r.id).sort();
        expect(placed).toEqual(results.map((r) => r.id).sort());
        const v = verdictOf(results);
        if (v === 'not-ready') expect(a.first[0]).toMatchObject({ status: 'fail', required: true });
        if (v === 'incomplete') expect(a.first[0]).toMatchObject({ status: 'unknown', required: true });
        // nothing advisory before something required that decides
        const ranks = a.first.map((r) => (r.required && r.status !== 'warn' ? 0 : 1));
        expect([...ranks].sort()).toEqual(ranks);
      }),
    );
  });

  it('a real machine with no desktop session: its undetermined advisory checks fall into a few named reasons', () => {
    const p = findProfile('mitx-sds-capstone')!;
    const results = evaluate(p, loadFixture('linux-container-ci')) as CheckResult[];
    const a = attentionOf(results);
    expect(a.unread.length).toBeGreaterThan(0);
    for (const g of a.unread) expect(renderMsg(createI18n('pt'), g.reason)).not.toMatch(/^\s*$|@|\{\{/);
    expect(a.unread.every((g) => g.results.every((r) => unreadReason(r).key === g.reason.key))).toBe(true);
  });
});
