// A run judged against thresholds: nothing measured is unknown with the reason (never a pass),
// advisory thresholds warn, required ones fail, and a report re-judges the run against another exam.
import { describe, expect, it } from 'vitest';
import { judgeNetworkRun } from '../../../shared/network/judge';
import type { NetworkRun } from '../../../shared/network/result';
import { networkRun } from '../../fixtures/network/run';
import { NetworkMeasureSchema } from '../../../shared/network/config';
import { createI18n, renderMsg } from '../../../shared/i18n';

const run = networkRun;
const measure = NetworkMeasureSchema.parse({
  minDownloadMbps: { value: 3 },
  minUploadMbps: { value: 3, required: true },
  maxLatencyMs: { value: 300 },
  maxLossPercent: { value: 10 },
  services: { urls: ['https://courses.edx.org'], required: true },
  udp: { stunServer: 'stun.cloudflare.com:3478' },
});
const get = (r: NetworkRun, id: string, m = measure) => judgeNetworkRun(r, m).find((x) => x.id === id)!;

describe('judging a network run', () => {
  it('thresholds are advisory unless the profile says required', () => {
    expect(get(run({ download: { mbps: 1, bytes: 1e6, seconds: 8, samples: [], error: null } }), 'network.download')).toMatchObject({
      status: 'warn',
      required: false,
    });
    expect(get(run({ upload: { mbps: 1, bytes: 1e6, seconds: 8, samples: [], error: null } }), 'network.upload')).toMatchObject({
      status: 'fail',
      required: true,
    });
  });
  it('nothing measured is unknown with the reason, including a cancelled run', () => {
    const stalled = get(
      run({ upload: { mbps: null, bytes: 0, seconds: 0, samples: [], error: 'stalled: the server read nothing for 4.0 s' } }),
      'network.upload',
    );
    expect(stalled).toMatchObject({
      status: 'unknown',
      evidence: [{ key: 'network:evidence.notMeasured', params: { reason: 'stalled: the server read nothing for 4.0 s' } }],
    });
    expect(get(run({ outcome: 'cancelled', download: null, upload: null, latency: null }), 'network.download')).toMatchObject({
      status: 'unknown',
      evidence: [{ params: { reason: 'cancelled' } }],
    });
    expect(get(run({ clock: { skewSeconds: null, against: null } }), 'network.clock').status).toBe('unknown');
  });
  it('loss over the limit warns; a timed-out service is unknown, a refused one fails', () => {
    expect(get(run({ latency: { medianMs: 40, jitterMs: 3, lossPercent: 30, samples: 7, error: null } }), 'network.latency').status).toBe('warn');
    const timedOut = {
      url: 'https://courses.edx.org',
      ok: false,
      status: null,
      dnsMs: null,
      tlsMs: null,
      totalMs: null,
      viaProxy: false,
      timedOut: true,
      error: 'no answer within 5.0 s',
    };
    expect(get(run({ services: [timedOut] }), 'network.services').status).toBe('unknown');
    expect(get(run({ services: [{ ...timedOut, timedOut: false, error: 'ECONNREFUSED' }] }), 'network.services')).toMatchObject({
      status: 'fail',
      required: true,
    });
  });
  it('the clock says ahead, behind or in step, with the time zone', () => {
    const en = createI18n('en');
    expect(renderMsg(en, get(run({ clock: { skewSeconds: -600, against: 'x' } }), 'network.clock').observed)).toBe(
      // issue 26: in human units, not "600 s behind"
      "10 minutes behind the servers' time (time zone America/Sao_Paulo)",
    );
    expect(get(run({ clock: { skewSeconds: -600, against: 'x' } }), 'network.clock').status).toBe('warn');
    expect(renderMsg(en, get(run({ clock: { skewSeconds: 0, against: 'x' } }), 'network.clock').observed)).toMatch(/^In step/);
  });
  it('without thresholds the numbers are shown, never judged against a made-up figure', () => {
    const r = get(run(), 'network.download', NetworkMeasureSchema.parse({}));
    expect(r).toMatchObject({ status: 'pass', expected: null, required: false });
  });
});
