// Issue 13: negative or absurd sizes in facts are refused by the facts schema (a facts file comes
// from outside: "-1 GB free" or 10^30 bytes of memory must not be judged).
import { describe, expect, it } from 'vitest';
import { FactsSchema } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';
import { runIn, tmpDir, writeIn } from './helpers';

describe('facts schema bounds', () => {
  type Facts = ReturnType<typeof machines.good>;
  /** the facts with one value replaced, at the very path the refusal must name */
  const at = (where: string, value: number): [string, (f: Facts) => void] => [
    where,
    (f) => {
      const keys = where.replace(/\[(\d+)\]/g, '.$1').split('.');
      const last = keys.pop()!;
      const parent = keys.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, f as unknown as Record<string, unknown>);
      parent[last] = value;
    },
  ];
  const cases: Array<[string, (f: Facts) => void]> = [
    at('device.memory.totalBytes', -1),
    at('device.memory.totalBytes', 1e30),
    at('device.disk.freeBytes', -5e9),
    at('device.cpu.cores', -4),
    at('device.cpu.cores', 2.5),
    at('device.battery.percent', 250),
    at('displays.displays[0].width', -1920),
    [
      'network.endpoints[0].latencyMs',
      (f) => {
        f.network.endpoints = [{ url: 'https://x', ok: true, latencyMs: -3, error: null }];
      },
    ],
    at('device.memory.totalBytes', Number.NaN),
  ];

  it.each(cases)('%s out of range is refused', (where, change) => {
    const f = machines.good();
    change(f);
    const r = FactsSchema.safeParse(f);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.path.join('.').replace(/\.(\d+)/g, '[$1]')).toBe(where);
  });

  it('the CLI says where (exit 2)', async () => {
    const dir = tmpDir('facts');
    const f = machines.good();
    f.device.disk.freeBytes = -1;
    writeIn(dir, 'facts.json', JSON.stringify(f));
    const r = await runIn(dir, ['evaluate', '--facts', 'facts.json', '--profile', 'mitx-sds-capstone']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/device\.disk\.freeBytes/);
  });
});
