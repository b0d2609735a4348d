// The measurement against real servers on loopback: fast, throttled, stalled, clock off, UDP
// answered or dropped, through a CONNECT proxy, and refused without the private-targets switch.
import { describe, expect, it } from 'vitest';
import { runNetworkTest } from '../../../electron/network/run';
import { planFor, type NetworkMeasure } from '../../../shared/network/config';
import { judgeNetworkRun } from '../../../shared/network/judge';
import type { NetworkProgress } from '../../../shared/network/result';
import { connectProxy, speedServer, stunResponder, udpBlackHole, loopbackDeps } from './servers';
import { closedAfterEach } from './closed-after-each';

const keep = closedAfterEach();
const deps = loopbackDeps;

function measureFor(base: string, stun?: string, extra: Partial<NetworkMeasure> = {}): NetworkMeasure {
  return {
    minDownloadMbps: { value: 3, required: false },
    minUploadMbps: { value: 3, required: false },
    maxLatencyMs: { value: 300, required: false },
    maxClockSkewSeconds: { value: 120, required: false },
    services: { urls: [`${base}/platform`], required: true },
    ...(stun ? { udp: { stunServer: stun, required: false } } : {}),
    throughput: { downloadUrl: `${base}/__down?bytes={bytes}`, uploadUrl: `${base}/__up` },
    ...extra,
  };
}
const tuning = { directionMs: 1500, maxBytes: 40 * 1024 * 1024 };
const byId = (rs: ReturnType<typeof judgeNetworkRun>, id: string) => rs.find((r) => r.id === id)!;

