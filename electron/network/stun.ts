// STUN binding request (RFC 5389), written here rather than taken from a package: the request is a
// 20-byte header, and the only answer we read is "did a valid Binding Success Response with our
// transaction id come back" (plus XOR-MAPPED-ADDRESS, decoded to prove the answer is well formed;
// the address itself — the learner's public IP — is not kept). WebRTC video rides on UDP: no answer
// from a STUN server means UDP is blocked on this network, and proctoring video may not connect.
import { randomBytes } from 'node:crypto';
import { HOST_PORT } from '../../shared/network/config';
import { resolveChecked } from './connect';
import type { NetworkDeps } from './deps';

export const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const ATTR_MAPPED_ADDRESS = 0x0001;
const ATTR_XOR_MAPPED_ADDRESS = 0x0020;

export function encodeBindingRequest(transactionId: Buffer): Buffer {
  if (transactionId.length !== 12) throw new Error('a STUN transaction id is 12 bytes');
  const b = Buffer.alloc(20);
  b.writeUInt16BE(BINDING_REQUEST, 0);
  b.writeUInt16BE(0, 2); // no attributes
  b.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(b, 8);
  return b;
}

export interface StunAnswer {
  transactionId: Buffer;
  mapped: { family: 4 | 6; address: string; port: number } | null;
}

/** Decodes a Binding Success Response; null for anything else (other types, bad lengths, no cookie). */
export function decodeBindingResponse(msg: Buffer): StunAnswer | null {
  if (msg.length < 20 || (msg[0]! & 0xc0) !== 0) return null;
  if (msg.readUInt16BE(0) !== BINDING_SUCCESS || msg.readUInt32BE(4) !== MAGIC_COOKIE) return null;
  const len = msg.readUInt16BE(2);
  if (len % 4 !== 0 || 20 + len > msg.length) return null;
  const transactionId = msg.subarray(8, 20);
  let mapped: StunAnswer['mapped'] = null;
  for (let off = 20; off + 4 <= 20 + len;) {
    const type = msg.readUInt16BE(off);
    const alen = msg.readUInt16BE(off + 2);
    const v = off + 4;
    if (v + alen > 20 + len) return null;
    if ((type === ATTR_XOR_MAPPED_ADDRESS || type === ATTR_MAPPED_ADDRESS) && alen >= 8) {
      const xor = type === ATTR_XOR_MAPPED_ADDRESS;
      const fam = msg[v + 1];
      const port = msg.readUInt16BE(v + 2) ^ (xor ? MAGIC_COOKIE >>> 16 : 0);
      if (fam === 0x01) {
        const a = msg.readUInt32BE(v + 4) ^ (xor ? MAGIC_COOKIE : 0);
        const address = [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.');
        if (xor || !mapped) mapped = { family: 4, address, port };
      } else if (fam === 0x02 && alen >= 20) {
        const key = Buffer.concat([msg.subarray(4, 8), transactionId]);
        const bytes = Buffer.from(msg.subarray(v + 4, v + 20));
        if (xor) for (let i = 0; i < 16; i++) bytes[i] = bytes[i]! ^ key[i]!;
        const groups: string[] = [];
        for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
        if (xor || !mapped) mapped = { family: 6, address: groups.join(':'), port };
      }
    }
    off = v + alen + ((4 - (alen % 4)) % 4);
  }
  return { transactionId: Buffer.from(transactionId), mapped };
}

export interface StunResult {
  server: string;
  answered: boolean;
  rttMs: number | null;
  error: string | null;
}

/**
 * Sends a binding request and retransmits (RFC 5389 §7.2.1: doubling intervals) until an answer
 * or the budget ends. No answer at all = UDP blocked (answered false, error null); a name that does
 * not resolve or a refused address is an error (unknown), not "blocked".
 */
export async function stunBinding(server: string, deps: NetworkDeps, signal: AbortSignal, budgetMs = 3000): Promise<StunResult> {
  const m = HOST_PORT.exec(server);
  if (!m) return { server, answered: false, rttMs: null, error: `not host:port: ${server}` };
  const host = m[1]!.replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveChecked(host, deps);
  } catch (err) {
    return { server, answered: false, rttMs: null, error: (err as Error).message };
  }
  const id = randomBytes(12);
  const req = encodeBindingRequest(id);
  const sock = deps.udpSocket(target.family);
  return new Promise<StunResult>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let t0 = deps.mono();
    let settled = false;
    const finish = (r: StunResult) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      signal.removeEventListener('abort', onAbort);
      try {
        sock.close();
      } catch {
        /* already closed */
      }
      resolve(r);
    };
    const onAbort = () => finish({ server, answered: false, rttMs: null, error: 'cancelled' });
    signal.addEventListener('abort', onAbort, { once: true });
    sock.on('error', (err) => finish({ server, answered: false, rttMs: null, error: err.message }));
    sock.on('message', (msg, rinfo) => {
      if (rinfo.port !== port) return;
      const ans = decodeBindingResponse(msg);
      if (ans && ans.transactionId.equals(id)) finish({ server, answered: true, rttMs: Math.round(deps.mono() - t0), error: null });
    });
    const send = () => {
      t0 = deps.mono();
      sock.send(req, port, target.address, (err) => {
        if (err) finish({ server, answered: false, rttMs: null, error: err.message });
      });
    };
    if (signal.aborted) return onAbort();
    send();
    for (let at = 250, step = 500; at < budgetMs; at += step, step *= 2) timers.push(setTimeout(send, at));
    timers.push(setTimeout(() => finish({ server, answered: false, rttMs: null, error: null }), budgetMs));
  });
}
