// A network run judged against the profile's thresholds: one check result per finding, in the same
// shape as the system checks, so screens, reports and the CLI show them without special cases.
// Nothing measured is never a pass: it is `unknown` with the reason.
import { dataMsg, msg, reported, type CheckResult, type CheckStatus, type Msg, type SourceRef } from '../check';
import type { NetworkMeasure } from './config';
import type { NetworkRun, ThroughputResult } from './result';

type Rule = { value?: number; required: boolean; source?: SourceRef };
const failOrWarn = (required: boolean): CheckStatus => (required ? 'fail' : 'warn');
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function result(
  id: string,
  rule: Rule | undefined,
  status: CheckStatus,
  parts: { observed?: Msg | null; expected?: Msg | null; evidence?: Msg[]; fix?: Msg | null },
): CheckResult {
  return {
    id,
    area: 'network',
    title: dataMsg(`network:check.${id.slice('network.'.length)}.title`),
    status,
    required: rule?.required ?? false,
    observed: parts.observed ?? null,
    expected: parts.expected ?? null,
    evidence: parts.evidence ?? [],
    fix: status === 'pass' ? null : (parts.fix ?? null),
    ...(rule?.source ? { source: rule.source } : {}),
    durationMs: 0,
  };
}

function throughput(
  id: 'network.download' | 'network.upload',
  r: ThroughputResult | null,
  rule: Rule | undefined,
  outcome: NetworkRun['outcome'],
): CheckResult {
  const expected = rule ? msg('network:expected.mbps', { mbps: rule.value! }) : null;
  if (!r || r.mbps === null)
    return result(id, rule, 'unknown', {
      expected,
      evidence: [msg('network:evidence.notMeasured', { reason: r?.error ?? outcome })],
      fix: msg('network:fix.retry'),
    });
  const observed = msg('network:observed.mbps', { mbps: round(r.mbps), mb: round(r.bytes / 1e6), seconds: round(r.seconds) });
  const evidence = r.error ? [msg('network:evidence.partial', { reason: r.error })] : [];
  if (rule && r.mbps < rule.value!)
    return result(id, rule, failOrWarn(rule.required), {
      observed,
      expected,
      evidence,
      fix: msg(id === 'network.upload' ? 'network:fix.upload' : 'network:fix.download'),
    });
  return result(id, rule, 'pass', { observed, expected, evidence });
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** "10 minutes behind", not "600 s behind": seconds under 90 s, minutes under 90 min, hours under 48 h, then days. */
function clockObserved(skew: number, tz: Record<string, string | number>): Msg {
  const a = Math.abs(skew);
  if (a === 0) return msg('network:observed.clockInStep', tz);
  const ahead = skew > 0;
  if (a < 90) return msg(ahead ? 'network:observed.clockAhead' : 'network:observed.clockBehind', { seconds: a, ...tz });
  if (a < 90 * 60) return msg(ahead ? 'network:observed.clockAheadMinutes' : 'network:observed.clockBehindMinutes', { count: Math.round(a / 60), ...tz });
  if (a < 48 * 3600) return msg(ahead ? 'network:observed.clockAheadHours' : 'network:observed.clockBehindHours', { count: Math.round(a / 3600), ...tz });
  return msg(ahead ? 'network:observed.clockAheadDays' : 'network:observed.clockBehindDays', { count: Math.round(a / 86400), ...tz });
}

export function judgeNetworkRun(run: NetworkRun, measure: NetworkMeasure | undefined): CheckResult[] {
  const m = measure ?? {};
  const out: CheckResult[] = [];

  if (run.services.length) {
    const rule = m.services;
    const evidence = run.services.map((s) =>
      s.ok
        ? msg('network:evidence.service', {
            url: s.url,
            ...reported('status', s.status),
            dns: s.dnsMs ?? '—',
            ...reported('tls', s.tlsMs),
            ...reported('total', s.totalMs),
          })
        : s.cause === 'dns'
          ? msg('network:evidence.serviceDns', { url: s.url, host: hostOf(s.url) })
          : msg('network:evidence.serviceFailed', { url: s.url, ...reported('error', s.error) }),
    );
    // a proxy wanting a password hid the site: that is the proxy's finding, the site itself is unknown
    const failed = run.services.filter((s) => !s.ok && !s.timedOut && s.cause !== 'proxy-auth');
    const timedOut = run.services.filter((s) => s.timedOut || s.cause === 'proxy-auth');
    const observed = msg('network:observed.services', { ok: run.services.filter((s) => s.ok).length, total: run.services.length });
    const status: CheckStatus = failed.length ? failOrWarn(rule?.required ?? false) : timedOut.length ? 'unknown' : 'pass';
    out.push(
      result('network.services', rule, status, {
        observed,
        expected: msg('network:expected.services'),
        evidence,
        fix: msg(timedOut.length && !failed.length ? 'network:fix.retry' : 'network:fix.services'),
      }),
    );
  }

  if (run.download || m.minDownloadMbps) out.push(throughput('network.download', run.download, m.minDownloadMbps, run.outcome));
  if (run.upload || m.minUploadMbps) out.push(throughput('network.upload', run.upload, m.minUploadMbps, run.outcome));

  if (run.latency || m.maxLatencyMs) {
    const l = run.latency;
    const rule = m.maxLatencyMs;
    const expected = rule ? msg('network:expected.latency', { ms: rule.value }) : null;
    if (!l || l.medianMs === null)
      out.push(
        result('network.latency', rule, 'unknown', {
          expected,
          evidence: [msg('network:evidence.notMeasured', { reason: l?.error ?? run.outcome })],
          fix: msg('network:fix.retry'),
        }),
      );
    else {
      const observed = msg('network:observed.latency', {
        ms: round(l.medianMs, 0),
        jitter: round(l.jitterMs ?? 0, 0),
        loss: round(l.lossPercent ?? 0, 0),
        samples: l.samples,
      });
      const tooSlow = rule && l.medianMs > rule.value;
      const jittery = m.maxJitterMs && (l.jitterMs ?? 0) > m.maxJitterMs.value;
      const lossy = m.maxLossPercent && (l.lossPercent ?? 0) > m.maxLossPercent.value;
      const required = Boolean((tooSlow && rule?.required) || (jittery && m.maxJitterMs?.required) || (lossy && m.maxLossPercent?.required));
      const evidence = [
        ...(jittery ? [msg('network:evidence.jitter', { ms: round(l.jitterMs ?? 0, 0), max: m.maxJitterMs!.value })] : []),
        ...(lossy ? [msg('network:evidence.loss', { percent: round(l.lossPercent ?? 0, 0), max: m.maxLossPercent!.value })] : []),
      ];
      out.push(
        result('network.latency', rule ?? m.maxJitterMs ?? m.maxLossPercent, tooSlow || jittery || lossy ? failOrWarn(required) : 'pass', {
          observed,
          expected,
          evidence,
          fix: msg('network:fix.latency'),
        }),
      );
    }
  }

  if (run.udp || m.udp) {
    const u = run.udp;
    const rule = m.udp;
    const expected = msg('network:expected.udp', reported('server', u?.server ?? rule?.stunServer));
    if (!u)
      out.push(
        result('network.udp', rule, 'unknown', {
          expected,
          evidence: [msg('network:evidence.notMeasured', { reason: run.outcome })],
          fix: msg('network:fix.retry'),
        }),
      );
    else if (u.answered) out.push(result('network.udp', rule, 'pass', { observed: msg('network:observed.udpOk', reported('ms', u.rttMs)), expected }));
    else if (u.error)
      out.push(
        result('network.udp', rule, 'unknown', {
          expected,
          evidence: [msg('network:evidence.notMeasured', { reason: u.error })],
          fix: msg('network:fix.retry'),
        }),
      );
    else
      out.push(
        result('network.udp', rule, failOrWarn(rule?.required ?? false), {
          observed: msg('network:observed.udpBlocked'),
          expected,
          evidence: [msg('network:evidence.udpBlocked', { server: u.server })],
          fix: msg('network:fix.udp'),
        }),
      );
  }

  {
    const rule = m.maxClockSkewSeconds;
    const max = rule?.value ?? 120;
    const tz = reported('tz', run.timeZone);
    const expected = msg('network:expected.clock', { seconds: max });
    const c = run.clock;
    if (c.skewSeconds === null) {
      if (run.services.length || run.download)
        out.push(
          result('network.clock', rule, 'unknown', {
            expected,
            observed: msg('network:observed.timeZone', tz),
            evidence: [msg('network:evidence.noDate')],
            fix: msg('network:fix.retry'),
          }),
        );
    } else {
      const observed = clockObserved(round(c.skewSeconds, 0), tz);
      const evidence = [msg('network:evidence.clock', reported('against', c.against))];
      out.push(
        result('network.clock', rule, Math.abs(c.skewSeconds) > max ? failOrWarn(rule?.required ?? false) : 'pass', {
          observed,
          expected,
          evidence,
          fix: msg('network:fix.clock'),
        }),
      );
    }
  }

  {
    const p = run.proxy;
    const evidence = [
      ...p.found.map((f) => msg('network:evidence.proxy', { source: f.source, value: f.value })),
      ...(p.pacUrl ? [msg('network:evidence.pac', { url: p.pacUrl })] : []),
    ];
    const observed = p.used
      ? msg('network:observed.proxyUsed', { proxy: p.used })
      : p.found.length || p.pacUrl
        ? msg('network:observed.proxyFound')
        : msg('network:observed.direct');
    // a proxy is not wrong in itself: proctoring video often does not pass one, so it is named, never failed
    out.push(result('network.proxy', undefined, p.used || p.found.length || p.pacUrl ? 'warn' : 'pass', { observed, evidence, fix: msg('network:fix.proxy') }));
    // …but a proxy that wants a password it was not given (or refused the one given) stops every request through it
    if (p.authRequired) {
      const rule = m.services;
      out.push(
        result('network.proxy-auth', rule, failOrWarn(rule?.required ?? false), {
          observed: msg('network:observed.proxyAuth', reported('proxy', p.used)),
          expected: msg('network:expected.proxyAuth'),
          fix: msg('network:fix.proxyAuth'),
        }),
      );
    }
  }
  return out;
}
