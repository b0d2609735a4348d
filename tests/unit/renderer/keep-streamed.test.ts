// The check screen's final update: results streamed during a scan that the final list repeats keep
// their identity (their memoised cards are not rendered again); changed or new ones are taken.
import { describe, expect, it } from 'vitest';
import { keepStreamed } from '../../../renderer/app/store';
import type { CheckResult } from '../../../shared/check';

const result = (id: string, status: CheckResult['status']): CheckResult =>
  ({ id, area: 'system', required: true, status, title: { key: `x:${id}` }, evidence: [] }) as unknown as CheckResult;

describe('keepStreamed', () => {
  it('reuses equal streamed results and takes the ones that differ, in the final order', () => {
    const a = result('os.version', 'pass');
    const b = result('system.ram', 'unknown');
    const final = [result('system.ram', 'fail'), result('os.version', 'pass'), result('system.disk', 'pass')];
    const kept = keepStreamed([a, b], final);
    expect(kept.map((r) => r.id)).toEqual(['system.ram', 'os.version', 'system.disk']);
    expect(kept[1]).toBe(a);
    expect(kept[0]).toBe(final[0]);
    expect(kept[0]!.status).toBe('fail');
    expect(kept[2]).toBe(final[2]);
  });

  it('takes every final result when nothing streamed', () => {
    const final = [result('os.version', 'pass')];
    expect(keepStreamed([], final)[0]).toBe(final[0]);
  });
});
