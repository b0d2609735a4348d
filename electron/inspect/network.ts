// Network: interfaces, default route, VPN/proxy indicators; endpoint latency only for endpoints a
// profile lists, within a 3 s budget in all, and only when the network was asked for (the request's
// networkChecks). Nothing is contacted by default: the HEAD itself is deps.head, which the callers
// that may contact the network take from electron/network/head.ts (the measurement's address guard).
import type { Facts, InspectRequest } from '../../shared/facts';
import type { InspectDeps } from './deps';
import type Si from 'systeminformation';
import { defaultRoute, netInterfaces } from './linux';
import { probeOk, settle } from './probe';

const VPN_NAME =
  /^(tun|tap|wg|utun|ppp|ipsec|gpd|nordlynx|tailscale|zt|proton)|vpn|wireguard|openvpn|tap-windows|anyconnect|globalprotect|fortinet|forticlient|pangp|zscaler/i;
export const ENDPOINT_BUDGET_MS = 3000;

/** "http://user:p@ss w/rd@host:3128" -> "http://host:3128" (up to the last "@"); also without a scheme. */
export { withoutCredentials } from '../../shared/report/redact';
import { withoutCredentials } from '../../shared/report/redact';

/** Proxy settings from the environment, credentials removed ("http://user:pw@host" -> "http://host"). */
export function proxiesFrom(env: NodeJS.ProcessEnv): Array<{ source: string; value: string }> {
  const out: Array<{ source: string; value: string }> = [];
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
    const v = env[key];
    if (v) out.push({ source: key, value: withoutCredentials(v) });
  }
  return out;
}

/**
 * Node's message with its code in front when the message lacks it ("ECONNRESET socket hang up"),
 * so the rule can say what went wrong in words (shared/rules/network.ts); support sees it as written.
 */
function errorText(err: unknown): string {
  const e = err as Partial<NodeJS.ErrnoException> | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

/** Times each listed https endpoint with a HEAD request, all in parallel, within one budget. */
export async function timeEndpoints(urls: readonly string[], head: InspectDeps['head'], budgetMs = ENDPOINT_BUDGET_MS): Promise<Facts['network']['endpoints']> {
  const signal = AbortSignal.timeout(budgetMs);
  return Promise.all(
    urls.map(async (url) => {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        /* reported below */
      }
      if (parsed?.protocol !== 'https:') return { url, ok: false, latencyMs: null, error: 'only https:// addresses are checked' };
      const t = performance.now();
      try {
        const status = await head(parsed, signal);
        return { url, ok: status < 500, latencyMs: Math.round(performance.now() - t), error: status >= 500 ? `HTTP ${status}` : null };
      } catch (err) {
        return { url, ok: false, latencyMs: null, error: signal.aborted ? `no answer within ${budgetMs} ms` : errorText(err) };
      }
    }),
  );
}

function fromSi(list: Si.Systeminformation.NetworkInterfacesData[]): Facts['network']['interfaces'] {
  return list.map((i) => ({
    name: i.iface,
    up: i.operstate === 'up' || (i.operstate === 'unknown' && Boolean(i.ip4)),
    internal: i.internal,
    type: i.type || null,
    mac: i.mac || null,
    ip4: i.ip4 || null,
    vpnLike: VPN_NAME.test(i.iface) || VPN_NAME.test(i.ifaceName ?? ''),
    virtual: typeof i.virtual === 'boolean' ? i.virtual : null,
  }));
}

export async function collectNetwork(req: InspectRequest, deps: InspectDeps): Promise<Facts['network']> {
  const t0 = performance.now();
  const endpointsWork = req.networkChecks && req.endpoints.length ? timeEndpoints(req.endpoints, deps.head) : Promise.resolve([]);
  let interfaces: Facts['network']['interfaces'] | null;
  let defaultInterface: string | null = null;
  let defaultGateway: string | null = null;
  if (deps.platform === 'linux') {
    const [ifs, route] = await Promise.all([netInterfaces(deps), defaultRoute(deps)]);
    interfaces = ifs ? ifs.map((i) => ({ ...i, vpnLike: VPN_NAME.test(i.name) || i.type === 'tunnel' })) : null;
    defaultInterface = route?.iface ?? null;
    defaultGateway = route?.gateway ?? null;
  } else {
    const [ifs, gateway] = await Promise.all([settle(deps.si.networkInterfaces()), settle(deps.si.networkGatewayDefault())]);
    const list = ifs ? (Array.isArray(ifs) ? ifs : [ifs]) : null;
    interfaces = list ? fromSi(list) : null;
    defaultInterface = list?.find((i) => i.default)?.iface ?? null;
    defaultGateway = gateway || null;
  }
  return {
    probe: probeOk(t0, interfaces === null ? 'network interfaces not available' : undefined),
    interfaces: interfaces ?? [],
    defaultInterface,
    defaultGateway,
    proxy: proxiesFrom(deps.env),
    endpoints: await endpointsWork,
  };
}
