// Every request a profile can cause behind the same guard (the older endpoint timing included),
// the company CAs (the OS store where Node reads it, the policy's extra file), NO_PROXY as curl
// reads it, clock skew in human units, and the app's Chromium transport with a mocked net module.
import { EventEmitter } from 'node:events';
import https from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetworkDeps } from '../../../electron/network/deps';
import { depsWithTrust } from '../../../electron/network/for-profile';
import { guardedHead } from '../../../electron/network/head';
import { noProxyMatches } from '../../../electron/network/no-proxy';
import { runNetworkTest } from '../../../electron/network/run';
import { parsePemCertificates, readCaFile, systemCa } from '../../../electron/network/trust';
import { timeEndpoints } from '../../../electron/inspect/network';
import { endpointProblem } from '../../../shared/rules/network';
import { chromiumTransport, type NetLike, type NetRequest } from '../../../electron/main/network-options';
import { planFor, NetworkPolicySchema, type NetworkMeasure } from '../../../shared/network/config';
import { judgeNetworkRun } from '../../../shared/network/judge';
import type { NetworkRun } from '../../../shared/network/result';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { speedServer, testCert, loopbackDeps } from './servers';
import { closedAfterEach } from './closed-after-each';

const keep = closedAfterEach();
const deps = loopbackDeps;

describe('the endpoint timing (requirements.network.endpoints) goes through the address guard', () => {
  it('refuses 127.0.0.1 and a name resolving to it without the policy switch; nothing reaches the server', async () => {
    const s = keep(await speedServer());
    const guarded = deps({ allowPrivate: false, lookup: async () => [{ address: '127.0.0.1', family: 4 }] });
    const results = await timeEndpoints(
      [`${s.url}/health`, `https://exam.example:${s.port}/health`],
      guardedHead(() => guarded),
      3000,
    );
    expect(s.requests).toEqual([]);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results[0]!.error).toMatch(/127\.0\.0\.1 is a private, loopback or link-local address: not contacted/);
    expect(results[1]!.error).toMatch(/exam\.example resolves to 127\.0\.0\.1/);
  });

  it('with the switch (a lab server) the HEAD is timed through the same connection code', async () => {
    const s = keep(await speedServer());
    const results = await timeEndpoints(
      [`${s.url}/health`],
      guardedHead(() => deps()),
      3000,
    );
    expect(results[0]).toMatchObject({ ok: true, error: null });
    expect(s.requests).toEqual(['HEAD /health']);
  });
});

describe('the endpoint timing words a missing DNS answer', () => {
  it('ENOTFOUND is kept for support and said in words to the learner (no DNS answer)', async () => {
    const lookup: NetworkDeps['lookup'] = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const [r] = await timeEndpoints(
      ['https://courses.edx.org/'],
      guardedHead(() => deps({ lookup, allowPrivate: false })),
      3000,
    );
    expect(r).toMatchObject({ ok: false, error: 'getaddrinfo ENOTFOUND courses.edx.org' });
    expect(endpointProblem(r!.error).key).toBe('checks:network.endpoints.problem.dns');
  });
});

