// The measurement on networks that misbehave (issue 26), with servers on loopback started here:
// a site that accepts TCP and never finishes TLS, a DNS lookup that hangs, a firewall that drops
// packets, a proxy that wants a password, NO_PROXY, a server that sends without end, redirects,
// a name with no DNS answer. Each is bounded in time (the run's own limits) and in bytes (the cap).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { NetworkDeps } from '../../../electron/network/deps';
import { runNetworkTest } from '../../../electron/network/run';
import { planFor, type NetworkMeasure } from '../../../shared/network/config';
import { judgeNetworkRun } from '../../../shared/network/judge';
import { createI18n, renderMsg, type Language } from '../../../shared/i18n';
import { connectProxy, eventually, silentTcp, speedServer, loopbackDeps } from './servers';
import { closedAfterEach } from './closed-after-each';

const keep = closedAfterEach();
const deps = loopbackDeps;
const byId = (rs: ReturnType<typeof judgeNetworkRun>, id: string) => rs.find((r) => r.id === id)!;
const tuning = { directionMs: 800, maxBytes: 16 * 1024 * 1024 };

const throughputOf = (base: string): NetworkMeasure['throughput'] => ({ downloadUrl: `${base}/__down?bytes={bytes}`, uploadUrl: `${base}/__up` });

describe('a site that never answers does not cost the measurement', () => {
  it('a site that accepts TCP and never finishes TLS times out alone; download, upload and delay are measured; nothing stays open', async () => {
    const hung = keep(await silentTcp());
    const s = keep(await speedServer());
    const measure: NetworkMeasure = {
      services: { urls: [`https://127.0.0.1:${hung.port}/`, `${s.url}/platform`], required: true },
      throughput: throughputOf(s.url),
    };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps(), { profileId: 'p', serviceTimeoutMs: 1000 });
    expect(run.outcome).toBe('complete');
    expect(run.services[0]).toMatchObject({ ok: false, timedOut: true, error: 'no answer within 1.0 s' });
    expect(run.services[1]).toMatchObject({ ok: true, status: 200 });
    expect(run.download!.mbps).not.toBeNull();
    expect(run.upload!.mbps).not.toBeNull();
    expect(run.latency!.medianMs).not.toBeNull();
    expect(hung.accepted()).toBeGreaterThan(0);
    // the site's connection was closed by its own limit, not left for the run's 30 s budget
    expect(await eventually(() => hung.open() === 0)).toBe(true);
    const results = judgeNetworkRun(run, measure);
    expect(byId(results, 'network.services').status).toBe('unknown');
    expect(byId(results, 'network.download').status).toBe('pass');
  }, 20_000);

  it('a DNS lookup that never returns is given up at the site limit', async () => {
    const s = keep(await speedServer());
    const asked: string[] = [];
    const lookup: NetworkDeps['lookup'] = (host) => {
      asked.push(host);
      return new Promise(() => undefined); // never settles
    };
    const measure: NetworkMeasure = { services: { urls: [`https://exam.example:${s.port}/`], required: true }, throughput: throughputOf(s.url) };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ lookup }), { profileId: 'p', serviceTimeoutMs: 800 });
    expect(asked).toEqual(['exam.example']);
    expect(run.services[0]).toMatchObject({ ok: false, timedOut: true, error: 'no answer within 0.8 s' });
    expect(run.download!.mbps).not.toBeNull();
    expect(run.outcome).toBe('complete');
  }, 20_000);

  it('a firewall that drops packets (a connect that never completes) is given up at the site limit and closed', async () => {
    const s = keep(await speedServer());
    const blackholed: net.Socket[] = [];
    const connect: NonNullable<NetworkDeps['connect']> = (o) => {
      if (o.port !== 9) return net.connect(o);
      const sock = new net.Socket(); // never connected: SYNs go nowhere
      blackholed.push(sock);
      return sock;
    };
    const measure: NetworkMeasure = { services: { urls: ['https://127.0.0.1:9/', `${s.url}/x`], required: true }, throughput: throughputOf(s.url) };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ connect }), { profileId: 'p', serviceTimeoutMs: 800 });
    expect(blackholed).toHaveLength(1);
    expect(blackholed[0]!.destroyed).toBe(true);
    expect(run.services.map((x) => x.ok)).toEqual([false, true]);
    expect(run.services[0]!.timedOut).toBe(true);
    expect(run.upload!.mbps).not.toBeNull();
  }, 20_000);
});

