import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, createProtocolHandler, installAppProtocol, registerAppScheme } from '../../../electron/main/protocol';
import { CSP } from '../../../electron/main/csp';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'preflight-proto-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
});

const get = (url: string) => createProtocolHandler(root)(new Request(url));

describe('app:// protocol', () => {
  it('serves files below the renderer folder with the CSP header and a content type', async () => {
    const res = await get('app://preflight/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>x</title>');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const js = await get('app://preflight/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://preflight/')).status).toBe(200); // the entry page
  });

  it('refuses path traversal, encoded or not', async () => {
    for (const p of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const res = await get(`app://preflight${p}`);
      expect([403, 404], p).toContain(res.status);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await get('app://preflight/..%2fsecret.txt')).status).toBe(403);
  });

  it('refuses other hosts and answers 404 for missing files', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(403);
    expect((await get('app://preflight/nope.js')).status).toBe(404);
    expect((await get('app://preflight/%E0%A4%A')).status).toBe(400);
  });

  it('the CSP forbids inline script, eval and remote origins', () => {
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // 'wasm-unsafe-eval' (WebAssembly compilation for the face detector) is the one exception, and only it
    expect(CSP.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('registers a privileged standard, secure scheme and installs the handler', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    installAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
  });
});
