import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../../renderer/app/hash';
import { fixOrder } from '../../../renderer/screens/summary/SummaryScreen';
import { checkResult } from '../../fixtures/results';

describe('hash routes', () => {
  it('reads #/route and falls back to the first step', () => {
    expect(routeFromHash('#/camera')).toBe('camera');
    expect(routeFromHash('#camera')).toBe('camera');
    expect(routeFromHash('#/check?x=1')).toBe('check');
    expect(routeFromHash('#/nope')).toBe('choose');
    expect(routeFromHash('')).toBe('choose');
  });
});

describe('what to fix first', () => {
  const r = checkResult;
  it('puts required failures first, then optional failures, unknowns, warnings; drops passes', () => {
    const order = fixOrder([r('w', 'warn', false), r('p', 'pass', true), r('u', 'unknown', true), r('fo', 'fail', false), r('fr', 'fail', true)]);
    expect(order.map((x) => x.id)).toEqual(['fr', 'fo', 'u', 'w']);
  });
});
