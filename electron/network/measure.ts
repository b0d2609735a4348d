// The HTTP measurements: reaching a service (DNS, TLS, status), latency/jitter/loss from repeated
// small requests, and throughput each way. Each is bounded in time and bytes and stops on abort:
// every byte read or sent counts against the run's cap, and reading stops when it is reached.
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { ServiceResult, ThroughputResult } from '../../shared/network/result';
import { refusedName, RefusedTargetError } from './address';
import { abortable, MeasuredAgent, resolveChecked, timingOf } from './connect';
import type { NetworkDeps, Transport } from './deps';

export interface Ctx {
  deps: NetworkDeps;
  signal: AbortSignal;
  /** the run's shared, kept-alive connections (latency and throughput) */
  agentFor: (url: URL) => MeasuredAgent;
  /** the proxy (wire form) for an address; services open their own connection with their own limit */
  proxyFor?: (url: URL) => string | null;
  /** every response's Date header, with the local time it arrived (clock skew) */
  onDate: (url: string, serverMs: number, localMs: number) => void;
  /** bytes moved, both ways, as they are read or sent */
  onBytes: (n: number) => void;
  /** bytes still allowed by the run's cap (Infinity: no cap) */
  bytesLeft?: () => number;
  /** a proxy answered 407 (its own finding) */
  onProxyAuth?: () => void;
}

const left = (ctx: Ctx) => (ctx.bytesLeft ? ctx.bytesLeft() : Infinity);
/** a latency probe or an upload's answer is a few bytes: a server sending more is not let fill the cap */
const SMALL_ANSWER = 64 * 1024;

/** Reads a small answer to its end, counting every byte, stopping past `limit`. */
async function readSmall(ctx: Ctx, res: IncomingMessage, limit: number): Promise<void> {
  let n = 0;
  for await (const chunk of res) {
    const len = (chunk as Buffer).length;
    n += len;
    ctx.onBytes(len);
    // (the run's cap is checked before each request: one short answer may end just past it)
    if (n > limit) {
      res.destroy();
      throw new Error(`the server sent more than ${limit / 1024} kB where a short answer was expected`);
    }
  }
}

/** DNS and proxy failures read as what they are, not as raw error codes. */
function described(err: unknown, host: string): { text: string; cause?: 'dns' | 'proxy-auth' } {
  const e = err as NodeJS.ErrnoException & { proxyAuth?: boolean };
  if (e.proxyAuth) return { text: e.message, cause: 'proxy-auth' };
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EAI_NODATA' || e.code === 'EAI_NONAME')
    return { text: `could not find ${host} (no DNS answer)`, cause: 'dns' };
  return { text: e.code && !e.message.startsWith(e.code) ? `${e.code}: ${e.message}` : e.message };
}

interface Answer {
  res: IncomingMessage;
  url: URL;
}

/** One request through the measured agent; resolves on the response head. */
function send(
  ctx: Ctx,
  url: URL,
  o: { method: string; signal: AbortSignal; body?: Buffer; headers?: Record<string, string>; agent?: MeasuredAgent },
): Promise<Answer> {
  if (ctx.deps.transport) return sendVia(ctx, ctx.deps.transport, url, o);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: o.method,
        agent: o.agent ?? ctx.agentFor(url),
        signal: o.signal,
        headers: {
          'user-agent': 'exam-preflight',
          ...(o.body ? { 'content-type': 'application/octet-stream', 'content-length': String(o.body.length) } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
        if (Number.isFinite(date)) ctx.onDate(url.href, date, ctx.deps.now());
        resolve({ res, url });
      },
    );
    req.on('error', reject);
    if (o.body) req.end(o.body);
    else req.end();
  });
}

/**
 * The same request through the app's Chromium stack. The name is checked first (every address
 * it resolves to, as for Node's connections); Chromium resolves it again itself, so this guard is
 * one lookup wide rather than tied to the connection — the price of the OS trust store and proxies.
 */
