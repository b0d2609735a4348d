// Which addresses the measurement refuses to contact unless the admin's policy allows it: loopback,
// private, link-local, carrier-grade NAT, multicast and unspecified ranges. Checked on the address
// a name resolved to (and connected to), not only on the name: "localtest.me" is 127.0.0.1 too.
import net from 'node:net';

const V4_REFUSED: Array<[number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8 private
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local
  [0xac100000, 12], // 172.16/12 private
  [0xc0a80000, 16], // 192.168/16 private
  [0xe0000000, 4], // 224/4 multicast
  [0xf0000000, 4], // 240/4 reserved, broadcast
];

export function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

export function v6Groups(ip: string): number[] | null {
  let s = ip.split('%')[0]!.toLowerCase();
  // a trailing dotted IPv4 ("::ffff:10.0.0.1") becomes two groups
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    s = s.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

/** The reason an address is refused, or null when it is a public address. */
export function refusedRange(ip: string): string | null {
  if (net.isIPv4(ip)) {
    const n = v4ToInt(ip);
    for (const [base, bits] of V4_REFUSED) {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      if ((n & mask) >>> 0 === base) return `${ip} is a private, loopback or link-local address`;
    }
    return null;
  }
  if (net.isIPv6(ip)) {
    const g = v6Groups(ip);
    if (!g) return `${ip} is not an address we can check`;
    if (g.every((x) => x === 0)) return `${ip} is the unspecified address`;
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return `${ip} is the loopback address`;
    // IPv4-mapped (::ffff:a.b.c.d) and NAT64 well-known prefix (64:ff9b::a.b.c.d): judge the IPv4 inside
    const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
    const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
    if (mapped || nat64) return refusedRange(`${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`);
    if ((g[0]! & 0xfe00) === 0xfc00) return `${ip} is a unique-local (private) address`;
    if ((g[0]! & 0xffc0) === 0xfe80) return `${ip} is a link-local address`;
    if ((g[0]! & 0xff00) === 0xff00) return `${ip} is a multicast address`;
    return null;
  }
  return `${ip} is not an IP address`;
}

/** Names that mean this machine whatever DNS says. */
export function refusedName(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return `${host} is this computer`;
  const bare = h.replace(/^\[|\]$/g, '');
  return net.isIP(bare) ? refusedRange(bare) : null;
}

export class RefusedTargetError extends Error {
  readonly refused = true;
}
