// Issue 13: a fact that starts with "@" is data, never translated as a message key.
import { describe, expect, it } from 'vitest';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { msg } from '../../../shared/check';
import { machines } from '../../fixtures/facts/machines';
import { runIn, tmpDir } from './helpers';

describe('facts are never message keys', () => {
  it('a model name "@cli:text.verdict.ready" prints as written', async () => {
    const f = machines.surfaceLaptop();
    f.device.model = '@cli:text.verdict.ready';
    f.virtualization.kind = '@cli:text.verdict.ready';
    f.network.probe = { status: 'error', error: '@cli:text.verdict.ready', durationMs: 1 };
    const r = await runIn(tmpDir('keys'), ['check', '--profile', 'mitx-sds-capstone'], { facts: f });
    expect(r.stdout).toContain('@cli:text.verdict.ready');
    expect(r.stdout.match(/Ready: this computer/g) ?? []).toHaveLength(0);
  });

  it('keys are passed by parameter name ("@area"), and old reports\' enum labels still read', () => {
    const en = createI18n('en');
    expect(renderMsg(en, msg('checks:common.probe.error', { '@area': 'checks:common.area.os', reason: '@cli:text.verdict.ready' }))).toMatch(
      /operating system.*@cli:text\.verdict\.ready/i,
    );
    expect(renderMsg(en, msg('checks:common.probe.error', { area: '@checks:common.area.os', reason: 'x' }))).toMatch(/operating system/i);
    expect(renderMsg(en, msg('checks:common.probe.error', { area: '@cli:text.verdict.ready', reason: 'x' }))).toContain('@cli:text.verdict.ready');
  });
});
