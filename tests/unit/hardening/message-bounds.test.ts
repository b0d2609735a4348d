// Issue 13: every report the product writes, the product opens — a 10 kB fact (a model name) is
// bounded where messages are built (with an ellipsis); the full value stays in the facts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { machines } from '../../fixtures/facts/machines';
import { openReportText } from '../../../electron/handlers/report';
import { dataMsg, MAX_PARAM_CHARS } from '../../../shared/check';
import { runIn, tmpDir } from './helpers';

describe('message parameters are bounded', () => {
  it('msg() cuts long string parameters with an ellipsis', () => {
    // any key: the bound is the same for typed and data-built keys
    const m = dataMsg('k', { a: 'x'.repeat(10000), n: 5 });
    expect([...(m.params!.a as string)]).toHaveLength(MAX_PARAM_CHARS);
    expect((m.params!.a as string).endsWith('…')).toBe(true);
    expect(m.params!.n).toBe(5);
  });

  it('a 10 kB model name: make the report, then open it', async () => {
    const cwd = tmpDir('bounds');
    const f = machines.surfaceLaptop();
    f.device.model = `Surface ${'Ü'.repeat(10 * 1024)}`;
    f.device.manufacturer = 'M'.repeat(5000);
    f.os.version = `5.1.${'9'.repeat(9000)}`;
    f.network.probe = { status: 'error', error: 'E'.repeat(12000), durationMs: 1 };
    for (const sub of ['check', 'evaluate']) {
      const r =
        sub === 'check'
          ? await runIn(cwd, ['check', '--profile', 'mitx-sds-capstone', '--format', 'json', '--out', 'r.json'], { facts: f })
          : await runIn(cwd, ['evaluate', '--facts', 'r.json', '--profile', 'mitx-sds-ml', '--format', 'json', '--out', 'r.json']);
      expect(r.code, r.stderr).toBe(1);
      const text = readFileSync(path.join(cwd, 'r.json'), 'utf8');
      const opened = openReportText(text, 'r.json');
      expect(opened.ok, JSON.stringify(!opened.ok && opened.problem)).toBe(true);
      if (opened.ok) expect(opened.value.report.facts.device.model).toBe(f.device.model);
    }
  });
});
