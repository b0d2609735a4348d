// Network: interfaces, default route, VPN/proxy indicators; endpoint latency only for endpoints a
// profile lists, within a 3 s budget in all. Nothing is contacted by default.
import type { Facts, InspectRequest } from '../../shared/facts';
import type { InspectDeps } from './deps';
import { probeOk, settle } from './probe';

const VPN_NAME = /^(tun|tap|wg|utun|ppp|ipsec|gpd|nordlynx|tailscale|zt|proton)|vpn|wireguard|openvpn|tap-windows|anyconnect|globalprotect|fortinet|forticlient|pangp|zscaler/i;
export const ENDPOINT_BUDGET_MS = 3000;

/** Proxy settings from the environment, credentials removed ("http://user:pw@host" -> "http://host"). */
export function proxiesFrom(env: NodeJS.ProcessEnv): Array<{ source: string; value: string }> {
  const out: Array<{ source: string; value: string }> = [];
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
    const v = env[key];
    if (v) out.push({ source: key, value: v.replace(/\/\/[^@/]*@/, '//') });
  }
  return out;
}

async function timeEndpoint(url: string, signal: AbortSignal) {
  const t = performance.now();
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal });
    return { url, ok: res.status < 500, latencyMs: Math.round(performance.now() - t), error: res.status >= 500 ? `HTTP ${res.status}` : null };
  } catch (err) {
    const e = err as Error;
    return { url, ok: false, latencyMs: null, error: e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${ENDPOINT_BUDGET_MS} ms` : e.message };
  }
}

export async function collectNetwork(req: InspectRequest, deps: InspectDeps): Promise<Facts['network']> {
  const t0 = performance.now();
  const [ifs, gateway] = await Promise.all([settle(deps.si.networkInterfaces()), settle(deps.si.networkGatewayDefault())]);
  const list = ifs ? (Array.isArray(ifs) ? ifs : [ifs]) : [];
  const interfaces = list.map((i) => ({
    name: i.iface,
    up: i.operstate === 'up' || (i.operstate === 'unknown' && Boolean(i.ip4)),
    internal: i.internal,
    type: i.type || null,
    mac: i.mac || null,
    ip4: i.ip4 || null,
    vpnLike: VPN_NAME.test(i.iface) || VPN_NAME.test(i.ifaceName ?? ''),
    virtual: typeof i.virtual === 'boolean' ? i.virtual : null,
  }));
  const endpoints = req.networkChecks && req.endpoints.length
    ? await Promise.all(req.endpoints.map((u) => timeEndpoint(u, AbortSignal.timeout(ENDPOINT_BUDGET_MS))))
    : [];
  return {
    probe: probeOk(t0, ifs === null ? 'network interfaces not available' : undefined),
    interfaces,
    defaultInterface: list.find((i) => i.default)?.iface ?? null,
    defaultGateway: gateway || null,
    proxy: proxiesFrom(deps.env),
    endpoints,
  };
}
