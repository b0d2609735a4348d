// The app's network handlers (plan before contact, run, cancel, history kept on disk, report joined)
// and the headless command's --network, against real loopback servers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../../../electron/handlers';
import { type CliIo } from '../../../electron/cli/run';
import { parseProfileText } from '../../../shared/profile/load';
import type { Profile } from '../../../shared/profile/schema';
import { SAFE_DEFAULTS, type EffectivePolicy } from '../../../shared/policy/schema';
import type { LoadedPolicy } from '../../../electron/storage/policy';
import type { NetworkProgress } from '../../../shared/network/result';
import { machines } from '../../fixtures/facts/machines';
import { connectProxy, speedServer, stunResponder, testCert, type SpeedServer } from './servers';
import { runInProcess } from '../cli/in-process';
import { timeEndpoints } from '../../../electron/inspect/network';
import { guardedHead } from '../../../electron/network/head';
import { depsWithTrust } from '../../../electron/network/for-profile';
import { fakeDeps } from '../inspect/fake-deps';

let fast: SpeedServer;
let slowUp: SpeedServer;
let stun: Awaited<ReturnType<typeof stunResponder>>;
beforeAll(async () => {
  [fast, slowUp, stun] = await Promise.all([speedServer(), speedServer({ throttleUploadBps: 1_000_000 }), stunResponder()]);
});
afterAll(async () => {
  await Promise.all([fast.close(), slowUp.close(), stun.close()]);
});
afterEach(() => {
  fast.requests.length = 0;
  slowUp.requests.length = 0;
});

function labProfile(base: string, id = 'lab-exam'): Profile {
  return parseProfileText(
    JSON.stringify({
      id,
      version: '1.0.0',
      title: 'Lab exam',
      program: 'Lab',
      requirements: {
        network: {
          measure: {
            minDownloadMbps: { value: 3 },
            minUploadMbps: { value: 3 },
            maxLatencyMs: { value: 500 },
            services: { urls: [`${base}/platform`], required: true },
            udp: { stunServer: stun.server },
            throughput: { downloadUrl: `${base}/__down?bytes={bytes}`, uploadUrl: `${base}/__up` },
          },
        },
      },
    }),
    `${id}.json`,
  );
}
const testDeps = () => ({ ca: testCert().cert, allowPrivate: true, env: {} });
const tuning = { directionMs: 1200, maxBytes: 20 * 1024 * 1024 };