describe('trusted certificate authorities', () => {
  it("reads the OS store where Node can (tls.getCACertificates('system')), and keeps Node's own list where it cannot", () => {
    expect(systemCa({ rootCertificates: ['n'] })).toBeUndefined();
    const calls: string[] = [];
    const source = {
      rootCertificates: ['n'],
      getCACertificates: (t?: string) => {
        calls.push(t ?? '');
        return t === 'system' ? ['company', 'n'] : ['n', 'extra'];
      },
    };
    expect(systemCa(source)).toEqual(['n', 'extra', 'company']);
    expect(calls).toEqual(['default', 'system']);
    expect(
      systemCa({
        rootCertificates: [],
        getCACertificates: () => {
          throw new Error('unsupported');
        },
      }),
    ).toBeUndefined();
  });

  it('checks the extra CA file and says what is wrong with it', async () => {
    const { cert } = testCert();
    expect(parsePemCertificates(`comment\n${cert}\n${cert}`, 'ca.pem', Date.now())).toHaveLength(2);
    expect(() => parsePemCertificates('not a certificate', 'ca.pem', Date.now())).toThrow(/ca\.pem: no certificate in PEM form/);
    expect(() => parsePemCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'ca.pem', Date.now())).toThrow(
      /certificate 1 cannot be read/,
    );
    expect(() => parsePemCertificates(cert.replace('-----END CERTIFICATE-----', ''), 'ca.pem', Date.now())).toThrow(/has no "-----END CERTIFICATE-----" line/);
    // the test certificate is valid for 2 days
    expect(() => parsePemCertificates(cert, 'ca.pem', Date.now() + 5 * 86_400_000)).toThrow(/certificate 1 \(CN=localhost\) expired/);
    await expect(readCaFile('/nonexistent/ca.pem', Date.now())).rejects.toThrow(/networkTest\.caFile \/nonexistent\/ca\.pem cannot be read \(ENOENT\)/);
    expect(NetworkPolicySchema.safeParse({ caFile: '' }).success).toBe(false);
    expect(NetworkPolicySchema.safeParse({ caFile: 'company-ca.pem' }).success).toBe(true);
  });

  it("a speed server signed by a company CA fails on Node's list alone and passes with the policy's CA file", async () => {
    const s = keep(await speedServer());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-ca-'));
    try {
      const file = path.join(dir, 'company-ca.pem');
      writeFileSync(file, testCert().cert);
      const measure: NetworkMeasure = { services: { urls: [`${s.url}/x`], required: true } };
      const plan = planFor(measure, null, { totalMs: 5000 });
      const without = await runNetworkTest(plan, deps({ ca: undefined }), { profileId: 'p' });
      expect(without.services[0]!.ok).toBe(false);
      expect(without.services[0]!.error).toMatch(/self.signed|certificate/i);
      const trusted = await depsWithTrust({ caFile: file }, { ca: undefined, allowPrivate: true, env: {}, platform: 'linux' });
      const withCa = await runNetworkTest(plan, trusted, { profileId: 'p' });
      expect(withCa.services[0]).toMatchObject({ ok: true, status: 200 });
      await expect(depsWithTrust({ caFile: path.join(dir, 'missing.pem') }, {})).rejects.toThrow(/missing\.pem cannot be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('NO_PROXY as curl reads it', () => {
  it.each([
    ['courses.edx.org', 'edx.org', true],
    ['edx.org', 'edx.org', true],
    ['notedx.org', 'edx.org', false],
    ['courses.edx.org', '.edx.org', true],
    ['edx.org', '.edx.org', true],
    ['courses.edx.org', 'example.com, courses.edx.org:443', true],
    ['anything.example', '*', true],
    ['anything.example', '', false],
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['192.168.1.7', '192.168.1.7', true],
    ['192.168.1.7', '192.168.1.7:8080', true],
    ['[fd00::1]', 'fd00::/8', true],
    ['fe80::1', 'fd00::/8', false],
    ['::1', '[::1]', true],
    ['10.1.2.3', 'edx.org 10.1.2.0/24', true],
    ['host.internal', '10.0.0.0/8', false],
  ])('%s with NO_PROXY=%j -> %s', (host, list, direct) => {
    expect(noProxyMatches(host, list)).toBe(direct);
  });
});

describe('clock skew in human units', () => {
  const run = (skewSeconds: number): NetworkRun => ({
    id: 'r',
    profileId: 'p',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:30Z',
    outcome: 'complete',
    timeZone: 'Europe/Madrid',
    proxy: { found: [], used: null, pacUrl: null },
    services: [],
    latency: null,
    download: null,
    upload: null,
    udp: null,
    clock: { skewSeconds, against: 'courses.edx.org' },
    bytesTransferred: 0,
  });
  it.each([
    [-600, 'en', '10 minutes behind'],
    [-600, 'es', '10 minutos atrasado'],
    [-600, 'pt', '10 minutos atrasado'],
    [60, 'en', '60 s ahead'],
    [-3600 * 3, 'en', '3 hours behind'],
    [3600 * 24 * 3, 'es', '3 días adelantado'],
    [60 * 61, 'pt', '61 minutos adiantado'],
  ] as const)('%i s in %s reads "%s"', (skew, lang, text) => {
    const clock = judgeNetworkRun(run(skew), undefined).find((r) => r.id === 'network.clock')!;
    expect(renderMsg(createI18n(lang), clock.observed)).toContain(text);
  });
});

/**
 * Electron's net.request, stood in for by node's https (trusting the test certificate), with the
 * behaviour the transport relies on: redirect: 'manual' raises 'redirect', answers raise 'response'.
 */
function fakeNet(seen: Array<{ url: string; method: string; redirect: string; useSessionCookies: boolean }>, status407 = false): NetLike<unknown> {
  return {
    request(o) {
      seen.push({ url: o.url, method: o.method, redirect: o.redirect, useSessionCookies: o.useSessionCookies });
      const em = new EventEmitter() as EventEmitter & NetRequest;
      const headers: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let req: ReturnType<typeof https.request> | null = null;
      em.setHeader = (k, v) => void (headers[k] = v);
      em.write = (c) => (chunks.push(c), true);
      em.abort = () => req?.destroy();
      em.end = (c) => {
        if (c) chunks.push(c);
        if (status407) {
          const res = Object.assign(new EventEmitter(), { statusCode: 407, headers: {}, destroy: () => undefined });
          return void setImmediate(() => em.emit('response', res));
        }
        req = https.request(o.url, { method: o.method, headers, ca: testCert().cert }, (res) => {
          const code = res.statusCode ?? 0;
          if (code >= 300 && code < 400 && res.headers.location) {
            res.resume();
            return void em.emit('redirect', code, o.method, new URL(res.headers.location, o.url).href, {});
          }
          em.emit('response', res);
        });
        req.on('error', (err) => em.emit('error', err));
        req.end(Buffer.concat(chunks));
      };
      return em;
    },
  };
}

describe("the app's Chromium transport (net.request on the session), with a mocked net module", () => {
  it('measures through it, follows a same-site redirect itself, and keeps the address guard', async () => {
    const s = keep(await speedServer({ redirects: { '/platform': '/login' } }));
    const seen: Parameters<typeof fakeNet>[0] = [];
    const measure: NetworkMeasure = {
      services: { urls: [`${s.url}/platform`], required: true },
      throughput: { downloadUrl: `${s.url}/__down?bytes={bytes}`, uploadUrl: `${s.url}/__up` },
    };
    const transport = chromiumTransport(fakeNet(seen));
    const run = await runNetworkTest(planFor(measure, null, { directionMs: 800, maxBytes: 16 * 1024 * 1024 }), deps({ ca: undefined, transport }), {
      profileId: 'p',
    });
    expect(run.services[0]).toMatchObject({ ok: true, status: 200, tlsMs: null });
    expect(run.download!.mbps).not.toBeNull();
    expect(run.upload!.mbps).not.toBeNull();
    expect(seen.every((r) => r.redirect === 'manual' && r.useSessionCookies === false)).toBe(true);
    expect(seen.filter((r) => r.url.endsWith('/login'))).toHaveLength(1);

    const refused: typeof seen = [];
    const guarded = await runNetworkTest(
      planFor(measure, null, { directionMs: 800 }),
      deps({ allowPrivate: false, transport: chromiumTransport(fakeNet(refused)) }),
      {
        profileId: 'p',
      },
    );
    expect(refused).toEqual([]);
    expect(guarded.services[0]!.error).toMatch(/not contacted/);
  }, 20_000);

  it("a proxy's 407 through Chromium is the proxy finding", async () => {
    const measure: NetworkMeasure = { services: { urls: ['https://exam.example/'], required: false } };
    const run = await runNetworkTest(
      planFor(measure, null, { totalMs: 5000 }),
      deps({ lookup: async () => [{ address: '93.184.216.34', family: 4 }], transport: chromiumTransport(fakeNet([], true)) }),
      { profileId: 'p' },
    );
    expect(run.proxy.authRequired).toBe(true);
    expect(judgeNetworkRun(run, measure).find((r) => r.id === 'network.proxy-auth')!.status).toBe('warn');
  });
});
