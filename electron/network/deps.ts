// Everything the network measurement takes from the outside world, passed in (as electron/inspect/
// deps.ts does for the inspectors): DNS, TLS trust, UDP sockets, the clocks, the proxy settings.
// Tests give a trusted test certificate and allow loopback; the app and the CLI give the real ones.
import dns from 'node:dns';
import dgram from 'node:dgram';
import type net from 'node:net';
import { systemCa } from './trust';
import { execProbe, type Exec } from '../inspect/exec';

/** An answer as a transport gives it: status, headers (lower-case names), and the body as a stream. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: NodeJS.ReadableStream & { destroy: (err?: Error) => void };
}

/**
 * Another HTTP stack for every request of the measurement: in the app, Chromium's (Electron's
 * net.request on the app's session: the OS trust store, system proxy, PAC, WPAD, and proxies
 * that authenticate by NTLM/Kerberos). Redirects must come back as answers (not followed), a 407
 * as a ProxyAuthError, and the signal must cancel the request. The address guard still runs first.
 */
export type Transport = (url: URL, o: { method: string; headers: Record<string, string>; body?: Buffer; signal: AbortSignal }) => Promise<TransportResponse>;

export interface NetworkDeps {
  /** every address a name resolves to */
  lookup: (host: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;
  /**
   * the certificates trusted (PEM): Node's list plus the OS store where Node can read it, plus the
   * admin's extra CA file (trust.ts); tests give only their self-signed certificate
   */
  ca?: string | string[];
  /** opens the TCP connection to a checked address (tests: a firewall that drops packets) */
  connect?: (o: { host: string; port: number; family: 4 | 6 }) => net.Socket;
  /** private, loopback and link-local targets allowed (admin policy; tests) */
  allowPrivate: boolean;
  udpSocket: (family: 4 | 6) => dgram.Socket;
  /** wall clock (ms since 1970): compared with the servers' Date header */
  now: () => number;
  /** monotonic clock (ms) for durations */
  mono: () => number;
  timeZone: () => string | null;
  /** the app's Chromium stack (see Transport); absent headless: Node's TLS with the trust above */
  transport?: Transport;
  /** how this computer reaches a URL: "DIRECT", "PROXY host:port; DIRECT" (Electron's session.resolveProxy) */
  resolveProxy?: (url: string) => Promise<string>;
  /** for the OS proxy settings when there is no Electron (headless): reg, netsh, scutil */
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exec: Exec;
}

export function realNetworkDeps(over: Partial<NetworkDeps> = {}): NetworkDeps {
  return {
    lookup: async (host) =>
      (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
    allowPrivate: false,
    ca: systemCa(),
    udpSocket: (family) => dgram.createSocket(family === 6 ? 'udp6' : 'udp4'),
    now: () => Date.now(),
    mono: () => performance.now(),
    timeZone: () => {
      try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
      } catch {
        return null;
      }
    },
    platform: process.platform,
    env: process.env,
    exec: execProbe,
    ...over,
  };
}