describe('network measurement on loopback', () => {
  it('a fast network passes every threshold, streams samples and names the time zone', async () => {
    const s = keep(await speedServer());
    const stun = keep(await stunResponder());
    const measure = measureFor(s.url, stun.server);
    const progress: NetworkProgress[] = [];
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ timeZone: () => 'America/Bogota' }), {
      profileId: 'p',
      onProgress: (p) => progress.push(p),
    });
    expect(run.outcome).toBe('complete');
    expect(run.services[0]).toMatchObject({ ok: true, status: 200, viaProxy: false });
    expect(run.services[0]!.tlsMs).toBeGreaterThanOrEqual(0);
    expect(run.download!.mbps!).toBeGreaterThan(3);
    expect(run.upload!.mbps!).toBeGreaterThan(3);
    expect(run.latency).toMatchObject({ lossPercent: 0, error: null });
    expect(run.udp).toMatchObject({ answered: true, error: null });
    expect(stun.seen).toBeGreaterThan(0);
    expect(run.clock.skewSeconds!).toBeLessThanOrEqual(2);
    expect(run.bytesTransferred).toBeLessThanOrEqual(tuning.maxBytes + 1024 * 1024);
    expect(progress.some((p) => p.sample?.direction === 'download')).toBe(true);
    expect(progress.at(-1)!.phase).toBe('done');
    const results = judgeNetworkRun(run, measure);
    for (const id of ['network.services', 'network.download', 'network.upload', 'network.latency', 'network.udp', 'network.clock', 'network.proxy'])
      expect(byId(results, id).status, id).toBe('pass');
    expect(byId(results, 'network.clock').observed!.params).toMatchObject({ tz: 'America/Bogota' });
  }, 20_000);

  it('a throttled upload (~1 Mbps) fails the 3 Mbps threshold with the number', async () => {
    const s = keep(await speedServer({ throttleUploadBps: 1_000_000 }));
    const measure = measureFor(s.url, undefined, { minUploadMbps: { value: 3, required: true } });
    const run = await runNetworkTest(planFor(measure, null, { ...tuning, directionMs: 2500 }), deps(), { profileId: 'p' });
    expect(run.upload!.mbps!).toBeGreaterThan(0.5);
    expect(run.upload!.mbps!).toBeLessThan(1.6);
    const up = byId(judgeNetworkRun(run, measure), 'network.upload');
    expect(up.status).toBe('fail');
    expect(up.observed!.params!.mbps).toBe(Math.round(run.upload!.mbps! * 10) / 10);
    expect(byId(judgeNetworkRun(run, measure), 'network.download').status).toBe('pass');
  }, 20_000);

  it('a stalled server is unknown with the reason, never a pass, and the run stays within its budget', async () => {
    const s = keep(await speedServer({ stall: true }));
    const measure = measureFor(s.url);
    const t = Date.now();
    const run = await runNetworkTest(planFor(measure, null, { ...tuning, totalMs: 8000 }), deps(), { profileId: 'p', serviceTimeoutMs: 1000, stallMs: 800 });
    expect(Date.now() - t).toBeLessThan(9000);
    const results = judgeNetworkRun(run, measure);
    expect(byId(results, 'network.services').status).toBe('unknown');
    expect(run.services[0]!.error).toMatch(/no answer within 1\.0 s/);
    for (const id of ['network.download', 'network.upload', 'network.latency']) {
      const r = byId(results, id);
      expect(r.status, id).toBe('unknown');
      expect(String(r.evidence[0]!.params!.reason), id).toMatch(/stalled|no answer|no data|no upload|no request|time limit/);
    }
  }, 20_000);

  it('UDP blocked (no STUN answer) is its own finding with the fix', async () => {
    const hole = keep(await udpBlackHole());
    const s = keep(await speedServer());
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: false }, udp: { stunServer: hole.server, required: false } };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps(), { profileId: 'p' });
    expect(run.udp).toEqual({ server: hole.server, answered: false, rttMs: null, error: null });
    const udp = byId(judgeNetworkRun(run, measure), 'network.udp');
    expect(udp).toMatchObject({ status: 'warn', observed: { key: 'network:observed.udpBlocked' }, fix: { key: 'network:fix.udp' } });
  }, 20_000);

  it('a clock 10 minutes off is detected from the Date header', async () => {
    const s = keep(await speedServer({ dateOffsetMs: -600_000 }));
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: false }, maxClockSkewSeconds: { value: 120, required: false } };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps(), { profileId: 'p' });
    expect(run.clock.skewSeconds!).toBeGreaterThan(590);
    expect(run.clock.skewSeconds!).toBeLessThan(610);
    expect(byId(judgeNetworkRun(run, measure), 'network.clock').status).toBe('warn');
  }, 20_000);

  it('goes through the system proxy (a CONNECT tunnel) when one is set, credentials never kept', async () => {
    const s = keep(await speedServer());
    const proxy = keep(await connectProxy());
    const withCreds = proxy.url.replace('http://', 'http://alice:s3cret@');
    const measure = measureFor(s.url);
    const run = await runNetworkTest(planFor(measure, null, { ...tuning, directionMs: 800 }), deps({ env: { HTTPS_PROXY: withCreds } }), { profileId: 'p' });
    expect(proxy.tunnels).toContain(`127.0.0.1:${s.port}`);
    expect(run.services[0]).toMatchObject({ ok: true, viaProxy: true, dnsMs: null });
    expect(run.proxy.used).toBe(proxy.url);
    expect(JSON.stringify(run)).not.toMatch(/alice|s3cret/);
    expect(byId(judgeNetworkRun(run, measure), 'network.proxy').status).toBe('warn');
  }, 20_000);

  it('uses what Electron resolves per address (session.resolveProxy) in the app', async () => {
    const s = keep(await speedServer());
    const proxy = keep(await connectProxy());
    const asked: string[] = [];
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: false } };
    const run = await runNetworkTest(
      planFor(measure, null, tuning),
      deps({
        resolveProxy: async (u) => {
          asked.push(u);
          return `PROXY ${proxy.url.slice(7)}; DIRECT`;
        },
      }),
      { profileId: 'p' },
    );
    expect(asked).toEqual([`${s.url}/x`]);
    expect(proxy.tunnels).toHaveLength(1);
    expect(run.services[0]!.viaProxy).toBe(true);
  }, 20_000);

  it('refuses loopback targets without the policy switch, checking the resolved address', async () => {
    const s = keep(await speedServer());
    const stun = keep(await stunResponder());
    // a public-looking name that resolves to loopback is refused too
    const measure: NetworkMeasure = {
      services: { urls: [`https://exam.example:${s.port}/x`, `${s.url}/y`], required: true },
      udp: { stunServer: stun.server, required: false },
    };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ allowPrivate: false, lookup: async () => [{ address: '127.0.0.1', family: 4 }] }), {
      profileId: 'p',
    });
    expect(s.requests).toEqual([]);
    expect(stun.seen).toBe(0);
    expect(run.services.map((x) => x.error)).toEqual([
      expect.stringMatching(/exam\.example resolves to 127\.0\.0\.1 is a private/),
      expect.stringMatching(/127\.0\.0\.1 is a private/),
    ]);
    expect(byId(judgeNetworkRun(run, measure), 'network.services').status).toBe('fail');
  });

  it('stops when cancelled, and says so', async () => {
    const s = keep(await speedServer({ throttleBps: 2_000_000 }));
    const measure = measureFor(s.url);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 700);
    const t = Date.now();
    const run = await runNetworkTest(planFor(measure, null, { directionMs: 10_000 }), deps(), { profileId: 'p', signal: ac.signal });
    expect(Date.now() - t).toBeLessThan(3000);
    expect(run.outcome).toBe('cancelled');
  }, 20_000);
});
