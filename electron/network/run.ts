// One network measurement, start to finish, within the plan's limits: total time (≤ 30 s), bytes
// (a cap shared by both directions and every request), and the caller's AbortSignal (the Cancel
// button). The exam services and the STUN request run beside the measurement, never before it: a
// site that hangs uses its own 5 s, not the speed test's time. When the run ends, everything it
// opened is closed at once, so a finished run holds no socket or timer that keeps the process up.
import { randomUUID } from 'node:crypto';
import type { NetworkPlan } from '../../shared/network/config';
import type { NetworkProgress, NetworkRun } from '../../shared/network/result';
import { MeasuredAgent } from './connect';
import type { NetworkDeps } from './deps';
import { checkService, measureDownload, measureLatency, measureUpload, type Ctx } from './measure';
import { stunBinding } from './stun';
import { proxyPlan, shownProxy } from './system-proxy';

export interface RunOptions {
  profileId: string;
  signal?: AbortSignal;
  onProgress?: (p: NetworkProgress) => void;
  /** a transfer with no data for this long is stalled (default 4 s) */
  stallMs?: number;
  /** per service (default 5 s) */
  serviceTimeoutMs?: number;
  latencySamples?: number;
}

export async function runNetworkTest(plan: NetworkPlan, deps: NetworkDeps, o: RunOptions): Promise<NetworkRun> {
  const id = randomUUID();
  const startedAt = new Date(deps.now()).toISOString();
  const budget = AbortSignal.timeout(plan.totalMs);
  // aborted when the run returns: whatever is still connecting or reading stops there
  const finished = new AbortController();
  const signal = AbortSignal.any([...(o.signal ? [o.signal] : []), budget, finished.signal]);
  const emit = (p: Omit<NetworkProgress, 'runId'>) => o.onProgress?.({ runId: id, ...p });
  const tp = plan.throughput;
  const urls = [...plan.services, ...(tp ? [tp.downloadUrl.replace('{bytes}', '0'), tp.uploadUrl] : [])];
  const proxies = await proxyPlan(urls, deps).catch(() => ({ system: { found: [], https: null, pacUrl: null }, forUrl: new Map<string, string | null>() }));
  const agents = new Map<string, MeasuredAgent>();
  const dates: Array<{ url: string; skewMs: number }> = [];
  let bytes = 0;
  let authRequired = false;
  const proxyFor = (url: URL) => proxies.forUrl.get(url.origin) ?? null;
  const ctx: Ctx = {
    deps,
    signal,
    proxyFor,
    agentFor: (url) => {
      const proxy = proxyFor(url);
      const key = proxy ?? 'direct';
      let a = agents.get(key);
      if (!a) {
        a = new MeasuredAgent({ deps, proxy, signal });
        agents.set(key, a);
      }
      return a;
    },
    // half the round trip is unknown; the Date header has one-second resolution anyway
    onDate: (url, serverMs, localMs) => dates.push({ url, skewMs: localMs - serverMs }),
    onBytes: (n) => {
      bytes += n;
    },
    bytesLeft: () => plan.maxBytes - bytes,
    onProxyAuth: () => {
      authRequired = true;
    },
  };
  const used = [...proxies.forUrl.values()].find(Boolean) ?? null;
  const run: NetworkRun = {
    id,
    profileId: o.profileId,
    startedAt,
    finishedAt: startedAt,
    outcome: 'complete',
    timeZone: deps.timeZone(),
    // the wire form may hold a user name and password: what is kept never does
    proxy: { found: proxies.system.found, used: shownProxy(used), pacUrl: proxies.system.pacUrl },
    services: [],
    latency: null,
    download: null,
    upload: null,
    udp: null,
    clock: { skewSeconds: null, against: null },
    bytesTransferred: 0,
  };
  const measure = async () => {
    if (!tp || signal.aborted) return;
    emit({ phase: 'latency' });
    run.latency = await measureLatency(ctx, new URL(tp.downloadUrl.replace('{bytes}', '0')), o.latencySamples ?? 10, 1000, 2500);
    const t = { durationMs: plan.directionMs, stallMs: o.stallMs ?? 4000 };
    if (!signal.aborted) {
      emit({ phase: 'download' });
      run.download = await measureDownload(ctx, tp.downloadUrl, {
        ...t,
        maxBytes: Math.min(plan.maxBytes / 2, plan.maxBytes - bytes),
        onSample: (mbps, atMs) => emit({ phase: 'download', sample: { direction: 'download', mbps, atMs } }),
      });
    }
    if (!signal.aborted) {
      emit({ phase: 'upload' });
      run.upload = await measureUpload(ctx, tp.uploadUrl, {
        ...t,
        maxBytes: Math.max(0, plan.maxBytes - bytes),
        onSample: (mbps, atMs) => emit({ phase: 'upload', sample: { direction: 'upload', mbps, atMs } }),
      });
    }
  };
  try {
    emit({ phase: 'services' });
    const [services, udp] = await Promise.all([
      Promise.all(plan.services.map((u) => checkService(ctx, u, o.serviceTimeoutMs ?? 5000))),
      plan.stunServer ? stunBinding(plan.stunServer, deps, signal, 3000) : Promise.resolve(null),
      measure(),
    ]);
    run.services = services;
    run.udp = udp && udp.error === 'cancelled' && !o.signal?.aborted ? { ...udp, error: 'the run reached its time limit' } : udp;
  } finally {
    finished.abort();
    for (const a of agents.values()) a.destroy();
  }
  if (dates.length) {
    // the median of every answer's offset: one slow answer does not make the clock look wrong
    const sorted = dates.map((d) => d.skewMs).sort((a, b) => a - b);
    run.clock = { skewSeconds: Math.round(sorted[Math.floor(sorted.length / 2)]! / 1000), against: new URL(dates[0]!.url).host };
  }
  if (authRequired) run.proxy.authRequired = true;
  run.outcome = o.signal?.aborted ? 'cancelled' : budget.aborted ? 'timed-out' : 'complete';
  run.bytesTransferred = bytes;
  run.finishedAt = new Date(deps.now()).toISOString();
  emit({ phase: 'done' });
  return run;
}
