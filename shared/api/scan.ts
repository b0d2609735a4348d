// System check part of the renderer <-> main contract.
import type { CheckResult } from '../check';
import type { ScanResult, ProfileSummary } from '../scan';
import type { Language } from '../i18n/text';
import type { SourceRef } from '../check';
import type { PolicyState } from '../policy/schema';
import type { DeviceMeasurements } from '../devices/measurements';

export interface AppInfo {
  version: string;
  /** null when the app was started without looking for a policy (tests, browser harness) */
  policy: PolicyState | null;
}

export interface DeviceRule {
  required: boolean;
  source?: SourceRef;
}

/** What an exam asks of the camera and microphone (checked in the window, not by inspectors). */
export interface DeviceRequirements {
  camera: { minWidth: number; minHeight: number; minFps: number; required: boolean; source?: SourceRef; face?: DeviceRule; virtualDevices?: DeviceRule } | null;
  microphone: { required: boolean; source?: SourceRef; virtualDevices?: DeviceRule; headset?: DeviceRule } | null;
  /** absent from older main processes: treated as null */
  speakers?: DeviceRule | null;
}

export interface ScanApi {
  /** built-in and admin-provided profiles, titles in `lang` */
  listProfiles(lang: Language): Promise<ProfileSummary[]>;
  /** inspect this machine and evaluate it; results also stream through onScanProgress (a batch per landed area) */
  runScan(profileId: string): Promise<ScanResult>;
  /** re-run the probes behind one check and evaluate that check alone */
  rerunCheck(profileId: string, checkId: string): Promise<CheckResult>;
  /** the profile's camera and microphone requirements */
  deviceRequirements(profileId: string): Promise<DeviceRequirements>;
  /**
   * Judges what the window measured of the camera, face, microphone and speakers against the exam
   * (shared/rules/devices.ts): one result per measured device the exam asks about, none for a device
   * not measured yet.
   */
  judgeDevices(profileId: string, measurements: DeviceMeasurements): Promise<CheckResult[]>;
  /** version of the app and the admin policy in force, for the about screen */
  appInfo(): Promise<AppInfo>;
  /** results as they become ready during a scan: those ready together (one fact area landed) in one message */
  onScanProgress(cb: (results: CheckResult[]) => void): () => void;
}

export const scanInvoke = {
  listProfiles: 'preflight:list-profiles',
  runScan: 'preflight:run-scan',
  rerunCheck: 'preflight:rerun-check',
  deviceRequirements: 'preflight:device-requirements',
  judgeDevices: 'preflight:judge-devices',
  appInfo: 'preflight:app-info',
} as const;

export const scanEvents = {
  onScanProgress: 'preflight:scan-progress',
} as const;
