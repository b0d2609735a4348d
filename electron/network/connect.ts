// TLS connections for the measurement, opened by hand so that (1) the address connected to is the
// address that was checked (no second DNS answer can slip a private address in), (2) DNS, TCP and
// TLS handshake times are measured apart, and (3) a proxy is honoured: through an HTTP proxy the
// connection is a CONNECT tunnel, and TLS runs end to end inside it (the proxy sees no content).
// Every step (DNS, TCP, the proxy's answer, TLS) stops on the caller's signal: one site that never
// finishes its handshake gives up at its own limit and holds nothing open after.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { NetworkDeps } from './deps';
import { refusedName, refusedRange, RefusedTargetError } from './address';

export interface Timing {
  dnsMs: number | null;
  connectMs: number;
  tlsMs: number;
  viaProxy: boolean;
}
const TIMING = Symbol('timing');
type Timed = tls.TLSSocket & { [TIMING]?: Timing };

/** Resolves a name and returns the first address allowed (all of them are checked). */
/** The promise, or the signal's reason as soon as it aborts (a DNS lookup cannot itself be cancelled). */
export function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(abortReason(signal));
    signal.addEventListener('abort', abort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
const abortReason = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error('aborted'));

/** The proxy asked for a user name and password (HTTP 407): its own finding, not "the site is down". */
export class ProxyAuthError extends Error {
  readonly proxyAuth = true;
}

export async function resolveChecked(host: string, deps: NetworkDeps, signal?: AbortSignal): Promise<{ address: string; family: 4 | 6; dnsMs: number }> {
  const bare = host.replace(/^\[|\]$/g, '');
  const named = refusedName(bare);
  if (named && !deps.allowPrivate)
    throw new RefusedTargetError(`${named}: not contacted (private, loopback and link-local addresses need the admin policy "allowPrivateNetworkTargets")`);
  if (net.isIP(bare)) return { address: bare, family: net.isIPv6(bare) ? 6 : 4, dnsMs: 0 };
  const t = deps.mono();
  const list = await abortable(deps.lookup(bare), signal);
  const dnsMs = deps.mono() - t;
  if (!list.length) throw new Error(`${host}: no address`);
  if (!deps.allowPrivate) {
    // one private answer is enough to refuse: a name that sometimes points inside the network is not a public service
    const bad = list.map((a) => refusedRange(a.address)).find((r) => r !== null);
    if (bad) throw new RefusedTargetError(`${host} resolves to ${bad}: not contacted (the admin policy "allowPrivateNetworkTargets" allows it)`);
  }
  return { ...list[0]!, dnsMs };
}

export interface ConnectOptions {
  deps: NetworkDeps;
  /** "http://host:port" (credentials included when the settings give them: used on the wire only) or null for direct */
  proxy: string | null;
  signal: AbortSignal;
}

