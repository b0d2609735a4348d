// What the operating system says about camera and microphone access, collected by the scan
// (electron/inspect/media-access.ts) and used by the camera/microphone screens to explain a browser
// error: NotReadableError means "another app holds it" only when the OS lets apps use it at all.
import { z } from 'zod';

const str = z.string().max(1000);

/** allowed / denied by the OS switch or the app's permission; unknown with a reason */
export const AccessStateSchema = z.enum(['allowed', 'denied', 'not-determined', 'restricted', 'unknown']);
export type AccessState = z.infer<typeof AccessStateSchema>;

export const DeviceAccessSchema = z.object({
  /** Windows: "Camera access" for the whole computer (HKLM); macOS: this app's permission */
  system: AccessStateSchema,
  /** Windows: "Let apps access your camera" (HKCU); null elsewhere */
  apps: AccessStateSchema.nullable(),
  /** Windows: "Let desktop apps access your camera" (HKCU …\NonPackaged); null elsewhere */
  desktopApps: AccessStateSchema.nullable(),
  /** Windows: programs the ConsentStore shows using the device now (LastUsedTimeStop 0), file names only */
  inUseBy: z.array(str).max(50),
  /** why a state is unknown (not collected on this system, a program failed) */
  note: str.nullable(),
});
export type DeviceAccess = z.infer<typeof DeviceAccessSchema>;

export const MediaAccessSchema = z.object({
  camera: DeviceAccessSchema,
  microphone: DeviceAccessSchema,
  /** Linux: video device nodes (/dev/video*) and whether the user may open them */
  linux: z
    .object({
      videoDevices: z.array(str).max(64),
      /** the user is in the group owning the devices (usually "video"); null when it cannot be told */
      inVideoGroup: z.boolean().nullable(),
      group: str.nullable(),
    })
    .nullable(),
});
export type MediaAccess = z.infer<typeof MediaAccessSchema>;

export const unknownAccess = (note: string): DeviceAccess => ({ system: 'unknown', apps: null, desktopApps: null, inUseBy: [], note });
