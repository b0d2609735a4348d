// Network: on a network, VPN/proxy (advisory), and the latency of endpoints a profile lists.
// Without the network test nothing is contacted, so the connection check can only say that an
// interface is up with a default route — "connected to a network" — never that the internet or
// the exam's site answers. Errors of endpoints are said in words: never a raw code to a learner.
import { msg, reported, type Msg } from '../check';
import { define, failOrWarn } from './template';

/**
 * What went wrong reaching an endpoint, in words. The inspector stores Node's message or code
 * ("getaddrinfo ENOTFOUND courses.edx.org", "ECONNREFUSED", "HTTP 503"): plain substring tests on
 * its first 200 characters, no pattern that could backtrack on a hostile value.
 */
export function endpointProblem(error: string | null): Msg {
  const e = (error ?? '').slice(0, 200);
  const has = (...codes: string[]) => codes.some((c) => e.includes(c));
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) return msg('checks:network.endpoints.problem.dns');
  if (has('ECONNREFUSED')) return msg('checks:network.endpoints.problem.refused');
  if (has('ECONNRESET', 'EPIPE', 'socket hang up', 'UND_ERR_SOCKET')) return msg('checks:network.endpoints.problem.reset');
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'no answer within', 'TimeoutError', 'aborted')) return msg('checks:network.endpoints.problem.timeout');
  if (has('CERT_', 'certificate', 'SSL', 'TLS', 'self signed', 'self-signed')) return msg('checks:network.endpoints.problem.tls');
  if (e.startsWith('HTTP ')) {
    const status = e.slice(5, 8);
    if (/^\d{3}$/.test(status)) return msg('checks:network.endpoints.problem.http', { status });
  }
  if (has('only https://')) return msg('checks:network.endpoints.problem.notHttps');
  return msg('checks:network.endpoints.problem.other');
}

/** "<url>: <what went wrong>", the problem's message nested (its own params, e.g. the HTTP status, go along). */
const failedEvidence = (url: string, problem: Msg): Msg => msg('checks:network.endpoints.evidence.failed', { url, '@problem': problem.key, ...problem.params });

export const networkConnection = define({
  id: 'network.connection',
  area: 'network',
  reads: ['network'],
  rule: (req) => req.network?.online,
  judge: (facts, rule) => {
    const n = facts.network;
    const up = n.interfaces.filter((i) => i.up && !i.internal && i.ip4);
    const expected = msg('checks:network.connection.expected');
    if (up.length && (n.defaultGateway || n.defaultInterface)) {
      return {
        status: 'pass',
        observed: msg('checks:network.connection.observed.online', { name: n.defaultInterface ?? up[0]!.name }),
        expected,
        evidence: [
          msg('checks:network.connection.evidence.route', { name: n.defaultInterface ?? up[0]!.name, ...reported('gateway', n.defaultGateway) }),
          msg('checks:network.connection.evidence.notInternet'),
        ],
      };
    }
    return {
      status: failOrWarn(rule.required),
      observed: msg('checks:network.connection.observed.offline'),
      expected,
      evidence: [msg('checks:network.connection.evidence.interfaces', { count: up.length })],
      fix: msg('checks:network.connection.fix'),
    };
  },
});

export const networkVpnProxy = define({
  id: 'network.vpn-proxy',
  area: 'network',
  reads: ['network'],
  rule: (req) => req.network?.vpnOrProxy,
  judge: (facts) => {
    const vpns = facts.network.interfaces.filter((i) => i.up && i.vpnLike);
    const proxies = facts.network.proxy;
    const expected = msg('checks:network.vpn-proxy.expected');
    if (!vpns.length && !proxies.length) return { status: 'pass', observed: msg('checks:network.vpn-proxy.observed.none'), expected };
    return {
      status: 'warn',
      required: false, // proctoring often works through a VPN; it is a common cause of dropped sessions, not a rule
      observed: msg('checks:network.vpn-proxy.observed.found'),
      expected,
      evidence: [
        ...vpns.map((v) => msg('checks:network.vpn-proxy.evidence.vpn', { name: v.name })),
        ...proxies.map((p) => msg('checks:network.vpn-proxy.evidence.proxy', { source: p.source, value: p.value })),
      ],
      fix: msg('checks:network.vpn-proxy.fix'),
    };
  },
});

export const networkEndpoints = define({
  id: 'network.endpoints',
  area: 'network',
  reads: ['network'],
  rule: (req) => (req.network && req.network.endpoints.length ? { ...req.network, required: req.network.online?.required ?? true } : undefined),
  judge: (facts, rule) => {
    const expected = msg('checks:network.endpoints.expected', { ms: rule.maxLatencyMs });
    const results = facts.network.endpoints;
    if (!results.length)
      return {
        status: 'unknown',
        expected,
        evidence: [msg('checks:network.endpoints.evidence.notChecked')],
        fix: msg('checks:network.endpoints.evidence.runNetworkTest'),
      };
    const evidence = results.map((e) =>
      e.ok ? msg('checks:network.endpoints.evidence.ok', { url: e.url, ...reported('ms', e.latencyMs) }) : failedEvidence(e.url, endpointProblem(e.error)),
    );
    const bad = results.filter((e) => !e.ok || (e.latencyMs ?? Infinity) > rule.maxLatencyMs);
    const observed = msg('checks:network.endpoints.observed', { ok: results.length - bad.length, total: results.length });
    return bad.length
      ? { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg('checks:network.connection.fix') }
      : { status: 'pass', observed, expected, evidence };
  },
});
