// How this computer reaches the internet: the proxy the measurement must go through, as the OS
// sees it. In the app Electron answers per address (session.resolveProxy: PAC scripts and WPAD
// included); headless, the OS settings are read — Windows WinINET (reg query) and WinHTTP
// (netsh), macOS scutil --proxy — then the environment, with NO_PROXY read as curl reads it. A user
// name and password in HTTPS_PROXY are sent to the proxy (Proxy-Authorization on the CONNECT) and
// never written: everything reported or logged (found, used, errors) is without them.
// Only HTTP proxies are used for the measurement (a CONNECT tunnel); SOCKS is named, not used.
import { withoutCredentials, proxiesFrom } from '../inspect/network';
import type { NetworkDeps } from './deps';
import { noProxyMatches } from './no-proxy';

export interface SystemProxy {
  found: Array<{ source: string; value: string }>;
  /** "http://host:port" to tunnel https through, or null (direct); from the environment it may carry "user:pass@" for the wire */
  https: string | null;
  pacUrl: string | null;
}

const NONE: SystemProxy = { found: [], https: null, pacUrl: null };
// control characters and anything beyond a sane length are not kept from command output
const clean = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 500);
/** "http=u:p@a:1;https=u:p@b:2" -> "http=a:1;https=b:2": every entry of a list loses its credentials. */
export const stripList = (v: string): string =>
  clean(v)
    .split(';')
    .map((part) => {
      const m = /^([a-z]+=)?(.*)$/i.exec(part.trim())!;
      return (m[1] ?? '') + withoutCredentials(m[2]!);
    })
    .join(';');

/** "proxy:8080" or "http://user:pw@proxy:8080" -> "http://proxy:8080"; null for nothing usable. */
export function proxyUrl(value: string): string | null {
  return proxyWireUrl(withoutCredentials(clean(value)));
}

/** As proxyUrl, keeping "user:pass@" (percent-encoded) for the Proxy-Authorization header: never to be written anywhere. */
export function proxyWireUrl(value: string): string | null {
  const v = clean(value);
  if (!v) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const cred = u.username || u.password ? `${u.username}:${u.password}@` : '';
    return `http://${cred}${u.host}`;
  } catch {
    return null;
  }
}

/** What may be written of a proxy address: never its user name or password. */
export const shownProxy = (wire: string | null): string | null => (wire === null ? null : withoutCredentials(wire));

/** WinINET "ProxyServer": "proxy:8080" (every scheme) or "http=a:1;https=b:2;socks=c:3". */
export function httpsProxyFromWinList(list: string): string | null {
  const parts = list
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1 && !parts[0]!.includes('=')) return proxyUrl(parts[0]!);
  const map = new Map(
    parts.map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).toLowerCase(), p.slice(i + 1)] as const;
    }),
  );
  const v = map.get('https') ?? map.get('http');
  return v ? proxyUrl(v) : null;
}

