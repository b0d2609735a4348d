// Main-process implementation of NetworkApi (shared/api/network.ts). Plain Node, tested without
// Electron. One run at a time; Cancel aborts it through its AbortController. Every run is kept in
// the data folder with its time, for the "test again at exam hour" comparison.
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import type { networkInvoke, NetworkRunView } from '../../shared/api/network';
import type { NetworkPolicy } from '../../shared/network/config';
import { networkResults } from '../../shared/pipeline';
import { findProfile, requireProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import type { NetworkDeps } from '../network/deps';
import { measureProfile, planForProfile, type MeasureTuning } from '../network/for-profile';
import { networkHistory } from '../network/history';
import type { HandlerContext } from './context';

export type NetworkHandlers = Pick<Handlers, keyof typeof networkInvoke>;

export interface NetworkOptions {
  extraProfiles?: Profile[];
  /** false: the admin's policy turned network checks off */
  networkChecks?: boolean;
  /** the policy's networkTest section (endpoint replacements, private targets) */
  policy?: NetworkPolicy | null;
  /** the app passes Electron's resolveProxy; tests pass a trusted test certificate and allowPrivate */
  deps?: Partial<NetworkDeps>;
  /** shorter runs for tests */
  tuning?: MeasureTuning;
  /** after a finished run: the exam's endpoints are timed too (the scan handlers' timeEndpoints), since the learner asked for the network */
  afterRun?: (profile: Profile) => Promise<unknown>;
}

const ProfileId = z.string().min(1).max(100);

export function createNetworkHandlers(ctx: HandlerContext, opts: NetworkOptions = {}) {
  const history = networkHistory(ctx.dataDir);
  const latest = new Map<string, NetworkRunView>();
  let current: AbortController | null = null;

  const profileOrThrow = (raw: unknown): Profile => {
    return requireProfile(ProfileId.parse(raw), opts.extraProfiles ?? []);
  };

  const handlers: NetworkHandlers = {
    async networkPlan(profileId: unknown) {
      const plan = planForProfile(profileOrThrow(profileId), opts.policy, opts.tuning);
      const off = opts.networkChecks === false;
      return {
        hosts: plan.hosts,
        directionSeconds: Math.round(plan.directionMs / 100) / 10,
        totalSeconds: Math.round(plan.totalMs / 1000),
        maxMegabytes: Math.round(plan.maxBytes / 1e6),
        allowed: !off && plan.hosts.length > 0,
        reason: off ? 'policy-off' : plan.hosts.length ? null : 'nothing-to-measure',
      };
    },

    async runNetworkTest(profileId: unknown) {
      const profile = profileOrThrow(profileId);
      if (opts.networkChecks === false) throw new Error("network checks are turned off by your organisation's policy");
      if (current) throw new Error('a network test is already running');
      const ac = new AbortController();
      current = ac;
      try {
        const view = await measureProfile(profile, {
          policy: opts.policy,
          deps: { now: ctx.now, ...opts.deps },
          tuning: opts.tuning,
          signal: ac.signal,
          onProgress: (p) => ctx.emit('onNetworkProgress', p),
        });
        latest.set(profile.id, view);
        await history.add(view.run);
        // a failure here is the endpoint check's to report (unknown), never the measurement's
        await opts.afterRun?.(profile).catch((err: unknown) => ctx.log?.log('warn', 'endpoint-timing-failed', { error: String(err) }));
        return view;
      } finally {
        current = null;
      }
    },

    async cancelNetworkTest() {
      if (!current) return false;
      current.abort();
      return true;
    },

    async networkHistory(profileId: unknown) {
      return history.list(ProfileId.parse(profileId));
    },

    async networkLatest(profileId: unknown) {
      return latestNetwork(ProfileId.parse(profileId)) ?? null;
    },
  };

  /** the latest run this session for an exam, re-judged (reports are built from it) */
  const latestNetwork = (profileId: string): NetworkRunView | undefined => {
    const v = latest.get(profileId);
    const p = v && findProfile(profileId, opts.extraProfiles ?? []);
    return v && p ? { run: v.run, results: networkResults(p, v.run) } : v;
  };
  return { handlers, latestNetwork };
}
