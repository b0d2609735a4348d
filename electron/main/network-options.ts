// The network measurement in the desktop app goes through Chromium's network stack: it asks the
// session how to reach each address (session.resolveProxy: system settings, PAC scripts and WPAD),
// and sends every request with Electron's net.request on that session, which trusts the OS
// certificate store (a company CA, a TLS-inspecting proxy) and signs in to proxies the way the
// browser does. Kept out of main.ts, and typed without importing electron, to be testable with a
// mocked net module.
import { Readable } from 'node:stream';
import type { NetworkOptions } from '../handlers/network';
import { ProxyAuthError } from '../network/connect';
import type { Transport, TransportResponse } from '../network/deps';

export interface ProxyResolver {
  resolveProxy(url: string): Promise<string>;
}

/** The part of Electron's ClientRequest used here. */
export interface NetRequest {
  on(event: 'response', cb: (res: NetResponse) => void): this;
  on(event: 'redirect', cb: (status: number, method: string, redirectUrl: string, headers: Record<string, string[]>) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  on(event: 'login', cb: (authInfo: { isProxy: boolean }, callback: (username?: string, password?: string) => void) => void): this;
  setHeader(name: string, value: string): void;
  write(chunk: Buffer): boolean;
  end(chunk?: Buffer): void;
  abort(): void;
}
/** Electron's IncomingMessage: a Readable with the status and headers. */
export type NetResponse = NodeJS.ReadableStream & { statusCode: number; headers: Record<string, string | string[]>; destroy?: (err?: Error) => void };
export interface NetLike<S> {
  request(o: { url: string; method: string; session?: S; redirect: 'manual'; useSessionCookies: boolean; credentials?: 'omit' }): NetRequest;
}

const lower = (h: Record<string, string | string[]>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** A Transport over net.request: redirects come back as answers, a 407 as a ProxyAuthError, the signal aborts. */
export function chromiumTransport<S>(net: NetLike<S>, session?: S): Transport {
  return (url, o) =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (o.signal.aborted) return reject(o.signal.reason instanceof Error ? o.signal.reason : new Error('aborted'));
      // no cookies, no stored credentials: the measurement is not the learner's browsing
      const req = net.request({ url: url.href, method: o.method, session, redirect: 'manual', useSessionCookies: false, credentials: 'omit' });
      const onAbort = () => {
        req.abort();
        reject(o.signal.reason instanceof Error ? o.signal.reason : new Error('aborted'));
      };
      o.signal.addEventListener('abort', onAbort, { once: true });
      const done = () => o.signal.removeEventListener('abort', onAbort);
      for (const [k, v] of Object.entries(o.headers)) req.setHeader(k, v);
      // a proxy asking for a password is answered with none: the learner is told (407), never prompted here
      req.on('login', (_info, callback) => callback());
      req.on('redirect', (status, _method, redirectUrl, headers) => {
        done();
        req.abort();
        const body = Readable.from([]);
        resolve({ status, headers: { ...lower(headers), location: redirectUrl }, body });
      });
      req.on('response', (res) => {
        done();
        if (res.statusCode === 407) {
          res.destroy?.();
          return reject(new ProxyAuthError('the proxy asks for a user name and password (HTTP 407)'));
        }
        const body = res as TransportResponse['body'];
        if (typeof body.destroy !== 'function') Object.assign(body, { destroy: () => req.abort() });
        resolve({ status: res.statusCode, headers: lower(res.headers), body });
      });
      req.on('error', (err) => {
        done();
        // Chromium names a refused proxy password net::ERR_PROXY_AUTH_* / ERR_TUNNEL_CONNECTION_FAILED after a 407
        reject(/ERR_PROXY_AUTH/.test(err.message) ? new ProxyAuthError('the proxy asks for a user name and password (HTTP 407)') : err);
      });
      if (o.body) req.end(o.body);
      else req.end();
    });
}

export function networkOptionsFor<S extends ProxyResolver>(session: S, net?: NetLike<S>): NetworkOptions {
  return { deps: { resolveProxy: (url) => session.resolveProxy(url), ...(net ? { transport: chromiumTransport(net, session) } : {}) } };
}
