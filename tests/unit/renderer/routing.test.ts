import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../../renderer/shell/hash';

describe('hash routes', () => {
  it('reads #/route and falls back to the first step', () => {
    expect(routeFromHash('#/camera')).toBe('camera');
    expect(routeFromHash('#camera')).toBe('camera');
    expect(routeFromHash('#/check?x=1')).toBe('check');
    expect(routeFromHash('#/nope')).toBe('choose');
    expect(routeFromHash('')).toBe('choose');
  });
});