describe('network handlers', () => {
  it('show the hosts first, contact nothing until asked, stream progress, keep the run and join the report', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-net-'));
    const progress: NetworkProgress[] = [];
    const profile = labProfile(fast.url);
    const h = createHandlers(
      {
        dataDir,
        appVersion: '1.0.0',
        now: () => Date.now(),
        emit: (m, p) => {
          if (m === 'onNetworkProgress') progress.push(p as NetworkProgress);
        },
      },
      { scan: { extraProfiles: [profile], inspectDeps: undefined }, network: { deps: testDeps(), tuning } },
    );
    const plan = await h.networkPlan('lab-exam');
    expect(plan).toMatchObject({ allowed: true, reason: null, hosts: [`127.0.0.1:${fast.port}`, `udp ${stun.server}`], totalSeconds: 30 });
    expect(fast.requests).toEqual([]);
    const view = await h.runNetworkTest('lab-exam');
    expect(fast.requests.length).toBeGreaterThan(0);
    expect(view.results.map((r) => [r.id, r.status])).toEqual([
      ['network.services', 'pass'],
      ['network.download', 'pass'],
      ['network.upload', 'pass'],
      ['network.latency', 'pass'],
      ['network.udp', 'pass'],
      ['network.clock', 'pass'],
      ['network.proxy', 'pass'],
    ]);
    expect(progress.map((p) => p.phase)).toContain('download');
    // kept with its time in the data folder, written whole
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'network-runs.json'), 'utf8')) as { runs: Array<{ id: string; startedAt: string }> };
    expect(saved.runs.map((r) => r.id)).toEqual([view.run.id]);
    expect(await h.networkHistory('lab-exam')).toHaveLength(1);
    // a second app start reads the same history
    const again = createHandlers({ dataDir, appVersion: '1.0.0', now: () => Date.now(), emit: () => undefined }, { scan: { extraProfiles: [profile] } });
    expect((await again.networkHistory('lab-exam'))[0]!.id).toBe(view.run.id);
    expect(await again.networkHistory('mitx-sds-capstone')).toEqual([]);
  }, 30_000);

  it('cancel stops the run in progress; a second start while running is refused', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-net-'));
    const h = createHandlers(
      { dataDir, appVersion: '1.0.0', now: () => Date.now(), emit: () => undefined },
      { scan: { extraProfiles: [labProfile(slowUp.url)] }, network: { deps: testDeps(), tuning: { directionMs: 10_000 } } },
    );
    expect(await h.cancelNetworkTest()).toBe(false);
    const running = h.runNetworkTest('lab-exam');
    await new Promise((r) => setTimeout(r, 300));
    await expect(h.runNetworkTest('lab-exam')).rejects.toThrow(/already running/);
    const t = Date.now();
    expect(await h.cancelNetworkTest()).toBe(true);
    const view = await running;
    expect(Date.now() - t).toBeLessThan(2500);
    expect(view.run.outcome).toBe('cancelled');
  }, 30_000);

  it('the exam endpoints are contacted by the network test, never by the scan (issue 26)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-net-'));
    const base = labProfile(fast.url);
    const profile = {
      ...base,
      requirements: { ...base.requirements, network: { ...base.requirements.network!, endpoints: [`${fast.url}/health`] } },
    } as Profile;
    // the app's own endpoint HEAD: the measurement's address guard (loopback allowed here as a policy would)
    const head = guardedHead(() => depsWithTrust(null, testDeps()));
    const h = createHandlers(
      { dataDir, appVersion: '1.0.0', now: () => Date.now(), emit: () => undefined },
      { scan: { extraProfiles: [profile], inspectDeps: fakeDeps({ platform: 'linux', head }) }, network: { deps: testDeps(), tuning } },
    );
    // the report is built from the kept scan: its endpoint check now carries the timing
    const endpointCheck = async () => {
      const made = await h.makeReport('lab-exam', {}, false, 'en');
      if (!made.ok) throw new Error('no report');
      return made.value.report.results.find((r) => r.id === 'network.endpoints')!;
    };
    const scan = await h.runScan('lab-exam');
    expect(fast.requests.filter((r) => r.includes('/health'))).toEqual([]);
    expect(scan.results.find((r) => r.id === 'network.endpoints')!.status).toBe('unknown');
    expect((await endpointCheck()).status).toBe('unknown');
    await h.runNetworkTest('lab-exam');
    expect(fast.requests.filter((r) => r.includes('/health'))).toEqual(['HEAD /health']);
    const timed = await endpointCheck();
    expect(timed.status).not.toBe('unknown');
    expect(timed.evidence[0]!.params?.url).toBe(`${fast.url}/health`);
  }, 30_000);

  it("the policy's switch turns the measurement off; the built-in exams contact nothing in tests", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-net-'));
    const off = createHandlers(
      { dataDir, appVersion: '1.0.0', now: () => Date.now(), emit: () => undefined },
      { scan: { extraProfiles: [labProfile(fast.url)], networkChecks: false }, network: { deps: testDeps() } },
    );
    expect(await off.networkPlan('lab-exam')).toMatchObject({ allowed: false, reason: 'policy-off' });
    await expect(off.runNetworkTest('lab-exam')).rejects.toThrow(/turned off/);
    expect(fast.requests).toEqual([]);
    const builtin = await off.networkPlan('mitx-sds-capstone');
    expect(builtin.hosts).toEqual(['courses.edx.org:443', 'speed.cloudflare.com:443', 'udp stun.cloudflare.com:3478']);
  });
});

function loaded(policy: Partial<EffectivePolicy>, extraProfiles: Profile[]): LoadedPolicy {
  return {
    policy: { ...SAFE_DEFAULTS, ...policy },
    source: '/etc/exam-preflight/policy.json',
    searched: [],
    problems: [],
    rejected: false,
    extraProfiles,
    extraBanks: [],
  };
}

const cli = (argv: string[], policy: LoadedPolicy, network: CliIo['network'] = { deps: testDeps(), tuning }) =>
  runInProcess(argv, { cwd: os.tmpdir(), loadPolicy: async () => policy, network });

