// Judging device measurements the way main does (shared/pipeline.ts judgeDevices): against a
// profile whose camera, microphone and speaker rules are exactly the ones a test gives.
import type { CheckResult } from '../../../shared/check';
import type { MediaAccess } from '../../../shared/devices/media-access';
import type { DeviceMeasurements } from '../../../shared/devices/measurements';
import { judgeDevices } from '../../../shared/pipeline';
import { findProfile } from '../../../shared/profile/load';
import type { Profile } from '../../../shared/profile/schema';
import type { Requirements } from '../../../shared/profile/requirements';
import { machines } from '../../fixtures/facts/machines';

export type DeviceRules = Pick<Requirements, 'camera' | 'microphone' | 'speakers'>;

export function profileWithDevices(rules: DeviceRules): Profile {
  const p = structuredClone(findProfile('mitx-pom-final')!);
  p.requirements = { ...p.requirements, camera: undefined, microphone: undefined, speakers: undefined, ...structuredClone(rules) };
  return p;
}

/**
 * The result of one device check. `access`: the latest system check's OS switches (a scan of the
 * good Windows laptop carrying them); without it the devices are judged before any scan.
 */
export function judged(id: string, measured: DeviceMeasurements, rules: DeviceRules, access?: MediaAccess): CheckResult | undefined {
  const facts = access ? { ...machines.good(), device: { ...machines.good().device, mediaAccess: access } } : undefined;
  return judgeDevices(profileWithDevices(rules), measured, facts).find((r) => r.id === id);
}

/** The same, for a check that must have a result. */
export function judgedOne(id: string, measured: DeviceMeasurements, rules: DeviceRules, access?: MediaAccess): CheckResult {
  const r = judged(id, measured, rules, access);
  if (!r) throw new Error(`no ${id} result`);
  return r;
}

/** A camera rule at the app's usual minimum, required. */
export const REQ_CAMERA = { minWidth: 640, minHeight: 480, minFps: 15, required: true };