async function sendVia(
  ctx: Ctx,
  transport: Transport,
  url: URL,
  o: { method: string; signal: AbortSignal; body?: Buffer; headers?: Record<string, string> },
): Promise<Answer> {
  const viaProxy = Boolean(ctx.proxyFor?.(url));
  // through a proxy the proxy resolves the name (this computer may not be able to): the name alone is checked
  const named = viaProxy ? refusedName(url.hostname) : null;
  if (named && !ctx.deps.allowPrivate) throw new RefusedTargetError(`${named}: not contacted`);
  const dnsMs = viaProxy ? null : (await resolveChecked(url.hostname, ctx.deps, o.signal)).dnsMs;
  const r = await abortable(
    transport(url, {
      method: o.method,
      signal: o.signal,
      body: o.body,
      headers: { 'user-agent': 'exam-preflight', ...(o.body ? { 'content-type': 'application/octet-stream' } : {}), ...o.headers },
    }),
    o.signal,
  );
  const date = typeof r.headers.date === 'string' ? Date.parse(r.headers.date) : NaN;
  if (Number.isFinite(date)) ctx.onDate(url.href, date, ctx.deps.now());
  // shaped as node's IncomingMessage where the measurement reads it: status, headers, the body's events, complete
  const res = r.body as unknown as IncomingMessage & { complete: boolean };
  Object.assign(res, { statusCode: r.status, headers: r.headers, complete: false });
  res.once('end', () => (res.complete = true));
  // Chromium does not tell the handshake apart: the DNS time is ours, the TLS time unknown
  transportTiming.set(res, { dnsMs: dnsMs === null ? null : Math.round(dnsMs), tlsMs: null, viaProxy });
  o.signal.addEventListener('abort', () => res.destroy(), { once: true });
  return { res, url };
}
/** timings of answers that came through a transport (no socket of ours to read them from) */
const transportTiming = new WeakMap<object, { dnsMs: number | null; tlsMs: number | null; viaProxy: boolean }>();

const reason = (
  err: unknown,
  signal: AbortSignal,
  timeout: AbortSignal,
  timeoutMs: number,
  host = '',
  ctx?: Ctx,
): { error: string; timedOut: boolean; cause?: 'dns' | 'proxy-auth' } => {
  if (timeout.aborted && !signal.aborted) return { error: `no answer within ${(timeoutMs / 1000).toFixed(1)} s`, timedOut: true };
  if (signal.aborted)
    return { error: signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'the run reached its time limit' : 'cancelled', timedOut: true };
  const d = described(err, host);
  if (d.cause === 'proxy-auth') ctx?.onProxyAuth?.();
  return { error: d.text, timedOut: false, ...(d.cause ? { cause: d.cause } : {}) };
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * GET one service: its DNS time, TLS handshake, HTTP status. A redirect to the same host is
 * followed (up to 5): "302 to the login page" is not yet an answer. Each service has its own
 * connection and its own limit, which cancels everything it started (DNS, TCP, TLS, the proxy).
 */
export async function checkService(ctx: Ctx, raw: string, timeoutMs: number): Promise<ServiceResult> {
  const first = new URL(raw);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const t = ctx.deps.mono();
  const agents: MeasuredAgent[] = [];
  let url = first;
  try {
    if (url.protocol !== 'https:') throw new Error('only https:// addresses are contacted');
    let timing: { dnsMs: number | null; tlsMs: number | null; viaProxy: boolean } | null = null;
    let status = 0;
    for (let hop = 0; ; hop++) {
      const agent = new MeasuredAgent({ deps: ctx.deps, proxy: ctx.proxyFor?.(url) ?? null, signal });
      agents.push(agent);
      const { res } = await send(ctx, url, { method: 'GET', signal, headers: { connection: 'close' }, agent });
      timing ??= timingOf(res.socket) ?? transportTiming.get(res) ?? null;
      res.destroy(); // the status is the answer: the page itself is not downloaded
      status = res.statusCode ?? 0;
      const location = REDIRECTS.has(status) ? res.headers.location : undefined;
      if (!location) break;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        break;
      }
      // another site (a single sign-on page) is an answer of this one; only the same host is followed
      if (next.protocol !== 'https:' || next.host !== url.host) break;
      if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      url = next;
    }
    return {
      url: raw,
      ok: status > 0 && status < 500,
      status,
      dnsMs: timing?.dnsMs ?? null,
      tlsMs: timing?.tlsMs ?? null,
      totalMs: Math.round(ctx.deps.mono() - t),
      viaProxy: timing?.viaProxy ?? false,
      timedOut: false,
      error: status >= 500 ? `HTTP ${status}` : null,
    };
  } catch (err) {
    const r = reason(err, ctx.signal, timeout, timeoutMs, url.hostname, ctx);
    return {
      url: raw,
      ok: false,
      status: null,
      dnsMs: null,
      tlsMs: null,
      totalMs: null,
      viaProxy: false,
      timedOut: r.timedOut,
      error: r.error,
      ...(r.cause ? { cause: r.cause } : {}),
    };
  } finally {
    for (const a of agents) a.destroy();
  }
}

