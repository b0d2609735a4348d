// The attempt engine with an injected clock: deadlines, expiry and auto-submit, early submit, no
// reopen, order and break rules, accommodations, warnings. No timers, no sleeps.
import { describe, expect, it } from 'vitest';
import {
  applyAccommodation,
  applyExpiry,
  createAttempt,
  openSection,
  remainingMs,
  saveAnswer,
  selfMark,
  setFlag,
  submitSection,
  viewQuestion,
  warningLevel,
  type ExamRuleError,
  type Accommodation,
  type Attempt,
} from '../../../shared/exam/attempt';
import { scoreAttempt, pacing } from '../../../shared/exam/scoring';
import { BANK, MIN, T0, settings } from './helpers';

const make = (over: Parameters<typeof settings>[0] = {}, accommodation: Accommodation = { kind: 'none' }, seed = 42) =>
  createAttempt({ id: 'att-1', profileId: 'p', settings: settings(over), bank: BANK, seed, accommodation, now: T0 });
const sec = (a: Attempt, id: string) => a.sections.find((s) => s.id === id)!;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as ExamRuleError).code;
  }
  return 'no error';
};

describe('sections and deadlines', () => {
  it('starts the clock when a section is opened and stores a deadline, not a counter', () => {
    const a = openSection(make(), 'a', T0 + 5 * MIN);
    expect(sec(a, 'a')).toMatchObject({ status: 'open', openedAt: T0 + 5 * MIN, deadline: T0 + 15 * MIN });
    expect(remainingMs(sec(a, 'a'), T0 + 12 * MIN)).toBe(3 * MIN);
    expect(sec(a, 'b').status).toBe('not-started');
  });

  it('auto-submits at the deadline with the saved answers, closed AT the deadline', () => {
    let a = openSection(make(), 'a', T0);
    a = saveAnswer(a, 'a', 'q-single', 'y', T0 + MIN);
    a = applyExpiry(a, T0 + 10 * MIN - 1);
    expect(sec(a, 'a').status).toBe('open');
    a = applyExpiry(a, T0 + 3 * 60 * MIN); // the app was closed for hours
    expect(sec(a, 'a')).toMatchObject({ status: 'expired', closedAt: T0 + 10 * MIN, answers: { 'q-single': 'y' } });
    expect(scoreAttempt(a).sections[0]!.earned).toBe(1);
  });

  it('refuses answers after the deadline even before expiry was applied', () => {
    const a = openSection(make(), 'a', T0);
    expect(code(() => saveAnswer(a, 'a', 'q-single', 'x', T0 + 10 * MIN))).toBe('closed');
  });

  it('lets the learner submit early; a submitted or expired section cannot be reopened', () => {
    let a = openSection(make(), 'a', T0);
    a = submitSection(a, 'a', T0 + 2 * MIN);
    expect(sec(a, 'a')).toMatchObject({ status: 'submitted', closedAt: T0 + 2 * MIN });
    expect(code(() => openSection(a, 'a', T0 + 3 * MIN))).toBe('closed');
    expect(code(() => saveAnswer(a, 'a', 'q-single', 'y', T0 + 3 * MIN))).toBe('closed');
    a = openSection(a, 'b', T0 + 3 * MIN);
    a = applyExpiry(a, T0 + 60 * MIN);
    expect(sec(a, 'b').status).toBe('expired');
    expect(code(() => openSection(a, 'b', T0 + 61 * MIN))).toBe('closed');
  });

  it('allows only one open section at a time', () => {
    const a = openSection(make(), 'b', T0);
    expect(code(() => openSection(a, 'a', T0 + MIN))).toBe('another-open');
  });

  it('enforces the order when the profile says so', () => {
    const a = make({ mustTakeInOrder: true });
    expect(code(() => openSection(a, 'b', T0))).toBe('order');
    const b = submitSection(openSection(a, 'a', T0), 'a', T0 + MIN);
    expect(sec(openSection(b, 'b', T0 + 2 * MIN), 'b').status).toBe('open');
  });

  it('without breaks, the next section opens the moment the previous one closes (also on expiry)', () => {
    let a = openSection(make({ breaksAllowed: false }), 'a', T0);
    a = submitSection(a, 'a', T0 + 4 * MIN);
    expect(sec(a, 'b')).toMatchObject({ status: 'open', openedAt: T0 + 4 * MIN, deadline: T0 + 24 * MIN });
    let c = openSection(make({ breaksAllowed: false }), 'a', T0);
    c = applyExpiry(c, T0 + 100 * MIN); // both deadlines passed while away: cascades
    expect([sec(c, 'a').status, sec(c, 'b').status]).toEqual(['expired', 'expired']);
    expect(sec(c, 'b')).toMatchObject({ openedAt: T0 + 10 * MIN, closedAt: T0 + 30 * MIN });
  });

  it('with breaks, nothing opens by itself', () => {
    const a = submitSection(openSection(make(), 'a', T0), 'a', T0 + MIN);
    expect(sec(a, 'b').status).toBe('not-started');
  });
});

