// `npm run dev:browser` without a display: the Vite dev server starts on a free loopback port,
// serves the renderer's index.html from source with the bridge and this run's CSP nonce, and
// answers handler calls over its HTTP transport, from the page only.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_ID, EVENTS_PATH, INVOKE_PATH, devCsp } from '../../../scripts/dev-bridge';
import { hasDisplay, startDevServer, type DevServer } from '../../../scripts/dev-browser';
import { InvokeChannel } from '../../../shared/api';
import { CSP } from '../../../electron/main/csp';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preflight-dev-'));
let dev: DevServer;
beforeAll(async () => {
  dev = await startDevServer({ dataDir, port: 0, watch: false });
}, 120_000);
afterAll(async () => {
  await dev?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${dev.url}${INVOKE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preflight-token': dev.token, ...headers },
    body: JSON.stringify({ channel, args: args.map((v) => (v === undefined ? { u: 1 } : { v })) }),
  });

describe('dev:browser server', () => {
  it('serves index.html from source with the bridge first and a nonce on every script', async () => {
    const res = await fetch(`${dev.url}/index.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root"></div>');
    const nonce = /nonce="([^"]{1,64})"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`script-src 'self' 'nonce-${nonce}'`);
    const scripts = html.match(/<script\b[^>]{0,300}>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(html.indexOf(BRIDGE_ID)).toBeGreaterThan(0);
    expect(html.indexOf(BRIDGE_ID)).toBeLessThan(html.indexOf('main.tsx'));
    const bridge = await (await fetch(`${dev.url}${BRIDGE_ID}`)).text();
    expect(bridge).toContain('buildApi');
    expect(bridge).toContain(dev.token);
  });

  it('answers calls with the real handlers over the data folder', async () => {
    const res = await call(InvokeChannel.listProfiles, ['es']);
    const body = (await res.json()) as { ok: boolean; value: { id: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((p) => p.id)).toContain('mitx-sds-capstone');
    expect(((await (await call(InvokeChannel.updateSettings, [{ language: 'pt' }])).json()) as { ok: boolean }).ok).toBe(true);
    const settings = (await (await call(InvokeChannel.getSettings, [])).json()) as { ok: boolean; value: { language: string } };
    expect(settings.value.language).toBe('pt');
  });

  it('a handler that throws: the error text reaches the page, as over IPC', async () => {
    const body = (await (await call(InvokeChannel.runScan, ['no-such-exam'])).json()) as { ok: boolean; message: string };
    expect(body.ok).toBe(false);
    expect(body.message).toContain('no-such-exam');
  });

  it('refuses calls without the token, as a plain form post, to an unknown channel, or under another host name', async () => {
    expect((await call(InvokeChannel.getSettings, [], { 'x-preflight-token': 'guess' })).status).toBe(403);
    expect((await call(InvokeChannel.getSettings, [], { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await call('preflight:nope', [])).status).toBe(404);
    const port = new URL(dev.url).port;
    // fetch() sets Host from the URL: a rebinding name pointing at 127.0.0.1 is what this models
    const http = await import('node:http');
    const events = (host: string) =>
      new Promise<{ status: number; type: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: EVENTS_PATH, headers: { host } }, (res) => {
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
          req.destroy();
        });
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
        req.end();
      });
    // (Vite's own host check answers first; the bridge checks again)
    expect((await events(`evil.example:${port}`)).status).toBe(403);
    expect(await events(`127.0.0.1:${port}`)).toEqual({ status: 200, type: 'text/event-stream' });
  });

  it('the page CSP is the app one with only the nonce added', () => {
    const meta = `content="${CSP.replace("; frame-ancestors 'none'", '')}"`;
    const out = devCsp(meta, 'N0NCE');
    expect(out).toBe(meta.replace("script-src 'self'", "script-src 'self' 'nonce-N0NCE'").replace("style-src 'self'", "style-src 'self' 'nonce-N0NCE'"));
    expect(out).not.toContain('unsafe-inline');
  });

  it('a window needs a display on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':99' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
});
