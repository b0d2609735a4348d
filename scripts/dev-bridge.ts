// The dev server's window.preflight: a Vite plugin that serves the real main-process handlers
// (electron/handlers.ts createHandlers, as the Electron main and the test harness use them) over
// HTTP on the dev server itself, and injects a bridge module built from shared/api.ts buildApi(),
// so the page gets exactly the API the preload builds. Calls are POST /__preflight/invoke (JSON),
// events arrive on GET /__preflight/events (server-sent events).
// The server listens on loopback only, and every call must carry this run's token (served only
// inside the bridge module, to pages of this origin) with a JSON content type and this server's
// Host: another web page open in the developer's browser cannot call the handlers.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { createHandlers } from '../electron/handlers';
import { EventChannel, InvokeChannel, type Handlers } from '../shared/api';
import { FACE_ASSETS } from './vite-face-assets';

const ROOT = path.resolve(__dirname, '..');
export const INVOKE_PATH = '/__preflight/invoke';
export const EVENTS_PATH = '/__preflight/events';
export const BRIDGE_ID = '/@preflight-dev-bridge';
const RESOLVED_BRIDGE = '\0preflight-dev-bridge';
/** a call's body is small (ids, answers, settings); a bigger one is refused unread */
const MAX_BODY = 1024 * 1024;

export interface DevBridge {
  plugin: Plugin;
  /** the nonce Vite puts on the page's scripts and styles (html.cspNonce), also named in the page's CSP */
  nonce: string;
  /** the token every call must carry (exported for the test) */
  token: string;
}

/** Arguments cross as JSON; a top-level `undefined` (an optional argument left out) must stay one. */
type WireArg = { u: 1 } | { v: unknown };

const bridgeModule = (token: string) => `
import { buildApi } from ${JSON.stringify(path.join(ROOT, 'shared/api.ts'))};
const listeners = new Map();
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
events.onmessage = (e) => {
  const { channel, payload } = JSON.parse(e.data);
  for (const l of listeners.get(channel) ?? []) l(payload);
};
window.preflight = buildApi(
  async (channel, args) => {
    const res = await fetch(${JSON.stringify(INVOKE_PATH)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preflight-token': ${JSON.stringify(token)} },
      body: JSON.stringify({ channel, args: args.map((a) => (a === undefined ? { u: 1 } : { v: a })) }),
    });
    const body = await res.json();
    // a rejected call carries the error's text only, as ipcRenderer.invoke's does (shared/errors.ts reads it)
    if (!body.ok) throw new Error(body.message);
    return body.value;
  },
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
);
`;

/** The page's own CSP with this run's nonce allowed for scripts and styles (Vite's client injects both). */
export function devCsp(html: string, nonce: string): string {
  return html.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`).replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export function devBridge(opts: { dataDir: string; appVersion?: string }): DevBridge {
  const nonce = randomBytes(16).toString('base64');
  const token = randomBytes(24).toString('hex');
  const clients = new Set<ServerResponse>();
  const methodToChannel = EventChannel as Record<string, string>;
  const handlers: Handlers = createHandlers({
    dataDir: opts.dataDir,
    appVersion: opts.appVersion ?? 'dev',
    now: Date.now,
    emit: (method, payload) => {
      const data = `data: ${JSON.stringify({ channel: methodToChannel[method], payload })}\n\n`;
      for (const res of clients) res.write(data);
    },
  });
  const byChannel = new Map<string, keyof Handlers>(Object.entries(InvokeChannel).map(([m, ch]) => [ch, m as keyof Handlers]));
  const faceFiles = new Map(
    FACE_ASSETS.map((a) => [`/face/${path.basename(a.from)}`, path.join(path.dirname(createRequire(__filename).resolve(`${a.pkg}/package.json`)), a.from)]),
  );

  const plugin: Plugin = {
    name: 'preflight-dev-bridge',
    apply: 'serve',
    resolveId: (id) => (id === BRIDGE_ID ? RESOLVED_BRIDGE : undefined),
    load: (id) => (id === RESOLVED_BRIDGE ? bridgeModule(token) : undefined),
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => ({
        html: devCsp(html, nonce),
        // in <head>: runs before the app's module in <body>, so window.preflight is there first
        tags: [{ tag: 'script', attrs: { type: 'module', src: BRIDGE_ID }, injectTo: 'head' }],
      }),
    },
    configureServer(server) {
      const ownHost = (req: IncomingMessage) => {
        const address = server.httpServer?.address();
        const port = address && typeof address === 'object' ? address.port : -1;
        return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
      };
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        // the face detector's files: copied into dist/renderer/face/ by the build, served from their packages here
        const face = faceFiles.get(url);
        if (face && req.method === 'GET') {
          res.writeHead(200, { 'content-type': face.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' });
          res.end(readFileSync(face));
          return;
        }
        if (url !== INVOKE_PATH && url !== EVENTS_PATH) return next();
        if (!ownHost(req)) return send(res, 403, { ok: false, message: 'wrong host' });
        if (url === EVENTS_PATH) {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': preflight events\n\n');
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return;
        }
        if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json') || req.headers['x-preflight-token'] !== token) {
          return send(res, 403, { ok: false, message: 'not a call from the dev page' });
        }
        void (async () => {
          try {
            const { channel, args } = JSON.parse(await readBody(req)) as { channel: unknown; args: unknown };
            const method = typeof channel === 'string' ? byChannel.get(channel) : undefined;
            if (!method) return send(res, 404, { ok: false, message: `unknown channel ${String(channel).slice(0, 100)}` });
            const wire = Array.isArray(args) ? (args as WireArg[]) : [];
            const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
            const value = await fn(...wire.map((a) => (a && typeof a === 'object' && 'v' in a ? a.v : undefined)));
            send(res, 200, { ok: true, value });
          } catch (err) {
            send(res, 200, { ok: false, message: err instanceof Error ? err.message : String(err) });
          }
        })();
      });
      server.httpServer?.on('close', () => {
        for (const res of clients) res.end();
        clients.clear();
      });
    },
  };
  return { plugin, nonce, token };
}