/** Repeated tiny requests on one kept-alive connection: median round trip, jitter, and losses. */
export async function measureLatency(
  ctx: Ctx,
  url: URL,
  count: number,
  eachMs: number,
  budgetMs: number,
): Promise<{ medianMs: number | null; jitterMs: number | null; lossPercent: number | null; samples: number; error: string | null }> {
  const times: number[] = [];
  let failed = 0;
  let lastError: string | null = null;
  const end = ctx.deps.mono() + budgetMs;
  let sent = 0;
  // the first request opens the connection (DNS + TCP + TLS): it is warm-up, not a sample
  for (let i = 0; i <= count && ctx.deps.mono() < end && !ctx.signal.aborted && left(ctx) > 0; i++) {
    const timeout = AbortSignal.timeout(Math.ceil(Math.min(eachMs, Math.max(1, end - ctx.deps.mono()))));
    const t = ctx.deps.mono();
    try {
      const { res } = await send(ctx, url, { method: 'GET', signal: AbortSignal.any([ctx.signal, timeout]) });
      // a probe asks for nothing: a server streaming a body is stopped at 64 kB, not read for a second
      await readSmall(ctx, res, SMALL_ANSWER);
      if (i > 0) times.push(ctx.deps.mono() - t);
    } catch (err) {
      if (ctx.signal.aborted) break;
      if (i > 0) failed++;
      lastError = reason(err, ctx.signal, timeout, eachMs, url.hostname, ctx).error;
    }
    if (i > 0) sent++;
  }
  if (!times.length) return { medianMs: null, jitterMs: null, lossPercent: sent ? 100 : null, samples: 0, error: lastError ?? 'no request completed' };
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const diffs = times.slice(1).map((x, i) => Math.abs(x - times[i]!));
  const jitter = diffs.length ? diffs.reduce((a, b) => a + b, 0) / diffs.length : 0;
  return {
    medianMs: Math.round(median * 10) / 10,
    jitterMs: Math.round(jitter * 10) / 10,
    lossPercent: Math.round((failed / sent) * 1000) / 10,
    samples: times.length,
    error: null,
  };
}

export interface ThroughputOptions {
  durationMs: number;
  maxBytes: number;
  /** no data for this long: the server is stalled */
  stallMs: number;
  onSample: (mbps: number, atMs: number) => void;
}

const SAMPLE_MS = 250;
const mbpsOf = (bytes: number, ms: number) => (ms > 0 ? (bytes * 8) / 1000 / ms : 0);

/** Sampling and stall detection shared by both directions. */
function meter(ctx: Ctx, o: ThroughputOptions, onStall: () => void) {
  const start = ctx.deps.mono();
  let bytes = 0;
  let lastBytes = 0;
  let lastProgress = start;
  const samples: number[] = [];
  let lastTick = start;
  const tick = () => {
    const now = ctx.deps.mono();
    const m = mbpsOf(bytes - lastBytes, now - lastTick);
    lastTick = now;
    if (bytes > lastBytes) lastProgress = now;
    lastBytes = bytes;
    samples.push(Math.round(m * 100) / 100);
    o.onSample(m, Math.round(now - start));
    if (now - lastProgress > o.stallMs) onStall();
  };
  const timer = setInterval(tick, SAMPLE_MS);
  return {
    /** bytes that count for the speed (the run's total is counted where they cross the wire) */
    add: (n: number) => {
      bytes += n;
    },
    get bytes() {
      return bytes;
    },
    samples,
    start,
    // the last part-interval too: a transfer shorter than one interval still draws a point
    stop: () => {
      clearInterval(timer);
      if (bytes > lastBytes) tick();
    },
  };
}

/** What both directions share: the meter, the time limit, the abort on a stall, and how an ending reads. */
function transfer(ctx: Ctx, o: ThroughputOptions) {
  const stop = new AbortController();
  const timeUp = AbortSignal.timeout(o.durationMs);
  let stalled = false;
  const m = meter(ctx, o, () => {
    stalled = true;
    stop.abort();
  });
  return {
    meter: m,
    timeUp,
    signal: AbortSignal.any([ctx.signal, stop.signal, timeUp]),
    get stalled() {
      return stalled;
    },
    /** the time running out or the byte cap ending the transfer is the plan, not an error: null */
    errorOf: (err: unknown, stalledText: string): string | null => {
      if (stalled) return stalledText;
      if (ctx.signal.aborted) return reason(err, ctx.signal, timeUp, o.durationMs).error;
      return timeUp.aborted ? null : reason(err, ctx.signal, timeUp, o.durationMs, '', ctx).error;
    },
  };
}

