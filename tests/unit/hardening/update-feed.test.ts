// Issue 28 (item 4): the update check followed an https feed's redirect to http:// and reported
// "99.0.0 available" from the plaintext answer, a 1 GB latest.yml killed the process with an uncaught
// RangeError, and a feed dripping one byte every 2 s never answered. Real servers on loopback,
// started here: an HTTPS feed with a certificate made for the test (trusted through `ca`, never
// installed) and a plain HTTP server. The deadline is fired by the test, not by a clock.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopHandlers } from '../../../electron/handlers/desktop';
import { compareVersions, FEED_MAX_BYTES, feedUpdateCheck, feedVersion, fetchFeedText, nodeFeedGet } from '../../../electron/main/update-feed';
import { testCert } from '../network/servers';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes = new Map<string, Handler>();
const plainHits: string[] = [];
let feed: https.Server;
let plain: http.Server;
let base = '';
let plainBase = '';
const open = new Set<http.ServerResponse>();

beforeAll(async () => {
  const { key, cert } = testCert();
  feed = https.createServer({ key, cert }, (req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const h = routes.get(req.url ?? '');
    if (h) h(req, res);
    else res.writeHead(404).end();
  });
  plain = http.createServer((req, res) => {
    plainHits.push(req.url ?? '');
    res.end('version: 99.0.0\n');
  });
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  await new Promise<void>((ok) => plain.listen(0, '127.0.0.1', ok));
  base = `https://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  plainBase = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((ok) => feed.close(ok));
  await new Promise((ok) => plain.close(ok));
});

const get = () => nodeFeedGet({ ca: testCert().cert });
const check = (current = '1.0.0', extra: Partial<Parameters<typeof feedUpdateCheck>[0]> = {}) =>
  feedUpdateCheck({ current, get: get(), platform: 'win32', arch: 'x64', ...extra });

describe('the update feed over https', () => {
  it('reads latest.yml and says whether the version is newer', async () => {
    routes.set('/ok/latest.yml', (_q, res) => res.end("version: '2.1.0'\nfiles:\n  - url: x.exe\n    sha512: abc\n"));
    expect(await check()(`${base}/ok`)).toEqual({ version: '2.1.0', newer: true });
    expect(await check('2.1.0')(`${base}/ok`)).toEqual({ version: '2.1.0', newer: false });
  });

  it('follows an https redirect, but refuses one to http:// without asking it anything', async () => {
    routes.set('/moved/latest.yml', (_q, res) => res.writeHead(302, { location: `${base}/ok/latest.yml` }).end());
    expect(await check()(`${base}/moved`)).toEqual({ version: '2.1.0', newer: true });
    routes.set('/downgrade/latest.yml', (_q, res) => res.writeHead(301, { location: `${plainBase}/latest.yml` }).end());
    await expect(check()(`${base}/downgrade`)).rejects.toThrow(/redirected to a http:\/\/ address; updates are read over https only/);
    expect(plainHits).toEqual([]);
  });

  it('stops after a few redirects', async () => {
    routes.set('/loop/latest.yml', (_q, res) => res.writeHead(302, { location: `${base}/loop/latest.yml` }).end());
    await expect(check()(`${base}/loop`)).rejects.toThrow(/redirected more than 5 times/);
  });

  it('refuses a 1 GB feed by its announced length, and one without a length once it passes the cap', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const flood = (res: http.ServerResponse) => {
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    };
    routes.set('/big/latest.yml', (_q, res) => {
      res.writeHead(200, { 'content-length': String(1024 ** 3) });
      flood(res);
    });
    routes.set('/endless/latest.yml', (_q, res) => {
      res.writeHead(200);
      flood(res);
    });
    await expect(check()(`${base}/big`)).rejects.toThrow(/too large \(1073741824 bytes; the limit is 65536\)/);
    await expect(check()(`${base}/endless`)).rejects.toThrow(new RegExp(`too large \\(more than ${FEED_MAX_BYTES} bytes\\)`));
  });

  it('a feed dripping a byte at a time gives up at the deadline', async () => {
    let fire: () => void = () => {};
    let dripping: () => void = () => {};
    const started = new Promise<void>((ok) => (dripping = ok));
    routes.set('/drip/latest.yml', (_q, res) => {
      res.writeHead(200);
      res.write('v', () => dripping());
      const t = setInterval(() => res.write('e'), 2000);
      res.on('close', () => clearInterval(t));
    });
    const pending = check('1.0.0', { startDeadline: (_ms, f) => ((fire = f), () => {}) })(`${base}/drip`);
    await started;
    fire();
    await expect(pending).rejects.toThrow(/did not answer within 20 s/);
  });

  it('a plain http feed, an error status and a certificate not trusted are each a message, never a crash', async () => {
    await expect(check()(`${plainBase}/x`)).rejects.toThrow(/is a http:\/\/ address/);
    routes.set('/gone/latest.yml', (_q, res) => res.writeHead(500).end());
    await expect(check()(`${base}/gone`)).rejects.toThrow(/HTTP 500/);
    await expect(feedUpdateCheck({ current: '1.0.0', get: nodeFeedGet(), platform: 'win32' })(`${base}/ok`)).rejects.toThrow(
      /could not be read: .*certificate/i,
    );
    expect(plainHits).toEqual([]);
  });

  it('the handler reports a failed check and logs it', async () => {
    const logged: Array<[string, Record<string, unknown> | undefined]> = [];
    const h = createDesktopHandlers(
      { dataDir: mkdtempSync(path.join(os.tmpdir(), 'feed-')), appVersion: '1.0.0', emit: () => {}, now: () => 0 },
      {
        checkUpdate: check(),
        updatePolicy: { allowed: true, feedUrl: `${base}/downgrade` },
        log: { file: null, log: (_l, e, d) => logged.push([e, d]), flush: async () => {} },
      },
    );
    await h.setUpdateChecks(true);
    expect(await h.checkForUpdates()).toMatchObject({ state: 'failed', detail: expect.stringMatching(/https only/) });
    expect(logged).toContainEqual(['update-check-failed', { detail: expect.stringMatching(/https only/) }]);
  });
});

describe('reading latest.yml', () => {
  it('takes the top-level version only, and refuses what is not a version', () => {
    expect(feedVersion('files:\r\n  - version: 9.9.9\r\nversion: 1.2.3\r\n')).toBe('1.2.3');
    expect(feedVersion('version: "1.3.0-beta.2"\n')).toBe('1.3.0-beta.2');
    expect(() => feedVersion('version: <script>\n')).toThrow(/not a version number/);
    expect(() => feedVersion('<html>captive portal</html>')).toThrow(/names no version/);
  });
  it('orders versions as semver does', () => {
    const sorted = ['1.3.0', '1.2.10', '1.3.0-beta.10', '1.2.9', '1.3.0-beta.2', '1.3.0-alpha', '10.0.0'].sort(compareVersions);
    expect(sorted).toEqual(['1.2.9', '1.2.10', '1.3.0-alpha', '1.3.0-beta.2', '1.3.0-beta.10', '1.3.0', '10.0.0']);
  });
  it('fetchFeedText refuses a non-https address before any request', async () => {
    let asked = 0;
    await expect(
      fetchFeedText('http://updates.example.edu/latest.yml', {
        get: async () => {
          asked++;
          throw new Error('no');
        },
      }),
    ).rejects.toThrow(/https only/);
    expect(asked).toBe(0);
  });
});
