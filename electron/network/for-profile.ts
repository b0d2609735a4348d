// The measurement an exam profile asks for, with the admin policy's replacements applied: used by
// the app's handlers and by the headless command alike.
import { planFor, type NetworkPlan, type NetworkPolicy, type PlanTuning } from '../../shared/network/config';
import { networkResults } from '../../shared/pipeline';
import type { NetworkProgress } from '../../shared/network/result';
import type { NetworkRunView } from '../../shared/api/network';
import type { Profile } from '../../shared/profile/schema';
import { realNetworkDeps, type NetworkDeps } from './deps';
import { runNetworkTest } from './run';
import { readCaFile, withExtraCa } from './trust';

export interface MeasureTuning extends PlanTuning {
  stallMs?: number;
  serviceTimeoutMs?: number;
}

export const planForProfile = (profile: Profile, policy: NetworkPolicy | null | undefined, tuning: PlanTuning = {}): NetworkPlan =>
  planFor(profile.requirements.network?.measure, policy ?? null, tuning);

export function depsFor(policy: NetworkPolicy | null | undefined, over: Partial<NetworkDeps> = {}): NetworkDeps {
  // the policy can only widen what is reachable when it says so; tests pass allowPrivate directly
  return realNetworkDeps({ ...over, allowPrivate: Boolean(policy?.allowPrivateNetworkTargets || over.allowPrivate) });
}

/** depsFor, with the policy's extra CA file read and checked (a bad file is an error naming it, before anything is contacted). */
export async function depsWithTrust(policy: NetworkPolicy | null | undefined, over: Partial<NetworkDeps> = {}): Promise<NetworkDeps> {
  const deps = depsFor(policy, over);
  if (!policy?.caFile) return deps;
  return { ...deps, ca: withExtraCa(deps.ca, await readCaFile(policy.caFile, deps.now())) };
}

export async function measureProfile(
  profile: Profile,
  o: { policy?: NetworkPolicy | null; deps?: Partial<NetworkDeps>; tuning?: MeasureTuning; signal?: AbortSignal; onProgress?: (p: NetworkProgress) => void },
): Promise<NetworkRunView> {
  const plan = planForProfile(profile, o.policy, o.tuning);
  const run = await runNetworkTest(plan, await depsWithTrust(o.policy, o.deps), {
    profileId: profile.id,
    signal: o.signal,
    onProgress: o.onProgress,
    stallMs: o.tuning?.stallMs,
    serviceTimeoutMs: o.tuning?.serviceTimeoutMs,
  });
  return { run, results: networkResults(profile, run) };
}