function onceEvent(emitter: NodeJS.EventEmitter, ok: string, signal: AbortSignal): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      cleanup();
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const fail = (err: Error) => {
      cleanup();
      reject(err);
    };
    const done = (...args: unknown[]) => {
      cleanup();
      resolve(args);
    };
    const cleanup = () => {
      emitter.off(ok, done);
      emitter.off('error', fail);
      signal.removeEventListener('abort', abort);
    };
    if (signal.aborted) return abort();
    emitter.once(ok, done);
    emitter.once('error', fail);
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** A TLS socket to host:port, direct (to the checked address) or through a CONNECT tunnel. */
export async function openTls(host: string, port: number, o: ConnectOptions): Promise<tls.TLSSocket> {
  const servername = net.isIP(host.replace(/^\[|\]$/g, '')) ? undefined : host;
  const t0 = o.deps.mono();
  if (!o.proxy) {
    const { address, family, dnsMs } = await resolveChecked(host, o.deps, o.signal);
    const t1 = o.deps.mono();
    const raw = (o.deps.connect ?? net.connect)({ host: address, port, family });
    const sock: Timed = tls.connect({ socket: raw, servername, ca: o.deps.ca, ALPNProtocols: ['http/1.1'] });
    let connected = t1;
    raw.once('connect', () => {
      connected = o.deps.mono();
    });
    // a socket that never connects (a firewall dropping packets) says nothing: only the signal ends it
    raw.once('error', (err) => sock.destroy(err));
    try {
      await onceEvent(sock, 'secureConnect', o.signal);
    } catch (err) {
      sock.destroy();
      raw.destroy();
      throw err;
    }
    sock[TIMING] = { dnsMs: Math.round(dnsMs), connectMs: Math.round(connected - t1), tlsMs: Math.round(o.deps.mono() - connected), viaProxy: false };
    return sock;
  }
  // Through a proxy the proxy resolves the name; a name or literal that is plainly private is still refused.
  const named = refusedName(host);
  if (named && !o.deps.allowPrivate) throw new RefusedTargetError(`${named}: not contacted`);
  const p = new URL(o.proxy);
  const auth = proxyAuthorization(p);
  const req = http.request({
    host: p.hostname.replace(/^\[|\]$/g, ''),
    port: Number(p.port || 80),
    method: 'CONNECT',
    path: `${host}:${port}`,
    // the credentials go to the proxy and nowhere else: never into an error, a report or a log
    headers: { host: `${host}:${port}`, ...(auth ? { 'proxy-authorization': auth } : {}) },
    signal: o.signal,
    agent: false,
  });
  req.end();
  const [res, raw] = (await onceEvent(req, 'connect', o.signal)) as [http.IncomingMessage, net.Socket];
  if (res.statusCode !== 200) {
    raw.destroy();
    if (res.statusCode === 407)
      throw new ProxyAuthError(
        auth
          ? `the proxy ${p.host} refused the user name and password it was given (HTTP 407)`
          : `the proxy ${p.host} asks for a user name and password (HTTP 407)`,
      );
    throw new Error(`the proxy ${p.host} refused the tunnel to ${host}:${port} (HTTP ${res.statusCode})`);
  }
  const t1 = o.deps.mono();
  const sock: Timed = tls.connect({ socket: raw, servername, ca: o.deps.ca, ALPNProtocols: ['http/1.1'] });
  try {
    await onceEvent(sock, 'secureConnect', o.signal);
  } catch (err) {
    sock.destroy();
    throw err;
  }
  sock[TIMING] = { dnsMs: null, connectMs: Math.round(t1 - t0), tlsMs: Math.round(o.deps.mono() - t1), viaProxy: true };
  return sock;
}

/** "Basic …" from the proxy URL's user and password (percent-decoded, as curl does), or null. */
export function proxyAuthorization(p: URL): string | null {
  if (!p.username && !p.password) return null;
  const dec = (x: string) => {
    try {
      return decodeURIComponent(x);
    } catch {
      return x;
    }
  };
  return `Basic ${Buffer.from(`${dec(p.username)}:${dec(p.password)}`).toString('base64')}`;
}

export const timingOf = (s: unknown): Timing | null => (s as Timed | null)?.[TIMING] ?? null;

/**
 * An https.Agent whose every connection goes through openTls: keep-alive, so repeated small
 * requests measure the round trip rather than new handshakes.
 */
export class MeasuredAgent extends https.Agent {
  constructor(private readonly o: ConnectOptions) {
    super({ keepAlive: true, maxSockets: 4 });
  }

  // Node's agent accepts a connection handed over later through the callback (returning undefined)
  override createConnection(options: http.ClientRequestArgs & { servername?: string }, cb?: (err: Error | null, stream: Duplex) => void): undefined {
    const host = options.servername || options.hostname || options.host || '';
    openTls(host, Number(options.port || 443), this.o).then(
      (s) => cb?.(null, s),
      (err: Error) => cb?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}
