import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../../renderer/shell/hash';
import { fixOrder } from '../../../shared/journey';
import type { CheckResult } from '../../../shared/check';

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
  const r = (id: string, status: CheckResult['status'], required: boolean): CheckResult => ({
    id,
    area: 'system',
    title: { key: id },
    status,
    required,
    observed: null,
    expected: null,
    evidence: [],
    fix: null,
    durationMs: 0,
  });
  it('puts required failures first, then optional failures, unknowns, warnings; drops passes', () => {
    const order = fixOrder([r('w', 'warn', false), r('p', 'pass', true), r('u', 'unknown', true), r('fo', 'fail', false), r('fr', 'fail', true)]);
    expect(order.map((x) => x.id)).toEqual(['fr', 'fo', 'u', 'w']);
  });
});