/** `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"` */
export function parseRegInternetSettings(out: string): SystemProxy {
  const values = new Map<string, string>();
  for (const line of out.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+REG_(?:SZ|DWORD|EXPAND_SZ)\s+(.*)$/.exec(line);
    if (m) values.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  const enabled = /^0x0*1$/i.test(values.get('proxyenable') ?? '');
  const server = values.get('proxyserver');
  const pac = values.get('autoconfigurl');
  const found: SystemProxy['found'] = [];
  if (enabled && server) found.push({ source: 'Windows Internet Settings', value: stripList(server) });
  if (pac) found.push({ source: 'Windows Internet Settings (PAC)', value: stripList(pac) });
  return { found, https: enabled && server ? httpsProxyFromWinList(server) : null, pacUrl: pac ? stripList(pac) : null };
}

/** `netsh winhttp show proxy`: "Direct access (no proxy server)." or "Proxy Server(s) :  host:port". */
export function parseNetshWinhttp(out: string): SystemProxy {
  const m = /Proxy Server\(s\)\s*:\s*(\S.*)$/im.exec(out);
  if (!m) return NONE;
  const value = stripList(m[1]!);
  return { found: [{ source: 'WinHTTP', value }], https: httpsProxyFromWinList(value), pacUrl: null };
}

/** `scutil --proxy` (macOS): a dictionary of HTTPSEnable/HTTPSProxy/HTTPSPort, PAC and SOCKS keys. */
export function parseScutilProxy(out: string): SystemProxy {
  const v = new Map<string, string>();
  for (const line of out.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (m && !m[2]!.startsWith('<')) v.set(m[1]!, m[2]!.trim());
  }
  const on = (k: string) => v.get(k) === '1';
  const found: SystemProxy['found'] = [];
  let https: string | null = null;
  for (const [kind, label] of [
    ['HTTPS', 'macOS HTTPS proxy'],
    ['HTTP', 'macOS HTTP proxy'],
    ['SOCKS', 'macOS SOCKS proxy'],
  ] as const) {
    const host = v.get(`${kind}Proxy`);
    if (!on(`${kind}Enable`) || !host) continue;
    const value = stripList(`${host}:${v.get(`${kind}Port`) ?? ''}`.replace(/:$/, ''));
    found.push({ source: label, value });
    if (kind !== 'SOCKS' && !https) https = proxyUrl(value);
  }
  const pac = on('ProxyAutoConfigEnable') ? (v.get('ProxyAutoConfigURLString') ?? null) : null;
  if (pac) found.push({ source: 'macOS PAC', value: stripList(pac) });
  return { found, https, pacUrl: pac ? stripList(pac) : null };
}

/** Electron's answer for one address: "DIRECT", "PROXY host:port; DIRECT", "HTTPS h:p", "SOCKS5 h:p". */
export function parseResolveProxy(answer: string): { https: string | null; first: string | null } {
  for (const entry of answer
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [kind, hostPort] = entry.split(/\s+/, 2) as [string, string | undefined];
    const k = kind.toUpperCase();
    if (k === 'DIRECT') return { https: null, first: null };
    if ((k === 'PROXY' || k === 'HTTP' || k === 'HTTPS') && hostPort) return { https: proxyUrl(hostPort), first: stripList(entry) };
    // SOCKS and anything else: named, but the measurement cannot use it; try the next entry
  }
  return { https: null, first: null };
}

function merge(...all: SystemProxy[]): SystemProxy {
  return { found: all.flatMap((a) => a.found), https: all.find((a) => a.https)?.https ?? null, pacUrl: all.find((a) => a.pacUrl)?.pacUrl ?? null };
}

const envProxy = (env: NodeJS.ProcessEnv) => env.HTTPS_PROXY ?? env.https_proxy ?? env.ALL_PROXY ?? env.all_proxy;

function fromEnv(env: NodeJS.ProcessEnv): SystemProxy {
  const found = proxiesFrom(env);
  const https = envProxy(env);
  return { found, https: https ? proxyUrl(https) : null, pacUrl: null };
}

/** The OS settings (headless). The first source naming a proxy decides the one used. */
export async function osProxy(deps: NetworkDeps): Promise<SystemProxy> {
  const env = fromEnv(deps.env);
  if (deps.platform === 'win32') {
    const [reg, netsh] = await Promise.all([
      deps.exec('reg', ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings']),
      deps.exec('netsh', ['winhttp', 'show', 'proxy']),
    ]);
    return merge(reg.ok ? parseRegInternetSettings(reg.stdout) : NONE, netsh.ok ? parseNetshWinhttp(netsh.stdout) : NONE, env);
  }
  if (deps.platform === 'darwin') {
    const r = await deps.exec('scutil', ['--proxy']);
    return merge(r.ok ? parseScutilProxy(r.stdout) : NONE, env);
  }
  return env;
}

/**
 * Per address: Electron's resolveProxy when there is one (the app), else the OS settings.
 * Returns the proxy to use for each URL and everything found (for the report).
 */
export async function proxyPlan(urls: readonly string[], deps: NetworkDeps): Promise<{ system: SystemProxy; forUrl: Map<string, string | null> }> {
  const forUrl = new Map<string, string | null>();
  if (deps.resolveProxy) {
    const found: SystemProxy['found'] = [];
    for (const u of urls) {
      const origin = new URL(u).origin;
      let answer = 'DIRECT';
      try {
        answer = await deps.resolveProxy(u);
      } catch {
        /* treated as direct */
      }
      const r = parseResolveProxy(answer);
      forUrl.set(origin, r.https);
      if (r.first && !found.some((f) => f.value === r.first)) found.push({ source: 'system (Electron)', value: r.first });
    }
    return { system: { found, https: [...forUrl.values()].find(Boolean) ?? null, pacUrl: null }, forUrl };
  }
  const system = await osProxy(deps);
  // the environment's proxy chosen: its user name and password go on the wire (only there)
  const env = envProxy(deps.env);
  const wire = env ? proxyWireUrl(env) : null;
  const use = wire && system.https && shownProxy(wire) === system.https ? wire : system.https;
  // curl reads the lower-case name first
  const noProxy = deps.env.no_proxy ?? deps.env.NO_PROXY;
  for (const u of urls) {
    const url = new URL(u);
    forUrl.set(url.origin, noProxyMatches(url.hostname, noProxy) ? null : use);
  }
  return { system, forUrl };
}
