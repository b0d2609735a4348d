// The scan handlers over a fake machine (nothing probed for real): profiles listed, results streamed
// as areas land, one check re-run alone, arguments from the window validated.
import { describe, expect, it } from 'vitest';
import { createScanHandlers } from '../../../electron/handlers/scan';
import type { Emit } from '../../../shared/api';
import type { CheckResult } from '../../../shared/check';
import { fakeDeps } from '../inspect/fake-deps';
import { parseProfileText } from '../../../shared/profile/load';

function setup() {
  const emitted: CheckResult[] = [];
  const emit: Emit = (method, payload) => {
    if (method === 'onScanProgress') emitted.push(...(payload as CheckResult[]));
  };
  const deps = fakeDeps({ platform: 'linux' });
  const { handlers, latestScan } = createScanHandlers(
    { dataDir: '/nonexistent', appVersion: '9.9.9', emit, now: () => Date.parse('2026-11-20T10:00:00Z') },
    { inspectDeps: deps, networkChecks: false },
  );
  return { handlers, latestScan, emitted, deps };
}

describe('scan handlers', () => {
  it('lists the built-in exams with localized titles', async () => {
    const { handlers } = setup();
    const en = await handlers.listProfiles('en');
    expect(en.map((p) => p.id).sort()).toEqual(['mitx-pom-final', 'mitx-sds-capstone', 'mitx-sds-ml', 'mitx-xpro-course']);
    const es = await handlers.listProfiles('es');
    expect(es.find((p) => p.id === 'mitx-pom-final')!.title).not.toBe(en.find((p) => p.id === 'mitx-pom-final')!.title);
    expect((await handlers.listProfiles('xx')).length).toBe(4); // unknown language: English
  });

  it('streams every result before the scan resolves, and keeps the latest scan', async () => {
    const { handlers, emitted, latestScan } = setup();
    const scan = await handlers.runScan('mitx-sds-capstone');
    expect(scan.results.length).toBeGreaterThan(3);
    expect(emitted.map((r) => r.id).sort()).toEqual(scan.results.map((r) => r.id).sort());
    // a fake machine that answers nothing: what could not be read is unknown, not pass
    expect(scan.results.some((r) => r.status === 'unknown')).toBe(true);
    expect(latestScan('mitx-sds-capstone')).toBe(scan);
  });

  it('sends the results of one landed fact area in one message, never one message per result', async () => {
    const batches: CheckResult[][] = [];
    const { handlers } = createScanHandlers(
      {
        dataDir: '/nonexistent',
        appVersion: '9.9.9',
        emit: (method, payload) => {
          if (method === 'onScanProgress') batches.push(payload as CheckResult[]);
        },
        now: () => 0,
      },
      { inspectDeps: fakeDeps({ platform: 'linux' }), networkChecks: false },
    );
    const scan = await handlers.runScan('mitx-sds-capstone');
    expect(batches.every((b) => Array.isArray(b) && b.length > 0)).toBe(true);
    // fewer messages than results: several checks read the same area and travel together
    expect(batches.length).toBeLessThan(scan.results.length);
    expect(
      batches
        .flat()
        .map((r) => r.id)
        .sort(),
    ).toEqual(scan.results.map((r) => r.id).sort());
  });

  it('re-runs one check alone and updates the kept scan', async () => {
    const { handlers, latestScan, deps } = setup();
    const scan = await handlers.runScan('mitx-sds-capstone');
    const target = scan.results[0]!;
    const before = deps.calls.length;
    const r = await handlers.rerunCheck('mitx-sds-capstone', target.id);
    expect(r.id).toBe(target.id);
    // fewer probes than a full scan
    expect(deps.calls.length - before).toBeLessThan(before);
    expect(latestScan('mitx-sds-capstone')!.results.find((x) => x.id === target.id)).toEqual(r);
  });

  it('refuses bad arguments from the window', async () => {
    const { handlers } = setup();
    await expect(handlers.runScan('no-such-exam')).rejects.toThrow(/unknown profile "no-such-exam"/);
    await expect(handlers.runScan(42)).rejects.toThrow();
    await expect(handlers.rerunCheck('mitx-sds-capstone', '../../etc')).rejects.toThrow();
    await expect(handlers.rerunCheck('mitx-sds-capstone', 'no.such.check')).rejects.toThrow(/unknown check/);
  });

  it('gives the camera and microphone requirements and the app version', async () => {
    const { handlers } = setup();
    const req = await handlers.deviceRequirements('mitx-pom-final');
    expect(req.camera).toMatchObject({ minWidth: 640, minHeight: 480, minFps: 15, required: true });
    expect(req.microphone).toMatchObject({ required: false });
    expect(await handlers.appInfo()).toEqual({ version: '9.9.9', policy: null });
  });
});

// Issue 26: every outgoing request a profile can cause is behind the same "only when asked" rule.
// In the window the learner asks by running the network test: a scan never times the endpoints.
describe('the exam endpoints are timed by the network test, not by the scan', () => {
  const lab = parseProfileText(
    JSON.stringify({
      id: 'lab-endpoints',
      version: '1.0.0',
      title: 'Lab',
      program: 'Lab',
      requirements: { network: { endpoints: ['https://exam.example/health'], maxLatencyMs: 1000 } },
    }),
    'lab-endpoints.json',
  );
  const make = (networkChecks?: boolean) => {
    const heads: string[] = [];
    const emitted: CheckResult[] = [];
    const emit: Emit = (method, payload) => {
      if (method === 'onScanProgress') emitted.push(...(payload as CheckResult[]));
    };
    const deps = fakeDeps({
      platform: 'linux',
      head: async (url) => {
        heads.push(url.href);
        return 204;
      },
    });
    const scan = createScanHandlers(
      { dataDir: '/nonexistent', appVersion: '9.9.9', emit, now: () => 0 },
      { inspectDeps: deps, extraProfiles: [lab], networkChecks },
    );
    return { ...scan, heads, emitted };
  };
  const endpoints = (r: { results: CheckResult[] } | undefined) => r?.results.find((x) => x.id === 'network.endpoints');

  it('a scan and a re-run check contact nothing and say the network test times the servers', async () => {
    const { handlers, heads } = make();
    const scan = await handlers.runScan('lab-endpoints');
    await handlers.rerunCheck('lab-endpoints', 'network.endpoints');
    expect(heads).toEqual([]);
    expect(endpoints(scan)!.status).toBe('unknown');
    expect(endpoints(scan)!.fix?.key).toBe('checks:network.endpoints.evidence.runNetworkTest');
  });

  it('the network test times them: the kept scan and the window get the timed check', async () => {
    const { handlers, heads, timeEndpoints, latestScan, emitted } = make();
    await handlers.runScan('lab-endpoints');
    emitted.length = 0;
    const r = await timeEndpoints(lab);
    expect(heads).toEqual(['https://exam.example/health']);
    expect(r!.status).toBe('pass');
    expect(endpoints(latestScan('lab-endpoints'))).toEqual(r);
    expect(emitted).toEqual([r]);
  });

  it('nothing is contacted when the policy turns network checks off, or before any scan', async () => {
    const off = make(false);
    await off.handlers.runScan('lab-endpoints');
    expect(await off.timeEndpoints(lab)).toBeNull();
    const early = make();
    expect(await early.timeEndpoints(lab)).toBeNull();
    expect([...off.heads, ...early.heads]).toEqual([]);
  });
});
