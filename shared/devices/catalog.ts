// The virtual camera/microphone and headset catalog (virtual-devices.json), and matching a device
// label against it. Labels come from the browser (data, not code): compared as lower-case text,
// cut to 256 characters, never used as a pattern or a message key.
import data from './virtual-devices.json';

export type DeviceKind = 'camera' | 'microphone';
export interface VirtualDeviceEntry {
  id: string;
  name: string;
  kinds: DeviceKind[];
  labels: string[];
}

export const VIRTUAL_DEVICES: readonly VirtualDeviceEntry[] = data.virtual as VirtualDeviceEntry[];
export const HEADSET_LABELS: readonly string[] = data.headset;

const norm = (label: string) => label.slice(0, 256).toLowerCase();

/** The catalog entry a device label belongs to, for this kind of device; null when none does. */
export function virtualDeviceFor(label: string, kind: DeviceKind): VirtualDeviceEntry | null {
  const l = norm(label);
  if (!l) return null;
  return VIRTUAL_DEVICES.find((e) => e.kinds.includes(kind) && e.labels.some((x) => l.includes(x))) ?? null;
}

/** Whether a microphone's label names a headset or headphones (advice: proctors often forbid them). */
export function isHeadsetLabel(label: string): boolean {
  const l = norm(label);
  return !!l && HEADSET_LABELS.some((x) => l.includes(x));
}
