// The opt-in update check, done by hand instead of through electron-updater: the app only needs
// the version a feed offers, and electron-updater followed an https feed's redirect to http:// (and
// reported "99.0.0 available" from the plaintext answer), read a 1 GB latest.yml until the process
// died of an uncaught RangeError, and waited for ever on a feed dripping a byte every 2 s.
// Here every hop must be https, the answer is capped at FEED_MAX_BYTES (by its Content-Length and
// by what arrives), the whole check has one deadline, and every failure is a rejected promise the
// handler logs (electron/handlers/desktop.ts) — never an event nobody listens to.
// The transport is passed in: Electron's net (system proxy, PAC) in the app, node:https in tests.
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Net } from 'electron';
import type { UpdateCheck } from '../handlers/desktop';

/** latest.yml is a few hundred bytes (version, files, sha512, date) */
export const FEED_MAX_BYTES = 64 * 1024;
/** the whole check, every hop and every byte */
export const FEED_DEADLINE_MS = 20_000;
export const FEED_MAX_HOPS = 5;

export class FeedError extends Error {
  override name = 'FeedError';
}

/** One request, no redirect followed: the status, where a redirect points, and the body to read. */
export interface FeedResponse {
  status: number;
  location: string | null;
  contentLength: number | null;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** stops reading (the connection is dropped) */
  close(): void;
}
export type FeedGet = (url: string, signal: AbortSignal) => Promise<FeedResponse>;

export interface FeedOptions {
  get: FeedGet;
  maxBytes?: number;
  deadlineMs?: number;
  maxHops?: number;
  /** starts the deadline; returns its cancel (tests fire it themselves: no wall clock in tests) */
  startDeadline?: (ms: number, fire: () => void) => () => void;
}

const realDeadline = (ms: number, fire: () => void) => {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
};

/** The feed's text, or a FeedError saying why not. */
export async function fetchFeedText(feedUrl: string, o: FeedOptions): Promise<string> {
  const maxBytes = o.maxBytes ?? FEED_MAX_BYTES;
  const deadlineMs = o.deadlineMs ?? FEED_DEADLINE_MS;
  const controller = new AbortController();
  const late = new FeedError(`the update feed did not answer within ${Math.round(deadlineMs / 1000)} s`);
  const cancel = (o.startDeadline ?? realDeadline)(deadlineMs, () => controller.abort(late));
  // whatever the transport does when aborted, the deadline wins the race
  const expired = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(late), { once: true }));
  expired.catch(() => undefined);
  try {
    return await Promise.race([follow(feedUrl, o.get, controller.signal, maxBytes, o.maxHops ?? FEED_MAX_HOPS), expired]);
  } catch (err) {
    if (controller.signal.aborted) throw late;
    throw err instanceof FeedError ? err : new FeedError(`the update feed could not be read: ${(err as Error)?.message ?? String(err)}`.slice(0, 300));
  } finally {
    cancel();
    controller.abort(late); // drops whatever is still open
  }
}

async function follow(feedUrl: string, get: FeedGet, signal: AbortSignal, maxBytes: number, maxHops: number): Promise<string> {
  let url = new URL(feedUrl);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'https:')
      throw new FeedError(`${hop ? 'the update feed redirected to' : 'the update feed is'} a ${url.protocol}// address; updates are read over https only`);
    const res = await get(url.href, signal);
    if (res.status >= 300 && res.status < 400) {
      res.close();
      if (!res.location) throw new FeedError(`the update feed answered HTTP ${res.status} without saying where to`);
      if (hop >= maxHops) throw new FeedError(`the update feed redirected more than ${maxHops} times`);
      url = new URL(res.location, url);
      continue;
    }
    if (res.status !== 200) {
      res.close();
      throw new FeedError(`the update feed answered HTTP ${res.status}`);
    }
    if (res.contentLength !== null && res.contentLength > maxBytes) {
      res.close();
      throw new FeedError(`the update feed is too large (${res.contentLength} bytes; the limit is ${maxBytes})`);
    }
    const chunks: Uint8Array[] = [];
    let len = 0;
    try {
      for await (const chunk of res.body) {
        len += chunk.length;
        if (len > maxBytes) throw new FeedError(`the update feed is too large (more than ${maxBytes} bytes)`);
        chunks.push(chunk);
      }
    } finally {
      res.close();
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, len));
  }
}

