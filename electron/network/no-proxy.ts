// NO_PROXY / no_proxy as curl reads it (lib/noproxy.c): a comma- or space-separated list of host
// names (matching the name and every name under it), domains with a leading dot (the same: the dot
// is dropped), IP addresses, CIDR ranges ("10.0.0.0/8", "fd00::/8"), and "*" for every host. A port
// after a name is ignored, as curl does. No regular expressions: plain string and number tests.
import net from 'node:net';
import { v4ToInt, v6Groups } from './address';

function inCidr(ip: string, base: string, bits: number): boolean {
  if (net.isIPv4(ip) && net.isIPv4(base)) {
    if (bits < 0 || bits > 32) return false;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (v4ToInt(ip) & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0;
  }
  if (net.isIPv6(ip) && net.isIPv6(base)) {
    const a = v6Groups(ip);
    const b = v6Groups(base);
    if (!a || !b || bits < 0 || bits > 128) return false;
    for (let i = 0; i < 8; i++) {
      const take = Math.max(0, Math.min(16, bits - i * 16));
      const mask = take === 0 ? 0 : (0xffff << (16 - take)) & 0xffff;
      if ((a[i]! & mask) !== (b[i]! & mask)) return false;
    }
    return true;
  }
  return false;
}

/** True when `host` (a name or an IP literal, brackets allowed) is listed in a NO_PROXY value. */
export function noProxyMatches(host: string, list: string | undefined): boolean {
  if (!list) return false;
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const isIp = net.isIP(h) !== 0;
  for (const raw of list.split(/[\s,]+/)) {
    let e = raw.trim().toLowerCase();
    if (!e) continue;
    if (e === '*') return true;
    if (isIp) {
      let bracketed = e.startsWith('[') ? e.slice(1, e.indexOf(']') > 0 ? e.indexOf(']') : undefined) : e;
      const slash = bracketed.indexOf('/');
      if (slash >= 0) {
        const bits = Number(bracketed.slice(slash + 1));
        if (Number.isInteger(bits) && inCidr(h, bracketed.slice(0, slash), bits)) return true;
        continue;
      }
      // "10.1.2.3:8080" → the address (an IPv6 literal has more than one colon and no port unless bracketed)
      if (net.isIPv4(bracketed.split(':')[0]!) && bracketed.split(':').length === 2) bracketed = bracketed.split(':')[0]!;
      if (net.isIP(bracketed) && inCidr(h, bracketed, net.isIPv4(bracketed) ? 32 : 128)) return true;
      continue;
    }
    if (e.startsWith('.')) e = e.slice(1);
    const colon = e.indexOf(':');
    if (colon >= 0) e = e.slice(0, colon);
    e = e.replace(/\.$/, '');
    if (!e) continue;
    if (h === e || (h.endsWith(e) && h[h.length - e.length - 1] === '.')) return true;
  }
  return false;
}