describe('accommodations', () => {
  it('adds minutes or multiplies, per section, shown in the attempt up front', () => {
    expect(applyAccommodation(120 * MIN, { kind: 'extra-minutes', minutes: 30 })).toBe(150 * MIN);
    expect(applyAccommodation(120 * MIN, { kind: 'multiplier', factor: 1.5 })).toBe(180 * MIN);
    expect(applyAccommodation(120 * MIN, { kind: 'none' })).toBe(120 * MIN);
    const a = make({}, { kind: 'multiplier', factor: 2 });
    expect(a.sections.map((s) => [s.baseLimitMs / MIN, s.limitMs / MIN])).toEqual([
      [10, 20],
      [20, 40],
    ]);
    const b = openSection(make({}, { kind: 'extra-minutes', minutes: 5 }), 'a', T0);
    expect(sec(b, 'a').deadline).toBe(T0 + 15 * MIN);
  });
  it('are refused when the exam does not allow them', () => {
    expect(code(() => make({ accommodationsAllowed: false }, { kind: 'extra-minutes', minutes: 5 }))).toBe('accommodation');
  });
});

describe('warnings', () => {
  it('crosses 20 % then 5 % of the (accommodated) time left, configurable', () => {
    const a = openSection(make(), 'a', T0); // 10 minutes
    const s = sec(a, 'a');
    expect(warningLevel(s, T0 + 7 * MIN, a.warningsPercent)).toBeNull();
    expect(warningLevel(s, T0 + 8 * MIN, a.warningsPercent)).toBe(20);
    expect(warningLevel(s, T0 + 9.5 * MIN, a.warningsPercent)).toBe(5);
    const b = openSection(make({ warningsPercent: [50] }), 'a', T0);
    expect(warningLevel(sec(b, 'a'), T0 + 5 * MIN, b.warningsPercent)).toBe(50);
    expect(warningLevel(sec(make(), 'a'), T0, a.warningsPercent)).toBeNull();
  });
});

describe('answers, flags, self-marking and pacing', () => {
  it('checks answers fit the question and keeps flags', () => {
    let a = openSection(make(), 'a', T0);
    expect(code(() => saveAnswer(a, 'a', 'q-multi', 'x', T0))).toBe('bad-answer');
    expect(code(() => saveAnswer(a, 'a', 'q-single', 'nope', T0))).toBe('bad-answer');
    expect(code(() => saveAnswer(a, 'a', 'missing', 'x', T0))).toBe('not-found');
    a = setFlag(a, 'a', 'q-text', true, T0);
    a = setFlag(a, 'a', 'q-num', true, T0);
    a = setFlag(a, 'a', 'q-text', false, T0);
    expect(sec(a, 'a').flags).toEqual(['q-num']);
  });

  it('self-marks short answers only after the section closes, and counts them once marked', () => {
    let a = openSection(make(), 'a', T0);
    a = saveAnswer(a, 'a', 'q-short', 'my essay', T0 + MIN);
    expect(code(() => selfMark(a, 'a', 'q-short', 2, T0 + MIN))).toBe('not-closed');
    a = submitSection(a, 'a', T0 + 2 * MIN);
    expect(scoreAttempt(a).sections[0]!.pending).toBe(1);
    expect(code(() => selfMark(a, 'a', 'q-single', 1, T0 + 3 * MIN))).toBe('not-short');
    expect(code(() => selfMark(a, 'a', 'q-short', 3, T0 + 3 * MIN))).toBe('bad-answer');
    a = selfMark(a, 'a', 'q-short', 1.5, T0 + 3 * MIN);
    expect(scoreAttempt(a).sections[0]).toMatchObject({ pending: 0, earned: 1.5 });
  });

  it('credits time per question as the learner moves, up to the close', () => {
    let a = openSection(make(), 'a', T0);
    a = viewQuestion(a, 'a', 'q-single', T0);
    a = viewQuestion(a, 'a', 'q-text', T0 + 3 * MIN);
    a = saveAnswer(a, 'a', 'q-num', '0.35', T0 + 4 * MIN);
    a = submitSection(a, 'a', T0 + 6 * MIN);
    const p = pacing(sec(a, 'a'));
    // questions are in the attempt's (seeded) order: compare by id
    expect(Object.fromEntries(p.perQuestion.map((q) => [q.questionId, q.spentMs / MIN]))).toEqual({
      'q-single': 3,
      'q-multi': 0,
      'q-text': 1,
      'q-num': 2,
      'q-short': 0,
    });
    expect(p).toMatchObject({ evenMs: 2 * MIN, usedMs: 6 * MIN, limitMs: 10 * MIN });
  });
});

describe('scoring', () => {
  it('totals points per question and section against the pass mark', () => {
    let a = openSection(make({ passMarkPercent: 60 }), 'a', T0);
    a = saveAnswer(a, 'a', 'q-single', 'y', T0);
    a = saveAnswer(a, 'a', 'q-multi', ['z', 'x'], T0);
    a = saveAnswer(a, 'a', 'q-text', '  poisson ', T0);
    a = saveAnswer(a, 'a', 'q-num', '0,345', T0);
    a = submitSection(a, 'a', T0 + MIN);
    const s0 = scoreAttempt(a);
    // q-short was left blank: nothing to self-mark, so nothing pending
    expect(s0.sections[0]).toMatchObject({ earned: 5, possible: 7, pending: 0 });
    expect(s0.verdict).toBe('pending'); // section b not taken
    a = submitSection(openSection(a, 'b', T0 + 2 * MIN), 'b', T0 + 3 * MIN);
    // a blank short answer cannot be self-marked (nothing to mark): it stays at 0
    expect(code(() => selfMark(a, 'a', 'q-short', 1, T0 + 4 * MIN))).toBe('bad-answer');
    const s1 = scoreAttempt(a);
    expect(s1).toMatchObject({ earned: 5, possible: 11, percent: 45.5, verdict: 'fail' });
  });
});
