// Issue 13: setting the clock back 24 h never gives a mock-exam section more than its limit — the
// main process reads a monotonic clock while it runs, and remaining time is capped at the limit.
import { describe, expect, it } from 'vitest';
import { createAttempt, openSection, remainingMs, submitSection } from '../../../shared/exam/attempt';
import { pacing } from '../../../shared/exam/scoring';
import { monotonicClock } from '../../../electron/main/clock';
import { BANK, MIN, T0, settings } from '../exam/helpers';

const DAY = 24 * 60 * MIN;

describe('clock set back', () => {
  it('remaining time never exceeds the section limit, time used is never negative', () => {
    const a = openSection(
      createAttempt({ id: 'a1', profileId: 'p', settings: settings(), bank: BANK, seed: 1, accommodation: { kind: 'none' }, now: T0 }),
      'a',
      T0,
    );
    const s = a.sections.find((x) => x.id === 'a')!;
    expect(remainingMs(s, T0 - DAY)).toBe(s.limitMs);
    const done = submitSection(a, 'a', T0 - DAY).sections.find((x) => x.id === 'a')!;
    const used = pacing(done).usedMs;
    expect(used).toBeGreaterThanOrEqual(0);
    expect(used).toBeLessThanOrEqual(done.limitMs);
  });

  it('the main-process clock keeps counting forward when the wall clock is set back', () => {
    let wall = T0;
    let mono = 1000;
    const now = monotonicClock(
      () => wall,
      () => mono,
    );
    expect(now()).toBe(T0);
    mono += 5 * MIN;
    wall -= DAY; // five minutes pass, and the learner sets the clock back a day
    expect(now()).toBe(T0 + 5 * MIN);
    mono += MIN;
    wall = T0 + 6 * MIN;
    expect(now()).toBe(T0 + 6 * MIN);
  });
});