/** The top-level `version:` of an electron-builder latest.yml, or a FeedError. Line by line: no YAML parser, no backtracking. */
export function feedVersion(text: string): string {
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('version:')) continue;
    let v = raw.slice('version:'.length).trim();
    if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) v = v.slice(1, -1);
    if (v.length <= 64 && /^\d{1,9}\.\d{1,9}\.\d{1,9}(-[0-9A-Za-z.-]{1,40})?$/.test(v)) return v;
    throw new FeedError('the update feed names a version that is not a version number');
  }
  throw new FeedError('the update feed names no version (is it an electron-builder latest.yml feed?)');
}

/** Semantic version order: 1.2.10 > 1.2.9, 1.3.0 > 1.3.0-beta.2 > 1.3.0-beta.1. */
export function compareVersions(a: string, b: string): number {
  const [ca, pa] = splitVersion(a);
  const [cb, pb] = splitVersion(b);
  for (let i = 0; i < 3; i++) if (ca[i] !== cb[i]) return ca[i]! < cb[i]! ? -1 : 1;
  if (pa === null || pb === null) return pa === pb ? 0 : pa === null ? 1 : -1;
  const xa = pa.split('.');
  const xb = pb.split('.');
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const [s, t] = [xa[i], xb[i]];
    if (s === undefined || t === undefined) return s === undefined ? -1 : 1;
    if (s === t) continue;
    const [ns, nt] = [/^\d+$/.test(s), /^\d+$/.test(t)];
    if (ns && nt) return Number(s) < Number(t) ? -1 : 1;
    if (ns !== nt) return ns ? -1 : 1;
    return s < t ? -1 : 1;
  }
  return 0;
}

function splitVersion(v: string): [number[], string | null] {
  const dash = v.indexOf('-');
  const core = (dash < 0 ? v : v.slice(0, dash)).split('.').map(Number);
  return [core, dash < 0 ? null : v.slice(dash + 1)];
}

/** electron-builder's channel file for this platform: latest.yml (Windows), latest-mac.yml, latest-linux[-arm64].yml. */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
  return 'latest.yml';
}

export function feedUpdateCheck(deps: { current: string; get: FeedGet; platform?: NodeJS.Platform; arch?: string } & Omit<FeedOptions, 'get'>): UpdateCheck {
  return async (feedUrl) => {
    const base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
    const url = new URL(channelFile(deps.platform ?? process.platform, deps.arch ?? process.arch), base).href;
    const version = feedVersion(await fetchFeedText(url, deps));
    return { version, newer: compareVersions(version, deps.current) > 0 };
  };
}

/** node:https, redirects not followed (the caller checks each hop); `ca` for a test's own certificate. */
export function nodeFeedGet(o: { ca?: string } = {}): FeedGet {
  return (url, signal) =>
    new Promise((resolve, reject) => {
      const req = https.get(url, { signal, ca: o.ca, headers: { accept: 'text/yaml, */*' } }, (res: IncomingMessage) => {
        const length = Number(res.headers['content-length']);
        resolve({
          status: res.statusCode ?? 0,
          location: typeof res.headers.location === 'string' ? res.headers.location : null,
          contentLength: Number.isFinite(length) ? length : null,
          body: res,
          close: () => req.destroy(),
        });
      });
      req.on('error', reject);
    });
}

/** Electron's net (the system's proxy and PAC settings apply); a redirect is reported, never followed. */
export function electronFeedGet(net: Pick<Net, 'request'>): FeedGet {
  return (url, signal) =>
    new Promise((resolve, reject) => {
      const req = net.request({ url, redirect: 'manual', useSessionCookies: false });
      const onAbort = () => req.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      const close = () => {
        signal.removeEventListener('abort', onAbort);
        req.abort();
      };
      req.on('redirect', (status, _method, location) => resolve({ status, location, contentLength: null, body: (async function* () {})(), close }));
      req.on('response', (res) => {
        const length = Number(res.headers['content-length']);
        // Electron's IncomingMessage is a Readable: async-iterable like node's
        resolve({
          status: res.statusCode,
          location: null,
          contentLength: Number.isFinite(length) ? length : null,
          body: res as unknown as AsyncIterable<Uint8Array>,
          close,
        });
      });
      req.on('error', reject);
      req.end();
    });
}