/** One GET of up to maxBytes, read for up to durationMs: bits received over time taken. */
export async function measureDownload(ctx: Ctx, template: string, o: ThroughputOptions): Promise<ThroughputResult> {
  const maxBytes = Math.max(0, Math.min(o.maxBytes, left(ctx)));
  const url = new URL(template.replace('{bytes}', String(Math.floor(maxBytes))));
  const x = transfer(ctx, o);
  const m = x.meter;
  let firstByte: number | null = null;
  let error: string | null = null;
  try {
    const { res } = await send(ctx, url, { method: 'GET', signal: x.signal });
    if ((res.statusCode ?? 0) >= 400) throw new Error(`HTTP ${res.statusCode} from ${url.host}`);
    // 'data' events rather than async iteration: the per-chunk cost is the overhead `npm run bench` measures
    await new Promise<void>((resolve, reject) => {
      let capped = false;
      res.on('data', (chunk: Buffer) => {
        firstByte ??= ctx.deps.mono();
        m.add(chunk.length);
        ctx.onBytes(chunk.length);
        // a server sending more than asked is cut off at the cap, not read on
        if ((m.bytes >= maxBytes || left(ctx) <= 0) && !capped) {
          capped = true;
          res.destroy();
          resolve();
        }
      });
      res.once('end', () => resolve());
      res.once('error', reject);
      res.once('close', () => (capped || res.complete ? resolve() : reject(new Error('the connection closed before the end'))));
    });
  } catch (err) {
    error = x.errorOf(err, `stalled: no data for ${(o.stallMs / 1000).toFixed(1)} s`);
  } finally {
    m.stop();
  }
  const end = ctx.deps.mono();
  const seconds = firstByte === null ? 0 : (end - firstByte) / 1000;
  // too little to be a measurement (under 0.2 s and under 1 MB, or a stall before 64 kB): unknown, never a speed
  const usable = m.bytes > 0 && seconds > 0 && (seconds >= 0.2 || m.bytes >= 1024 * 1024) && !(x.stalled && m.bytes < 64 * 1024);
  return {
    mbps: usable ? Math.round(mbpsOf(m.bytes, seconds * 1000) * 100) / 100 : null,
    bytes: m.bytes,
    seconds: Math.round(seconds * 100) / 100,
    samples: m.samples.slice(0, 400),
    error: usable ? error : (error ?? (m.bytes ? 'too little data to measure' : 'no data received')),
  };
}

/**
 * Upload as a series of POSTs that double in size: a POST counts only once the server has answered,
 * i.e. after it has read every byte — bytes still sitting in this computer's send buffer are not
 * counted as sent (on a slow line they would inflate the figure many times over).
 */
export async function measureUpload(ctx: Ctx, rawUrl: string, o: ThroughputOptions): Promise<ThroughputResult> {
  const url = new URL(rawUrl);
  const x = transfer(ctx, o);
  const m = x.meter;
  let size = 64 * 1024;
  let confirmed = 0;
  let error: string | null = null;
  const t0 = ctx.deps.mono();
  let lastDone = t0;
  try {
    // the cap is checked before every POST: what was sent counts, answered or not
    while (confirmed < o.maxBytes && left(ctx) > 0 && !x.timeUp.aborted && !ctx.signal.aborted) {
      const body = Buffer.alloc(Math.min(size, o.maxBytes - confirmed, left(ctx)));
      const t = ctx.deps.mono();
      ctx.onBytes(body.length);
      const { res } = await send(ctx, url, { method: 'POST', body, signal: x.signal });
      // the answer is a few bytes: counted, and cut off at 64 kB rather than read until the stall limit
      await readSmall(ctx, res, SMALL_ANSWER);
      if ((res.statusCode ?? 0) >= 400) throw new Error(`HTTP ${res.statusCode} from ${url.host}`);
      confirmed += body.length;
      m.add(body.length);
      lastDone = ctx.deps.mono();
      // grow while a POST takes under a second, so the per-request round trip weighs little
      if (lastDone - t < 1000) size = Math.min(size * 2, 16 * 1024 * 1024);
    }
  } catch (err) {
    error = x.errorOf(err, `stalled: the server read nothing for ${(o.stallMs / 1000).toFixed(1)} s`);
  } finally {
    m.stop();
  }
  const seconds = (lastDone - t0) / 1000;
  const usable = confirmed > 0 && seconds > 0 && (seconds >= 0.2 || confirmed >= 1024 * 1024);
  return {
    mbps: usable ? Math.round(mbpsOf(confirmed, seconds * 1000) * 100) / 100 : null,
    bytes: confirmed,
    seconds: Math.round(seconds * 100) / 100,
    samples: m.samples.slice(0, 400),
    error: usable ? error : (error ?? 'no upload completed in time'),
  };
}
