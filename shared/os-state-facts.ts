// Operating-system states that break proctored sessions: what the computer is *set to do* during
// the exam (sleep after 10 minutes, a restart pending, notifications popping up, a Remote Desktop
// session, a Wayland session the proctoring software cannot capture). Part of the facts (facts.ts
// adds the probe block). Every state is optional: only the states a profile asks about are probed,
// and an absent state means "not looked at", never "fine". A state that was looked at but could not
// be read has `value: null` and says why.
import { z } from 'zod';

/** The states a profile can ask about (one probe group each, see electron/inspect/os-state.ts). */
export const OS_STATE_IDS = [
  'sMode',
  'restartPending',
  'doNotDisturb',
  'idleTimeouts',
  'powerSaver',
  'activation',
  'testSigning',
  'remoteSession',
  'touchScreen',
  'displayScaling',
  'sessionType',
  'screenRecording',
  'windowDisplays',
] as const;
export const OsStateIdSchema = z.enum(OS_STATE_IDS);
export type OsStateId = z.infer<typeof OsStateIdSchema>;

/** One observed setting: the value, or null with the reason; `via` names what was read (a command, a key, a file). */
const observed = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value: value.nullable(),
      /** e.g. "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\CI\\Policy /v SkuPolicyRequired" */
      via: z.string().max(500),
      /** why the value is null (not readable without admin rights, no graphical session …) */
      reason: z.string().max(500).optional(),
      /** what else was seen, e.g. the keys that say a restart is pending */
      details: z.array(z.string().max(500)).max(20).optional(),
    })
    .optional();
export type Observed<T> = { value: T | null; via: string; reason?: string; details?: string[] };

/** A display as the app's window sees it (Electron's screen API); only the desktop app has one. */
export const WindowDisplaySchema = z.object({
  id: z.number(),
  width: z.number(),
  height: z.number(),
  x: z.number(),
  y: z.number(),
  scaleFactor: z.number(),
  internal: z.boolean(),
  touch: z.enum(['available', 'unavailable', 'unknown']),
  primary: z.boolean(),
});
export type WindowDisplay = z.infer<typeof WindowDisplaySchema>;

export const SessionTypeSchema = z.enum(['x11', 'wayland', 'tty', 'other']);

export const OS_STATE_FIELDS = {
  /** Windows in S mode: only Store apps install, so the proctoring software cannot */
  sMode: observed(z.boolean()),
  restartPending: observed(z.boolean()),
  /** notifications silenced (Focus Assist / Do not disturb / Focus / GNOME "show banners" off) */
  doNotDisturb: observed(z.boolean()),
  /** minutes before the computer sleeps; 0 = never */
  sleepAfterMin: observed(z.number().nonnegative()),
  /** minutes before the screen turns off; 0 = never */
  displayOffAfterMin: observed(z.number().nonnegative()),
  /** minutes before the screen saver or lock screen starts; 0 = never */
  lockAfterMin: observed(z.number().nonnegative()),
  /** battery saver (Windows), Low Power Mode (macOS), the kernel's low-power platform profile (Linux) */
  powerSaver: observed(z.boolean()),
  activated: observed(z.boolean()),
  testSigning: observed(z.boolean()),
  remoteSession: observed(z.boolean()),
  touchScreen: observed(z.boolean()),
  /** display scaling of the main display in percent (100 = none) */
  scalePercent: observed(z.number().positive()),
  sessionType: observed(SessionTypeSchema),
  /** macOS Screen Recording permission: 'granted' / 'denied', usually null (needs Full Disk Access to read) */
  screenRecording: observed(z.enum(['granted', 'denied'])),
  /** the displays as the app's window sees them; null with a reason outside the desktop app */
  windowDisplays: z.object({ displays: z.array(WindowDisplaySchema).nullable(), reason: z.string().max(500).optional() }).optional(),
};

/**
 * The reasons the collectors give most often, as fixed texts: the rules show them in the reader's
 * language (osstate:reason.<code>). Any other reason (a program's own error) is shown as written.
 * Matched only by exact equality, so no text read from a machine can pick a message key.
 */
export const OS_STATE_REASONS = {
  noSession: 'no graphical session (XDG_SESSION_TYPE, WAYLAND_DISPLAY and DISPLAY are not set)',
  noWindow: "only the desktop app's window can see its displays (this is the command line or a browser)",
  windowTouch: "only the app's window can see touch support",
  windowScale: "only the app's window can see the display scale",
  fullDiskAccess: 'readable only with Full Disk Access',
  tcc: 'the permission list is readable only with Full Disk Access',
  linuxRemote: 'Linux does not mark a remote desktop session',
  macRemote: 'macOS does not mark a Screen Sharing session',
  noPowerProfile: 'the firmware offers no power profile',
  focusAssist: 'Focus Assist on Windows 10 keeps its state in a binary store that cannot be read reliably',
  otherDesktop: 'a Wayland desktop other than GNOME keeps these settings in its own format',
  otherDesktopNotifications: 'this desktop keeps its notification setting in its own format',
  notGnomeSleep: "the desktop's own sleep setting is not readable outside GNOME",
  noRebootFlag: 'only Debian and Ubuntu mark a pending restart',
} as const;
export type OsStateReason = keyof typeof OS_STATE_REASONS;

/** Why an old facts file has no `osState`. */
export const OLD_FACTS_REASON = 'made by an earlier version that did not read operating-system settings';
