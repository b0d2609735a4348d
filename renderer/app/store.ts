// App-wide state: settings (language, chosen exam), the latest system check, and what the camera,
// microphone and speaker steps measured with main's verdicts on it, so the summary can add them up
// and the report carries the measurements. Screens read slices with selectors.
import { create } from 'zustand';
import type { Msg } from '../../shared/check';
import { messageOf } from '../../shared/errors';
import type { CheckResult } from '../../shared/check';
import type { SettingsState, Settings } from '../../shared/api/settings';
import type { ScanResult } from '../../shared/scan';
import type { AppInfo } from '../../shared/api/scan';
import type { OpenedReportFile } from '../../shared/api/report';
import type { DeviceMeasurements } from '../../shared/devices/measurements';
import type { DeviceStepId } from '../../shared/journey';
import { MARK, markNow } from './marks';

export type ScanPhase = 'idle' | 'running' | 'done' | 'error';

interface AppState {
  settings: SettingsState | null;
  /** version and the admin policy in force (read once at start) */
  info: AppInfo | null;
  /** a report file picked from the File menu, waiting for the viewer */
  pendingReport: OpenedReportFile | null;
  setPendingReport(f: OpenedReportFile | null): void;
  /** the check id of the report made last in this session (the summary offers to copy it) */
  lastCheckId: string | null;
  setLastCheckId(id: string | null): void;
  /** results in arrival order while a scan runs; the final list once it ends */
  results: CheckResult[];
  scan: ScanResult | null;
  scanPhase: ScanPhase;
  /** why the scan failed, in words the window renders in the learner's language */
  scanError: Msg | null;
  /** ids of checks being re-run alone */
  rerunning: string[];
  /** what the camera, microphone and speaker steps measured (sent with the report) */
  measurements: DeviceMeasurements;
  /** main's verdicts on those measurements (area "devices"), keyed by check id */
  devices: Record<string, CheckResult>;
  /** device tests begun and not finished (the learner moved on while one ran): "not finished", never a problem */
  unfinished: DeviceStepId[];
  setUnfinished(kind: DeviceStepId, on: boolean): void;
  setSettings(s: SettingsState): void;
  setInfo(i: AppInfo): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  runScan(profileId: string): Promise<void>;
  rerunCheck(profileId: string, checkId: string): Promise<void>;
  /**
   * Records a measurement (a key set to undefined removes an old one: the face of a re-tested
   * camera) and has main judge all of them again; the latest answer wins.
   */
  measureDevices(profileId: string, patch: Partial<DeviceMeasurements>): Promise<void>;
}

/** Numbers the judging calls, so an answer that arrives after a newer request is dropped. */
let judging = 0;

/**
 * The scan's final results, reusing each streamed result that is the same (it was judged on the same
 * facts): its memoised card is not rendered again when the verdict arrives, only the ones that changed.
 */
export function keepStreamed(streamed: readonly CheckResult[], final: CheckResult[]): CheckResult[] {
  const before = new Map(streamed.map((r) => [r.id, r]));
  return final.map((r) => {
    const old = before.get(r.id);
    return old && JSON.stringify(old) === JSON.stringify(r) ? old : r;
  });
}

/** Routes an admin's policy hides (the mock exam where rehearsing is not wanted). */
export function hiddenRoutes(info: AppInfo | null): string[] {
  return info?.policy?.policy.hideMockExam ? ['exam'] : [];
}

export const useApp = create<AppState>()((set, get) => ({
  settings: null,
  info: null,
  pendingReport: null,
  setPendingReport: (pendingReport) => set({ pendingReport }),
  lastCheckId: null,
  setLastCheckId: (lastCheckId) => set({ lastCheckId }),
  results: [],
  scan: null,
  scanPhase: 'idle',
  scanError: null,
  rerunning: [],
  measurements: {},
  devices: {},
  unfinished: [],
  setUnfinished: (kind, on) => set((s) => ({ unfinished: [...s.unfinished.filter((k) => k !== kind), ...(on ? [kind] : [])] })),
  setSettings: (settings) => set({ settings }),
  setInfo: (info) => set({ info }),
  async updateSettings(patch) {
    const before = get().settings;
    // another exam: the previous check no longer applies
    if (patch.profileId !== undefined && patch.profileId !== before?.profileId) {
      judging++;
      set({ results: [], scan: null, scanPhase: 'idle', measurements: {}, devices: {}, unfinished: [] });
    }
    // show the choice at once (a radio that lags behind the click feels broken); main has the last word
    if (before && !before.lockedProfileId) set({ settings: { ...before, ...patch } });
    set({ settings: await window.preflight.updateSettings(patch) });
  },
  async runScan(profileId) {
    if (get().scanPhase === 'running') return;
    set({ results: [], scan: null, scanPhase: 'running', scanError: null });
    markNow(MARK.scanRequested);
    // one store update per message (a batch of results from one landed area), not per result
    const off = window.preflight.onScanProgress((batch) => {
      const ids = new Set(batch.map((r) => r.id));
      set((s) => ({ results: [...s.results.filter((x) => !ids.has(x.id)), ...batch] }));
    });
    try {
      const scan = await window.preflight.runScan(profileId);
      set((s) => ({ scan, results: keepStreamed(s.results, scan.results), scanPhase: 'done' }));
    } catch (err) {
      set({ scanPhase: 'error', scanError: messageOf(err) });
    } finally {
      off();
    }
  },
  async rerunCheck(profileId, checkId) {
    set((s) => ({ rerunning: [...s.rerunning, checkId] }));
    try {
      const r = await window.preflight.rerunCheck(profileId, checkId);
      set((s) => ({ results: s.results.map((x) => (x.id === r.id ? r : x)) }));
    } finally {
      set((s) => ({ rerunning: s.rerunning.filter((x) => x !== checkId) }));
    }
  },
  async measureDevices(profileId, patch) {
    const merged: Record<string, unknown> = { ...get().measurements, ...patch };
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
    const measurements = merged as DeviceMeasurements;
    const seq = ++judging;
    set({ measurements });
    const results = await window.preflight.judgeDevices(profileId, measurements);
    if (seq === judging) set({ devices: Object.fromEntries(results.map((r) => [r.id, r])) });
  },
}));
