// What the admin's policy (electron/storage/policy.ts) changes in the handlers: the locked exam,
// the extra exam profiles and whether network checks run. Kept out of main.ts to be testable.
import type { HandlerOptions } from '../handlers';
import { publicPolicyState, type LoadedPolicy } from '../storage/policy';

export function handlerOptionsFromPolicy(loaded: LoadedPolicy, osLocale: string): HandlerOptions {
  return {
    settings: { osLocale, lockedProfileId: loaded.policy.lockedProfile, defaultProfileId: loaded.policy.defaultProfile },
    scan: { extraProfiles: loaded.extraProfiles, networkChecks: loaded.policy.networkChecks, policy: publicPolicyState(loaded) },
  };
}
