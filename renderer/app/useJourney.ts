// The journey's state for the screens: the store's scan and device results, plus the checklist
// progress and mock exam attempts read from main (re-read when a screen changes them or the
// learner moves to another step). Used by the navigation, the summary and "Continue to …".
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ChecklistSummary } from '../../shared/checklist/summary';
import type { AttemptSummary } from '../../shared/api/exam';
import type { RouteId } from '../screen';
import { ROUTES } from './route-ids';
import { hiddenRoutes, useApp } from './store';
import type { CheckResult } from '../../shared/check';
import { deviceRequiredBy, journeySteps, journeyVerdict, type DeviceStepId, type StepStatus } from '../../shared/journey';

interface Loaded {
  profileId: string | null;
  checklist: ChecklistSummary | null;
  attempts: AttemptSummary[] | null;
  networkRuns: number | null;
  /** the latest network test's findings as main judged them (the report carries the same) */
  network: CheckResult[];
  /** which device steps the exam requires (null until read) */
  deviceRequired: Record<DeviceStepId, boolean> | null;
}
const NONE = { checklist: null, attempts: null, networkRuns: null, network: [], deviceRequired: null };
const useLoaded = create<Loaded>()(() => ({ profileId: null, ...NONE }));

/** Re-reads checklist progress and attempts (after a tick, a submitted section, a new exam). */
export async function refreshJourney(profileId: string | null): Promise<void> {
  if (!profileId) return void useLoaded.setState({ profileId, ...NONE });
  if (useLoaded.getState().profileId !== profileId) useLoaded.setState({ profileId, ...NONE });
  const [c, a, n, l, d] = await Promise.allSettled([
    window.preflight.getChecklists(profileId),
    window.preflight.listAttempts(profileId),
    window.preflight.networkHistory(profileId),
    window.preflight.networkLatest(profileId),
    window.preflight.deviceRequirements(profileId),
  ]);
  if (useLoaded.getState().profileId !== profileId) return; // another exam was chosen meanwhile
  useLoaded.setState({
    checklist: c.status === 'fulfilled' ? c.value.summary : null,
    attempts: a.status === 'fulfilled' ? a.value.attempts : null,
    networkRuns: n.status === 'fulfilled' ? n.value.length : null,
    network: l.status === 'fulfilled' ? (l.value?.results ?? []) : [],
    deviceRequired: d.status === 'fulfilled' ? deviceRequiredBy(d.value) : null,
  });
}

/** Routes the learner can reach, in journey order (policy-hidden ones left out). */
export function useAvailableRoutes(): RouteId[] {
  const hidden = hiddenRoutes(useApp((s) => s.info));
  return ROUTES.map((r) => r.id).filter((id) => !hidden.includes(id));
}

export function useJourney(
  profileId: string | null,
  refreshKey?: unknown,
): { steps: StepStatus[]; verdict: ReturnType<typeof journeyVerdict>; loaded: boolean } {
  const available = useAvailableRoutes();
  const scanPhase = useApp((s) => s.scanPhase);
  const results = useApp((s) => s.results);
  const devices = useApp((s) => s.devices);
  const scan = useApp((s) => s.scan);
  const unfinished = useApp((s) => s.unfinished);
  const { checklist, attempts, networkRuns, network, deviceRequired, profileId: loadedFor } = useLoaded();
  useEffect(() => {
    void refreshJourney(profileId);
  }, [profileId, refreshKey]);
  // a finished scan of another exam does not count for this one
  const phase = scan && scan.profileId !== profileId ? 'idle' : scanPhase;
  const same = loadedFor === profileId;
  const steps = journeySteps(
    {
      scanPhase: phase,
      results,
      devices,
      checklist: same ? checklist : null,
      attempts: same ? attempts : null,
      networkRuns: same ? networkRuns : null,
      network: same ? network : [],
      deviceRequired: same ? deviceRequired : null,
      unfinished,
    },
    available,
  );
  return { steps, verdict: journeyVerdict(steps), loaded: same && checklist !== null && attempts !== null };
}
