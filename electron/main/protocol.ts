// The renderer is served from app://preflight/… rather than file://: a custom privileged scheme is
// a real origin (so permission and IPC checks can compare origins), and the handler below decides
// exactly which files can be read (only below the renderer folder: traversal is refused).
import type { Protocol } from 'electron';
import path from 'node:path';
import { readFile as fsReadFile } from 'node:fs/promises';
import { CSP } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'preflight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Must run before app 'ready', in ONE call (a later call replaces earlier registrations).
 * standard: real origin and relative URLs; secure: a secure context (getUserMedia needs one);
 * supportFetchAPI + stream: module scripts and media. corsEnabled stays off: with it, Electron lets
 * other origins read app:// responses without any Access-Control check; the renderer's own module
 * scripts are same-origin and do not need it.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  // the camera's face detector: WebAssembly needs its own type to compile while streaming
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP } });

/**
 * A fetch-style handler for protocol.handle(): serves files below `rootDir` with the CSP header.
 * Anything else (other host, a path leaving the folder, a missing file) gets 403/404.
 */
export function createProtocolHandler(rootDir: string, readFile: (file: string) => Promise<Uint8Array> = fsReadFile) {
  const root = path.resolve(rootDir);
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(403, 'forbidden');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'bad request');
    }
    rel = rel.replace(/^\/+/, '') || 'index.html';
    // URL parsing already folds "/../"; decoding "%2e%2e%2f" could bring it back, hence resolve + prefix check.
    const file = path.resolve(root, rel);
    if (rel.includes('\0') || !file.startsWith(root + path.sep)) return plain(403, 'forbidden');
    try {
      const body = await readFile(file);
      return new Response(body as BodyInit, {
        status: 200,
        headers: {
          'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return plain(404, 'not found');
    }
  };
}

/** Must run after app 'ready'. */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createProtocolHandler(rootDir));
}
