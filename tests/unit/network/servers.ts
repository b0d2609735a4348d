// Real servers on loopback for the network measurement's tests, the end-to-end spec and the bench:
// an HTTPS server speaking Cloudflare's speed-test paths (/__down?bytes=N, /__up) with a certificate
// made at test time by openssl (trusted through the `ca` option, never installed), optionally
// throttled, stalled or with its clock off; a STUN responder on UDP; and a CONNECT proxy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import dgram from 'node:dgram';
import type { Duplex } from 'node:stream';
import { realNetworkDeps, type NetworkDeps } from '../../../electron/network/deps';

export interface TestCert {
  key: string;
  cert: string;
}

let cached: TestCert | null = null;
/** A self-signed certificate for localhost and 127.0.0.1 (made once per process). */
export function testCert(): TestCert {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cached = { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SpeedServerOptions {
  /** bits per second, both ways (default: as fast as loopback goes) */
  throttleBps?: number;
  /** only uploads throttled */
  throttleUploadBps?: number;
  /** accepts connections and requests, then never answers */
  stall?: boolean;
  /** added to the Date header (clock skew) */
  dateOffsetMs?: number;
  /** status for every path other than the speed paths */
  status?: number;
  /** another certificate than testCert() (the bench hands one to a child process) */
  cert?: TestCert;
  /** hostile: /__down sends without end whatever was asked, and /__up answers without end */
  flood?: boolean;
  /** path -> Location: answered 302 (a login page, a loop) */
  redirects?: Record<string, string>;
}

export interface Closable {
  close: () => Promise<void>;
}
export interface SpeedServer extends Closable {
  url: string;
  port: number;
  requests: string[];
  /** request body bytes received (uploads) */
  received: () => number;
}

const ZEROS = Buffer.alloc(64 * 1024);

export async function speedServer(o: SpeedServerOptions = {}): Promise<SpeedServer> {
  const { key, cert } = o.cert ?? testCert();
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  let received = 0;
  const server = https.createServer({ key, cert }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.on('data', (c: Buffer) => (received += c.length));
    if (o.stall) return; // never answers
    const date = new Date(Date.now() + (o.dateOffsetMs ?? 0)).toUTCString();
    const u = new URL(req.url ?? '/', 'https://x');
    const to = o.redirects?.[u.pathname];
    if (to) return void res.writeHead(302, { location: to, date }).end();
    if (o.flood && (u.pathname === '/__down' || u.pathname === '/__up')) {
      // a body with no end, sent as fast as the reader takes it (stops when the client goes)
      const send = () => {
        if (u.pathname === '/__up' && !req.complete) return void req.once('end', send);
        res.writeHead(200, { 'content-type': 'application/octet-stream', date });
        const pump = () => {
          while (!res.destroyed && res.write(ZEROS));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      };
      req.resume();
      return send();
    }
    if (u.pathname === '/__down') {
      const total = Math.max(0, Math.min(Number(u.searchParams.get('bytes')) || 0, 1e9));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total), date });
      let sent = 0;
      const bps = o.throttleBps;
      const pump = () => {
        while (sent < total) {
          const n = Math.min(bps ? Math.max(1, Math.floor(bps / 8 / 20)) : ZEROS.length, ZEROS.length, total - sent);
          sent += n;
          const more = res.write(ZEROS.subarray(0, n));
          if (bps) return void setTimeout(pump, 50); // bps/20 bytes every 50 ms
          if (!more) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (u.pathname === '/__up') {
      const bps = o.throttleUploadBps ?? o.throttleBps;
      req.on('data', (chunk: Buffer) => {
        if (!bps) return;
        req.pause();
        setTimeout(() => req.resume(), (chunk.length * 8 * 1000) / bps);
      });
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain', date }).end('ok'));
      return;
    }
    res.writeHead(o.status ?? 200, { 'content-type': 'text/plain', date }).end('hello');
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    received: () => received,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** Answers STUN binding requests with XOR-MAPPED-ADDRESS (the sender's address). */
export async function stunResponder(): Promise<Closable & { server: string; seen: number }> {
  const sock = dgram.createSocket('udp4');
  const state = { seen: 0 };
  sock.on('message', (msg, rinfo) => {
    if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001) return;
    state.seen++;
    const res = Buffer.alloc(32);
    res.writeUInt16BE(0x0101, 0);
    res.writeUInt16BE(12, 2);
    msg.copy(res, 4, 4, 20); // cookie + transaction id
    res.writeUInt16BE(0x0020, 20);
    res.writeUInt16BE(8, 22);
    res.writeUInt8(0, 24);
    res.writeUInt8(1, 25);
    res.writeUInt16BE(rinfo.port ^ 0x2112, 26);
    const a = rinfo.address.split('.').reduce((n, p) => (n << 8) + Number(p), 0) >>> 0;
    res.writeUInt32BE((a ^ 0x2112a442) >>> 0, 28);
    sock.send(res, rinfo.port, rinfo.address);
  });
  await new Promise<void>((ok) => sock.bind(0, '127.0.0.1', ok));
  const { port } = sock.address();
  return {
    server: `127.0.0.1:${port}`,
    get seen() {
      return state.seen;
    },
    close: () => new Promise((ok) => sock.close(() => ok())),
  };
}

/** A UDP port that receives and never answers: a network that drops STUN. */
export async function udpBlackHole(): Promise<Closable & { server: string }> {
  const sock = dgram.createSocket('udp4');
  sock.on('message', () => {
    /* dropped */
  });
  await new Promise<void>((ok) => sock.bind(0, '127.0.0.1', ok));
  return { server: `127.0.0.1:${sock.address().port}`, close: () => new Promise((ok) => sock.close(() => ok())) };
}

/** An HTTP proxy that only tunnels (CONNECT), recording each target; with `auth` ("user:pass") it answers 407 without them. */
export async function connectProxy(
  o: { auth?: string } = {},
): Promise<Closable & { url: string; tunnels: string[]; authorizations: Array<string | undefined> }> {
  const tunnels: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const sockets = new Set<{ destroy: () => void }>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    const given = req.headers['proxy-authorization'];
    authorizations.push(given);
    if (o.auth && given !== `Basic ${Buffer.from(o.auth).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="campus"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** A TCP port that accepts connections and never says a word (TLS never finishes); counts what is still open. */
export async function silentTcp(): Promise<Closable & { port: number; accepted: () => number; open: () => number }> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.resume(); // reads the ClientHello, never answers
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    open: () => sockets.size,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** Polls `cond` every 20 ms for at most `ms` (a bound, not a timing assertion). */
export async function eventually(cond: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (cond()) return true;
  return cond();
}

/** The real network dependencies against loopback servers: the test certificate trusted, private addresses allowed, no proxy. */
export const loopbackDeps = (over: Partial<NetworkDeps> = {}): NetworkDeps =>
  realNetworkDeps({ ca: testCert().cert, allowPrivate: true, env: {}, platform: 'linux', ...over });