describe('an authenticating proxy', () => {
  it('sends the user name and password of HTTPS_PROXY to the proxy, and writes them nowhere', async () => {
    const s = keep(await speedServer());
    const proxy = keep(await connectProxy({ auth: 'alice:s3cr#t' }));
    const env = { HTTPS_PROXY: proxy.url.replace('http://', 'http://alice:s3cr%23t@') };
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: true }, throughput: throughputOf(s.url) };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ env }), { profileId: 'p' });
    expect(proxy.authorizations[0]).toBe(`Basic ${Buffer.from('alice:s3cr#t').toString('base64')}`);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(run.services[0]).toMatchObject({ ok: true, viaProxy: true });
    expect(run.download!.mbps).not.toBeNull();
    expect(run.proxy.used).toBe(proxy.url);
    const written = JSON.stringify({ run, results: judgeNetworkRun(run, measure) });
    expect(written).not.toMatch(/alice|s3cr|YWxpY2/);
  }, 20_000);

  it('a 407 (no password given, or a wrong one) is its own finding with its own fix; the sites are unknown, not down', async () => {
    const s = keep(await speedServer());
    const proxy = keep(await connectProxy({ auth: 'alice:s3cret' }));
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: true }, throughput: throughputOf(s.url) };
    for (const env of [{ HTTPS_PROXY: proxy.url }, { HTTPS_PROXY: proxy.url.replace('http://', 'http://alice:wrong@') }]) {
      const run = await runNetworkTest(planFor(measure, null, tuning), deps({ env }), { profileId: 'p' });
      expect(proxy.tunnels).toEqual([]);
      expect(run.proxy.authRequired).toBe(true);
      expect(run.services[0]).toMatchObject({ ok: false, cause: 'proxy-auth' });
      expect(run.services[0]!.error).toMatch(/407/);
      const results = judgeNetworkRun(run, measure);
      expect(byId(results, 'network.proxy-auth')).toMatchObject({
        status: 'fail',
        observed: { key: 'network:observed.proxyAuth', params: { proxy: proxy.url } },
        fix: { key: 'network:fix.proxyAuth' },
      });
      expect(byId(results, 'network.services').status).toBe('unknown');
      expect(JSON.stringify(run)).not.toMatch(/alice|wrong/);
    }
  }, 20_000);

  it('NO_PROXY naming the address sends it direct; anything else still goes through the proxy', async () => {
    const s = keep(await speedServer());
    const proxy = keep(await connectProxy());
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: false } };
    const direct = await runNetworkTest(planFor(measure, null, tuning), deps({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'intranet.example,127.0.0.0/8' } }), {
      profileId: 'p',
    });
    expect(proxy.tunnels).toEqual([]);
    expect(direct.services[0]).toMatchObject({ ok: true, viaProxy: false });
    const through = await runNetworkTest(planFor(measure, null, tuning), deps({ env: { HTTPS_PROXY: proxy.url, no_proxy: '.example.org,10.0.0.0/8' } }), {
      profileId: 'p',
    });
    expect(proxy.tunnels).toHaveLength(1);
    expect(through.services[0]).toMatchObject({ ok: true, viaProxy: true });
  }, 20_000);
});

describe('the byte cap holds against a server that sends without end', () => {
  it('delay probes and upload answers are cut off, every byte read counts, and the total stays within the cap', async () => {
    const s = keep(await speedServer({ flood: true }));
    const cap = 8 * 1024 * 1024;
    const measure: NetworkMeasure = { throughput: throughputOf(s.url) };
    const run = await runNetworkTest(planFor(measure, null, { directionMs: 2000, maxBytes: cap }), deps(), { profileId: 'p', stallMs: 1000 });
    // a probe asks for nothing: a body without end is a failed probe, not a second of reading
    expect(run.latency!.error ?? '').toMatch(/more than 64 kB/);
    expect(run.bytesTransferred).toBeLessThanOrEqual(cap + 256 * 1024);
    // the total counts what was received and sent, the measured transfers and the cut-off answers too
    expect(run.bytesTransferred).toBeGreaterThanOrEqual(run.download!.bytes + s.received());
    expect(s.received()).toBeLessThanOrEqual(cap);
  }, 20_000);
});

describe('what a site answers', () => {
  it('a redirect to the same site is followed (bounded); a loop is not an answer; another site is', async () => {
    const s = keep(await speedServer({ redirects: { '/platform': '/login', '/loop': '/loop', '/sso': 'https://login.example/' } }));
    const measure: NetworkMeasure = { services: { urls: [`${s.url}/platform`, `${s.url}/loop`, `${s.url}/sso`], required: true } };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps(), { profileId: 'p' });
    expect(run.services[0]).toMatchObject({ ok: true, status: 200 });
    expect(s.requests.filter((r) => r === 'GET /login')).toHaveLength(1);
    expect(run.services[1]).toMatchObject({ ok: false, error: 'more than 5 redirects' });
    expect(s.requests.filter((r) => r === 'GET /loop')).toHaveLength(6);
    expect(run.services[2]).toMatchObject({ ok: true, status: 302 });
  }, 20_000);

  it('a name with no DNS answer is said in words, in every language', async () => {
    const lookup: NetworkDeps['lookup'] = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const measure: NetworkMeasure = { services: { urls: ['https://courses.edx.org/'], required: true } };
    const run = await runNetworkTest(planFor(measure, null, tuning), deps({ lookup, allowPrivate: false }), { profileId: 'p' });
    expect(run.services[0]).toMatchObject({ ok: false, cause: 'dns', error: 'could not find courses.edx.org (no DNS answer)' });
    const services = byId(judgeNetworkRun(run, measure), 'network.services');
    expect(services.status).toBe('fail');
    expect(services.evidence[0]).toMatchObject({ key: 'network:evidence.serviceDns', params: { host: 'courses.edx.org' } });
    const words = {
      en: 'Could not find courses.edx.org (no DNS answer)',
      es: 'No se encontró courses.edx.org',
      pt: 'Não foi possível encontrar courses.edx.org',
    };
    for (const [lang, text] of Object.entries(words)) {
      const shown = renderMsg(createI18n(lang as Language), services.evidence[0]);
      expect(shown, lang).toContain(text);
      expect(shown, lang).not.toMatch(/ENOTFOUND|getaddrinfo/);
    }
  }, 20_000);
});
