// The browser harness: the BUILT renderer in real Chromium with window.preflight backed by the
// same createHandlers() the Electron main uses. Electron's binary cannot be downloaded on our
// machines, so this is how the UI is proven here; the transport (Playwright bindings instead of
// ipcRenderer) is the only part that differs, and both sides come from shared/api.ts buildApi().
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';
import { createHandlers, type HandlerOptions } from '../../electron/handlers';
import { EventChannel, InvokeChannel, type Handlers } from '../../shared/api';
import { CSP } from '../../electron/main/csp';

export const ROOT = path.resolve(__dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// The CSP the Electron protocol handler sends (the one definition), so a CSP violation shows up in the tests too.
export { CSP };

/** Serves dist/renderer on 127.0.0.1 (localhost is a secure context, so getUserMedia works). */
export async function serveRenderer(dir = RENDERER_DIR): Promise<{ url: string; close: () => Promise<void> }> {
  await fs.access(path.join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: run "npm run build" before the end-to-end tests`);
  });
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep)) return void res.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

let bridgeSource: string | null = null;
/** window.preflight for the page, bundled from shared/api.ts so it is exactly what the preload builds. */
function bridgeScript(): string {
  bridgeSource ??= buildSync({
    stdin: {
      contents: `
        import { buildApi } from './shared/api';
        const listeners = new Map();
        window.addEventListener('preflight-harness-event', (e) => {
          for (const l of listeners.get(e.detail.channel) ?? []) l(e.detail.payload);
        });
        window.preflight = buildApi(
          (channel, args) => window.__preflightInvoke(channel, args),
          (channel, listener) => {
            const set = listeners.get(channel) ?? new Set();
            listeners.set(channel, set);
            set.add(listener);
            return () => set.delete(listener);
          },
        );`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  }).outputFiles[0]!.text;
  return bridgeSource;
}

export interface HarnessClock {
  /** milliseconds added to the real clock for the handlers (and the page, when installed) */
  offsetMs: number;
  /** set when the test drives time: the handlers' clock stands still at this instant (plus offsetMs) */
  frozenAt?: number;
  now: () => number;
}

export interface Harness {
  handlers: Handlers;
  /** re-creates the handlers over the same data folder (what an app restart does to main) */
  recreate: () => void;
}

/**
 * Wires handlers to a browser context: every InvokeChannel becomes a call of the matching handler,
 * and ctx.emit dispatches an event in the page. Errors reach the page as rejected promises, like
 * ipcRenderer.invoke's.
 */
export async function attachHandlers(
  context: BrowserContext,
  opts: { dataDir: string; clock: HarnessClock; appVersion?: string; handlerOptions?: HandlerOptions; pages: () => Page[] },
): Promise<Harness> {
  const byChannel = new Map<string, keyof Handlers>(Object.entries(InvokeChannel).map(([m, ch]) => [ch, m as keyof Handlers]));
  const methodToChannel = EventChannel as Record<string, string>;
  const make = () =>
    createHandlers(
      {
        dataDir: opts.dataDir,
        appVersion: opts.appVersion ?? '0.0.0-test',
        now: opts.clock.now,
        emit: (method, payload) => {
          const channel = methodToChannel[method];
          for (const page of opts.pages()) {
            void page
              .evaluate(([c, p]) => window.dispatchEvent(new CustomEvent('preflight-harness-event', { detail: { channel: c, payload: p } })), [
                channel,
                payload,
              ] as const)
              .catch(() => {
                /* page closed or navigating */
              });
          }
        },
      },
      opts.handlerOptions,
    );
  const harness: Harness = {
    handlers: make(),
    recreate: () => {
      harness.handlers = make();
    },
  };
  await context.exposeBinding('__preflightInvoke', async (_source, channel: string, args: unknown[]) => {
    const method = byChannel.get(channel);
    if (!method) throw new Error(`unknown channel ${channel}`);
    const fn = harness.handlers[method] as (...a: unknown[]) => Promise<unknown>;
    return fn(...(Array.isArray(args) ? args : []));
  });
  await context.addInitScript({ content: bridgeScript() });
  return harness;
}
