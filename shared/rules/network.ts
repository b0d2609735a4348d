// Network: online, VPN/proxy (advisory), and the latency of endpoints a profile lists.
import { msg, reported } from '../check';
import { define, failOrWarn } from './template';

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
        evidence: [msg('checks:network.connection.evidence.route', { name: n.defaultInterface ?? up[0]!.name, ...reported('gateway', n.defaultGateway) })],
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
      return { status: 'unknown', expected, evidence: [msg('checks:network.endpoints.evidence.notChecked')], fix: msg('checks:common.fix.rerun') };
    const evidence = results.map((e) =>
      e.ok
        ? msg('checks:network.endpoints.evidence.ok', { url: e.url, ...reported('ms', e.latencyMs) })
        : msg('checks:network.endpoints.evidence.failed', { url: e.url, ...reported('error', e.error) }),
    );
    const bad = results.filter((e) => !e.ok || (e.latencyMs ?? Infinity) > rule.maxLatencyMs);
    const observed = msg('checks:network.endpoints.observed', { ok: results.length - bad.length, total: results.length });
    return bad.length
      ? { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg('checks:network.connection.fix') }
      : { status: 'pass', observed, expected, evidence };
  },
});
