// The older endpoint timing (requirements.network.endpoints): one HEAD request per address a profile
// lists. It goes through the measurement's own connection code, so the same address guard applies
// (no loopback, private or link-local target without the admin's switch, checked on the resolved
// address), the same proxy (and NO_PROXY), the same trusted CAs, and the caller's time limit
// cancels DNS, TCP and TLS alike. Whether it runs at all is the caller's "only when asked" rule.
import https from 'node:https';
import { refusedName, RefusedTargetError } from './address';
import { MeasuredAgent, resolveChecked } from './connect';
import type { NetworkDeps } from './deps';
import { proxyPlan } from './system-proxy';

export type Head = (url: URL, signal: AbortSignal) => Promise<number>;

/** A HEAD request behind the address guard; resolves to the HTTP status (redirects are answers). */
export function guardedHead(depsOf: () => Promise<NetworkDeps> | NetworkDeps): Head {
  return async (url, signal) => {
    if (url.protocol !== 'https:') throw new Error('only https:// addresses are contacted');
    const deps = await depsOf();
    const { forUrl } = await proxyPlan([url.href], deps);
    const proxied = Boolean(forUrl.get(url.origin));
    if (deps.transport) {
      // the app's Chromium stack: the same guard first (through a proxy, on the name only)
      const named = proxied ? refusedName(url.hostname) : null;
      if (named && !deps.allowPrivate) throw new RefusedTargetError(`${named}: not contacted`);
      if (!proxied) await resolveChecked(url.hostname, deps, signal);
      const r = await deps.transport(url, { method: 'HEAD', signal, headers: { 'user-agent': 'exam-preflight' } });
      r.body.destroy();
      return r.status;
    }
    const agent = new MeasuredAgent({ deps, proxy: forUrl.get(url.origin) ?? null, signal });
    try {
      return await new Promise<number>((resolve, reject) => {
        const r = https.request(url, { method: 'HEAD', agent, signal, headers: { 'user-agent': 'exam-preflight', connection: 'close' } }, (res) => {
          res.destroy();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      });
    } finally {
      agent.destroy();
    }
  };
}
