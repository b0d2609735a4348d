// The operating-system states an exam asks about (requirements.osState). Each is its own rule, so a
// profile can ask for some and not others; only the states asked about are ever probed. None of the
// built-in exams' FAQs names these states, so their rules are advisory (required: false) there.
import { z } from 'zod';
import { SourceRefSchema } from '../check';
import { PlatformSchema, type OsStateId } from '../facts';

const rule = {
  required: z.boolean().default(true),
  source: SourceRefSchema.optional(),
  /** the author's reading of the source, for other authors */
  note: z.string().max(1000).optional(),
};
const plain = () => z.object(rule).strict().optional();

export const OsStateRequirementsSchema = z
  .object({
    /** Windows in S mode cannot install the proctoring software */
    sMode: plain(),
    /** a restart pending from updates can start in the middle of the exam */
    restartPending: plain(),
    /** notifications should be silenced (Focus Assist / Do not disturb / Focus) during the exam */
    doNotDisturb: plain(),
    /**
     * sleep, screen-off and screen-saver/lock timeouts must be longer than this (or never); without
     * `minMinutes`, the longest section of the profile's mock exam is used (else 60 minutes)
     */
    idleTimeouts: z
      .object({
        minMinutes: z
          .number()
          .int()
          .positive()
          .max(24 * 60)
          .optional(),
        ...rule,
      })
      .strict()
      .optional(),
    /** battery saver / Low Power Mode slows the machine and may throttle the camera */
    powerSaver: plain(),
    /** Windows not activated */
    activation: plain(),
    /** Windows booted in test-signing mode (unsigned drivers allowed) */
    testSigning: plain(),
    /** the exam running inside a Remote Desktop session */
    remoteSession: plain(),
    /** a touch screen is present (some proctors ask for it to be left alone or turned off) */
    touchScreen: plain(),
    /** display scaling above this percentage can push exam windows off the screen */
    displayScaling: z
      .object({ maxPercent: z.number().int().min(100).max(500).default(150), ...rule })
      .strict()
      .optional(),
    /** a Wayland session (screen capture by proctoring tools often fails there) */
    waylandSession: plain(),
    /** macOS Screen Recording permission for the browser or proctoring app */
    screenRecording: plain(),
    /** a second display, extended or mirrored */
    displayMode: plain(),
    /** the proctoring software's own minimum OS versions (e.g. its macOS minimum) */
    proctoringSoftware: z
      .object({
        name: z.string().min(1).max(100),
        minimumVersions: z
          .array(z.object({ platform: PlatformSchema, min: z.string().regex(/^\d+(\.\d+)*$/, 'a version such as "12" or "10.15"'), label: z.string() }))
          .min(1),
        ...rule,
      })
      .strict()
      .optional(),
  })
  .strict();
export type OsStateRequirements = z.infer<typeof OsStateRequirementsSchema>;

/** Which rules need which probes (the rest of the collector never runs). */
const PROBES: Record<Exclude<keyof OsStateRequirements, 'proctoringSoftware'>, OsStateId[]> = {
  sMode: ['sMode'],
  restartPending: ['restartPending'],
  doNotDisturb: ['doNotDisturb'],
  idleTimeouts: ['idleTimeouts'],
  powerSaver: ['powerSaver'],
  activation: ['activation'],
  testSigning: ['testSigning'],
  remoteSession: ['remoteSession'],
  touchScreen: ['touchScreen'],
  displayScaling: ['displayScaling'],
  waylandSession: ['sessionType'],
  screenRecording: ['screenRecording'],
  displayMode: ['windowDisplays'],
};

export function osStatesAsked(req: OsStateRequirements | undefined): OsStateId[] {
  if (!req) return [];
  const out = new Set<OsStateId>();
  for (const [key, ids] of Object.entries(PROBES)) if (req[key as keyof typeof PROBES]) ids.forEach((id) => out.add(id));
  return [...out];
}
