// The order of checks lives here, and only here (what the learner sees, the report, the CLI).
import type { CheckDef } from './template';
import type { FactArea } from '../facts';
import { osSupported } from './os';
import { deviceModel, deviceFormFactor } from './device';
import { HARDWARE_CHECKS } from './hardware';
import { displaysCount, displaysResolution } from './displays';
import { virtualMachine } from './virtualization';
import { prohibitedApps } from './processes';
import { browsersSupported } from './browsers';
import { softwarePython, softwarePythonPackages, softwareR } from './software';
import { networkConnection, networkVpnProxy, networkEndpoints } from './network';
import { OS_STATE_CHECKS } from './os-state';
import { devicesCamera, devicesMicrophone, devicesSpeakers } from './devices';
import { devicesFace } from './face';

export const CHECKS: readonly CheckDef[] = [
  osSupported,
  deviceModel,
  deviceFormFactor,
  ...HARDWARE_CHECKS,
  displaysCount,
  displaysResolution,
  browsersSupported,
  softwarePython,
  softwarePythonPackages,
  softwareR,
  virtualMachine,
  prohibitedApps,
  networkConnection,
  networkVpnProxy,
  networkEndpoints,
  ...OS_STATE_CHECKS,
  // measured in the app's window, listed after the system check as the learner's steps are
  devicesCamera,
  devicesFace,
  devicesMicrophone,
  devicesSpeakers,
];

/** Which fact areas to re-collect to re-run one check alone. */
export function areasForCheck(checkId: string): FactArea[] {
  return [...(CHECKS.find((c) => c.id === checkId)?.reads ?? [])];
}

/** Checks that read a fact area (for streaming: evaluate these as soon as that area lands). */
export function checksForArea(area: FactArea): string[] {
  return CHECKS.filter((c) => c.reads.includes(area)).map((c) => c.id);
}
