// App-wide state: settings (language, chosen exam), the latest system check and the camera and
// microphone results, so the summary can add them up. Screens read slices with selectors.
import { create } from 'zustand';
import type { Msg } from '../../shared/check';
import { messageOf } from '../../shared/errors';
import type { CheckResult } from '../../shared/check';
import type { SettingsState, Settings } from '../../shared/api/settings';
import type { ScanResult } from '../../shared/scan';
import type { AppInfo } from '../../shared/api/scan';

export type ScanPhase = 'idle' | 'running' | 'done' | 'error';

interface AppState {
  settings: SettingsState | null;
  /** version and the admin policy in force (read once at start) */
  info: AppInfo | null;
  /** a report file picked from the File menu, waiting for the viewer */
  pendingReport: { text: string; fileName: string } | null;
  setPendingReport(f: { text: string; fileName: string } | null): void;
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
  /** camera and microphone results (area "devices"), keyed by id */
  devices: Record<string, CheckResult>;
  setSettings(s: SettingsState): void;
  setInfo(i: AppInfo): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  runScan(profileId: string): Promise<void>;
  rerunCheck(profileId: string, checkId: string): Promise<void>;
  setDeviceResult(r: CheckResult): void;
  /** a re-test that no longer applies a check (the face check of a covered lens) removes its old result */
  clearDeviceResult(id: string): void;
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
  devices: {},
  setSettings: (settings) => set({ settings }),
  setInfo: (info) => set({ info }),
  async updateSettings(patch) {
    const before = get().settings;
    // another exam: the previous check no longer applies
    if (patch.profileId !== undefined && patch.profileId !== before?.profileId) {
      set({ results: [], scan: null, scanPhase: 'idle', devices: {} });
    }
    // show the choice at once (a radio that lags behind the click feels broken); main has the last word
    if (before && !before.lockedProfileId) set({ settings: { ...before, ...patch } });
    set({ settings: await window.preflight.updateSettings(patch) });
  },
  async runScan(profileId) {
    if (get().scanPhase === 'running') return;
    set({ results: [], scan: null, scanPhase: 'running', scanError: null });
    const off = window.preflight.onScanProgress((r) => {
      set((s) => ({ results: [...s.results.filter((x) => x.id !== r.id), r] }));
    });
    try {
      const scan = await window.preflight.runScan(profileId);
      set({ scan, results: scan.results, scanPhase: 'done' });
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
  setDeviceResult: (r) => set((s) => ({ devices: { ...s.devices, [r.id]: r } })),
  clearDeviceResult: (id) =>
    set((s) => {
      const { [id]: _gone, ...devices } = s.devices;
      return { devices };
    }),
}));
