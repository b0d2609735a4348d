// Issue 13: negative or absurd sizes in facts are refused by the facts schema (a facts file comes
// from outside: "-1 GB free" or 10^30 bytes of memory must not be judged).
import { describe, expect, it } from 'vitest';
import { FactsSchema } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';
import { runIn, tmpDir, writeIn } from './helpers';

describe('facts schema bounds', () => {
  const cases: Array<[string, (f: ReturnType<typeof machines.good>) => void]> = [
    [
      'device.memory.totalBytes',
      (f) => {
        f.device.memory.totalBytes = -1;
      },
    ],
    [
      'device.memory.totalBytes',
      (f) => {
        f.device.memory.totalBytes = 1e30;
      },
    ],
    [
      'device.disk.freeBytes',
      (f) => {
        f.device.disk.freeBytes = -5e9;
      },
    ],
    [
      'device.cpu.cores',
      (f) => {
        f.device.cpu.cores = -4;
      },
    ],
    [
      'device.cpu.cores',
      (f) => {
        f.device.cpu.cores = 2.5;
      },
    ],
    [
      'device.battery.percent',
      (f) => {
        f.device.battery.percent = 250;
      },
    ],
    [
      'displays.displays[0].width',
      (f) => {
        f.displays.displays[0]!.width = -1920;
      },
    ],
    [
      'network.endpoints[0].latencyMs',
      (f) => {
        f.network.endpoints = [{ url: 'https://x', ok: true, latencyMs: -3, error: null }];
      },
    ],
    [
      'device.memory.totalBytes',
      (f) => {
        (f.device.memory as { totalBytes: number }).totalBytes = Number.NaN;
      },
    ],
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
