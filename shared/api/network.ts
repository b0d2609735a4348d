// Network measurement part of the renderer <-> main contract. Nothing is contacted until
// runNetworkTest is called; networkPlan says beforehand exactly which hosts will be.
import type { CheckResult } from '../check';
import type { NetworkProgress, NetworkRun } from '../network/result';

export interface NetworkPlanView {
  /** host:port (and "udp host:port") contacted, in order */
  hosts: string[];
  /** seconds per direction and in all, for the text beside the button */
  directionSeconds: number;
  totalSeconds: number;
  maxMegabytes: number;
  /** false when the admin's policy turned network checks off, or the exam lists nothing to measure */
  allowed: boolean;
  reason: 'policy-off' | 'nothing-to-measure' | null;
}

export interface NetworkRunView {
  run: NetworkRun;
  results: CheckResult[];
}

export interface NetworkApi {
  networkPlan(profileId: string): Promise<NetworkPlanView>;
  /** measures now (≤ 30 s); progress streams through onNetworkProgress; the run is kept locally */
  runNetworkTest(profileId: string): Promise<NetworkRunView>;
  /** stops the run in progress (it still resolves, with outcome "cancelled"); false when none runs */
  cancelNetworkTest(): Promise<boolean>;
  /** past runs for this exam, oldest first */
  networkHistory(profileId: string): Promise<NetworkRun[]>;
  /** this session's latest run for this exam, judged as the report judges it; null when none */
  networkLatest(profileId: string): Promise<NetworkRunView | null>;
  onNetworkProgress(cb: (p: NetworkProgress) => void): () => void;
}

export const networkInvoke = {
  networkPlan: 'preflight:network-plan',
  runNetworkTest: 'preflight:network-run',
  cancelNetworkTest: 'preflight:network-cancel',
  networkHistory: 'preflight:network-history',
  networkLatest: 'preflight:network-latest',
} as const;

export const networkEvents = {
  onNetworkProgress: 'preflight:network-progress',
} as const;