describe('headless --network', () => {
  it('measures only with --network; the findings and the run join the JSON report', async () => {
    const pol = loaded({}, [labProfile(fast.url)]);
    const without = await cli(['check', '--profile', 'lab-exam', '--format', 'json'], pol);
    expect(fast.requests).toEqual([]);
    expect(JSON.parse(without.stdout).network).toBeNull();
    const withNet = await cli(['check', '--profile', 'lab-exam', '--format', 'json', '--network'], pol);
    const report = JSON.parse(withNet.stdout);
    expect(withNet.stderr).toContain(`127.0.0.1:${fast.port}`);
    expect(report.network.download.mbps).toBeGreaterThan(3);
    expect(
      report.results
        .filter((r: { area: string; id: string }) => r.id.startsWith('network.') && ['network.download', 'network.udp'].includes(r.id))
        .map((r: { status: string }) => r.status),
    ).toEqual(['pass', 'pass']);
  }, 30_000);

  it('on a terminal, the seconds left of the budget on stderr; nothing under --quiet (issue 25)', async () => {
    const pol = loaded({}, [labProfile(fast.url)]);
    const run = (argv: string[]) =>
      runInProcess(['check', '--profile', 'lab-exam', '--network', ...argv], {
        cwd: os.tmpdir(),
        loadPolicy: async () => pol,
        network: { deps: testDeps(), tuning },
        stderrTTY: true,
      });
    const shown = await run([]);
    expect(shown.stderr).toMatch(/\r\x1b\[KMeasuring the network: exam sites and UDP · \d+ s left/);
    expect(shown.stderr.endsWith('\r\x1b[K')).toBe(true);
    const quiet = await run(['--quiet']);
    expect(quiet).toMatchObject({ stderr: '', stdout: expect.stringMatching(/^(Ready|Not ready|Incomplete)[^\n]*\n$/) });
    expect(quiet.code).toBe(shown.code);
  }, 30_000);

  it('a throttled upload shows in the text and HTML outputs with its number', async () => {
    const pol = loaded({}, [labProfile(slowUp.url)]);
    const text = await cli(['check', '--profile', 'lab-exam', '--network', '--lang', 'es'], pol, {
      deps: testDeps(),
      tuning: { ...tuning, directionMs: 2500 },
    });
    expect(text.stdout).toMatch(/Velocidad de subida .*\b[01](,\d)? Mbps/);
    const html = await cli(['check', '--profile', 'lab-exam', '--network', '--format', 'html'], pol, {
      deps: testDeps(),
      tuning: { ...tuning, directionMs: 2500 },
    });
    expect(html.stdout).toMatch(/Upload speed[\s\S]{0,400}\b[01](\.\d)? Mbps/);
  }, 30_000);

  it('the older endpoint timing runs only with --network, through the address guard (no 127.0.0.1 without the policy switch)', async () => {
    const endpoints = parseProfileText(
      JSON.stringify({ id: 'lab-endpoints', version: '1.0.0', title: 'Lab', program: 'Lab', requirements: { network: { endpoints: [`${fast.url}/health`] } } }),
      'lab-endpoints.json',
    );
    const timed: Array<Awaited<ReturnType<typeof timeEndpoints>>> = [];
    // the real collector's endpoint step, with the deps the command hands to the inspectors
    const inspect: CliIo['inspect'] = async (req, call) => {
      const good = machines.good();
      if (!req.networkChecks || !req.endpoints.length) return good;
      const results = await timeEndpoints(req.endpoints, call!.deps!.head, 3000);
      timed.push(results);
      return { ...good, network: { ...good.network, endpoints: results } };
    };
    const pol = loaded({}, [endpoints]);
    await runInProcess(['check', '--profile', 'lab-endpoints', '--format', 'json'], { cwd: os.tmpdir(), loadPolicy: async () => pol, inspect });
    expect(timed).toEqual([]);
    const asked = await runInProcess(['check', '--profile', 'lab-endpoints', '--format', 'json', '--network'], {
      cwd: os.tmpdir(),
      loadPolicy: async () => pol,
      inspect,
      network: { deps: { ca: testCert().cert, env: {} } },
    });
    expect(timed[0]![0]).toMatchObject({ ok: false, error: expect.stringMatching(/127\.0\.0\.1 is a private, loopback or link-local address: not contacted/) });
    expect(fast.requests).toEqual([]);
    const endpointsResult = JSON.parse(asked.stdout).results.find((r: { id: string }) => r.id === 'network.endpoints');
    expect(endpointsResult.status).toBe('fail');
    // the admin's switch lets a lab server be timed
    await runInProcess(['check', '--profile', 'lab-endpoints', '--format', 'json', '--network'], {
      cwd: os.tmpdir(),
      loadPolicy: async () => loaded({ networkTest: { allowPrivateNetworkTargets: true } }, [endpoints]),
      inspect,
      network: { deps: { ca: testCert().cert, env: {} } },
    });
    expect(timed[1]![0]).toMatchObject({ ok: true, error: null });
    expect(fast.requests).toEqual(['HEAD /health']);
  }, 30_000);

  it('an admin policy can measure headless without the flag, or forbid it', async () => {
    const on = await cli(['check', '--profile', 'lab-exam', '--format', 'json'], loaded({ networkTest: { headless: true } }, [labProfile(fast.url)]));
    expect(JSON.parse(on.stdout).network).not.toBeNull();
    fast.requests.length = 0;
    const off = await cli(['check', '--profile', 'lab-exam', '--format', 'json', '--network'], loaded({ networkChecks: false }, [labProfile(fast.url)]));
    expect(off.stderr).toMatch(/policy turns network checks off/);
    expect(fast.requests).toEqual([]);
    expect(JSON.parse(off.stdout).network).toBeNull();
  }, 30_000);

  it('headless reads the OS proxy settings (Windows reg) and tunnels through that proxy', async () => {
    const proxy = await connectProxy();
    try {
      const reg = `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    admin:pw@${proxy.url.slice(7)}\r\n`;
      const exec = async (program: string) =>
        program === 'reg' ? { ok: true, stdout: reg, stderr: '' } : { ok: false, stdout: '', stderr: '', failure: 'not-found' as const };
      const r = await cli(['check', '--profile', 'lab-exam', '--format', 'json', '--network'], loaded({}, [labProfile(fast.url)]), {
        deps: { ...testDeps(), platform: 'win32', exec },
        tuning: { ...tuning, directionMs: 600 },
      });
      const report = JSON.parse(r.stdout);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(report.network.proxy).toMatchObject({ used: proxy.url, found: [{ source: 'Windows Internet Settings', value: proxy.url.slice(7) }] });
      expect(r.stdout).not.toMatch(/admin:pw/);
    } finally {
      await proxy.close();
    }
  }, 30_000);
});

describe('the report in the app', () => {
  it('joins the latest run and its findings, and a re-evaluation judges the run against the other exam', async () => {
    const { createReportHandlers } = await import('../../../electron/handlers/report');
    const { createNetworkHandlers } = await import('../../../electron/handlers/network');
    const { evaluate } = await import('../../../shared/rules');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-net-'));
    const ctx = { dataDir, appVersion: '1.0.0', now: () => Date.now(), emit: () => undefined };
    const profile = labProfile(slowUp.url);
    const net = createNetworkHandlers(ctx, { extraProfiles: [profile], deps: testDeps(), tuning: { ...tuning, directionMs: 2500 } });
    await net.handlers.runNetworkTest('lab-exam');
    const facts = machines.good();
    const scan = { profileId: 'lab-exam', profileVersion: '1.0.0', startedAt: '', finishedAt: '', facts, results: evaluate(profile, facts) };
    const reports = createReportHandlers(ctx, { extraProfiles: [profile], latestScan: () => scan, latestNetwork: net.latestNetwork });
    const made = await reports.makeReport('lab-exam', {}, false, 'en');
    if (!made.ok) throw new Error('no report');
    expect(made.value.report.network?.upload?.mbps).toBeLessThan(1.6);
    expect(made.value.report.results.find((r) => r.id === 'network.upload')?.status).toBe('warn');
    expect(made.value.html).toContain('Upload speed');
    // the same run against an exam that asks nothing of the upload: measured, not judged
    const again = await reports.reevaluateReport(made.value.json, 'r.json', 'mitx-xpro-course');
    if (!again.ok) throw new Error('not re-evaluated');
    expect(again.value.network?.id).toBe(made.value.report.network?.id);
    expect(again.value.results.find((r) => r.id === 'network.upload')).toMatchObject({ status: 'pass', expected: null });
  }, 30_000);
});
