// TLS connections for the measurement, opened by hand so that (1) the address connected to is the
// address that was checked (no second DNS answer can slip a private address in), (2) DNS, TCP and
// TLS handshake times are measured apart, and (3) a proxy is honoured: through an HTTP proxy the
// connection is a CONNECT tunnel, and TLS runs end to end inside it (the proxy sees no content).
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
export async function resolveChecked(host: string, deps: NetworkDeps): Promise<{ address: string; family: 4 | 6; dnsMs: number }> {
  const bare = host.replace(/^\[|\]$/g, '');
  const named = refusedName(bare);
  if (named && !deps.allowPrivate)
    throw new RefusedTargetError(`${named}: not contacted (private, loopback and link-local addresses need the admin policy "allowPrivateNetworkTargets")`);
  if (net.isIP(bare)) return { address: bare, family: net.isIPv6(bare) ? 6 : 4, dnsMs: 0 };
  const t = deps.mono();
  const list = await deps.lookup(bare);
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
  /** "http://host:port" or null for direct */
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
    const { address, dnsMs } = await resolveChecked(host, o.deps);
    const t1 = o.deps.mono();
    const sock: Timed = tls.connect({ host: address, port, servername, ca: o.deps.ca, ALPNProtocols: ['http/1.1'] });
    let connected = t1;
    sock.once('connect', () => {
      connected = o.deps.mono();
    });
    try {
      await onceEvent(sock, 'secureConnect', o.signal);
    } catch (err) {
      sock.destroy();
      throw err;
    }
    sock[TIMING] = { dnsMs: Math.round(dnsMs), connectMs: Math.round(connected - t1), tlsMs: Math.round(o.deps.mono() - connected), viaProxy: false };
    return sock;
  }
  // Through a proxy the proxy resolves the name; a name or literal that is plainly private is still refused.
  const named = refusedName(host);
  if (named && !o.deps.allowPrivate) throw new RefusedTargetError(`${named}: not contacted`);
  const p = new URL(o.proxy);
  const req = http.request({
    host: p.hostname.replace(/^\[|\]$/g, ''),
    port: Number(p.port || 80),
    method: 'CONNECT',
    path: `${host}:${port}`,
    headers: { host: `${host}:${port}` },
    signal: o.signal,
  });
  req.end();
  const [res, raw] = (await onceEvent(req, 'connect', o.signal)) as [http.IncomingMessage, net.Socket];
  if (res.statusCode !== 200) {
    raw.destroy();
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
