// System requirements of an exam, as data. Every section is optional: an exam that says nothing
// about displays gets no display check. Every rule says whether it is required (a failure makes
// the machine "not ready") or advisory (a failure is a warning), and where the rule comes from.
import { z } from 'zod';
import { SourceRefSchema } from '../check';
import { BrowserIdSchema, FormFactorSchema, PlatformSchema } from '../facts';
import { NetworkMeasureSchema } from '../network/config';
import { AppCategorySchema, allNames, findApp } from '../catalogs';
import { patternProblem } from './pattern';
import { OsStateRequirementsSchema } from './os-state-requirements';

/** "10", "10.0.22000", "3.9" — compared numerically part by part */
const VersionSchema = z.string().regex(/^\d+(\.\d+)*$/, 'a version such as "10" or "3.9.2"');
/** patterns from admins' files: capped, run on RE2 (linear time, ./pattern.ts) against facts cut to 256 characters */
const Regex = z
  .string()
  .min(1)
  .max(200)
  .superRefine((s, ctx) => {
    const why = patternProblem(s);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

const rule = {
  required: z.boolean().default(true),
  source: SourceRefSchema.optional(),
  /** the author's reading of the source, for other authors (`profile explain` shows it) */
  note: z.string().max(1000).optional(),
};
/** A rule with nothing to set but whether it blocks and where it comes from (e.g. "flag virtual cameras"). */
const flagRule = () => z.object({ ...rule }).strict();

/**
 * A prohibited program: its id in the apps catalog (shared/catalogs/apps.json), which supplies the
 * label, category and executable names, or a program of the profile's own with all three. After
 * parsing every entry is complete (the catalog's names for every OS), so rules never look it up.
 */
const ProhibitedEntrySchema = z
  .union([
    z.string().min(1),
    z
      .object({
        id: z.string().min(1),
        label: z.string().optional(),
        category: AppCategorySchema.optional(),
        /**
         * executable names as each OS lists them, lower-case: Windows "teamviewer.exe", macOS
         * "teamviewer" (the app's process name), Linux "teamviewerd" (names longer than 15
         * characters also match Linux's cut-off form)
         */
        names: z.array(z.string().min(1)).min(1).optional(),
        /** overrides the list's `required` for this program (e.g. messaging apps only warn) */
        required: z.boolean().optional(),
        /**
         * where this program in particular is named, when that is not the list's source (the edX
         * learner guide names Excel, Word, PowerPoint and Skype): a failure it decides cites it
         */
        source: SourceRefSchema.optional(),
      })
      .strict(),
  ])
  .transform((e, ctx) => {
    const entry = typeof e === 'string' ? { id: e } : e;
    const app = findApp(entry.id);
    const label = entry.label ?? app?.label;
    const category = entry.category ?? app?.category;
    const names = entry.names ?? (app ? allNames(app) : undefined);
    if (!label || !category || !names) {
      ctx.addIssue({ code: 'custom', message: `"${entry.id}" is not in the apps catalog: give its label, category and names, or use a catalog id` });
      return z.NEVER;
    }
    return {
      id: entry.id,
      label,
      category,
      names: names.map((n) => n.toLowerCase()),
      ...(entry.required !== undefined ? { required: entry.required } : {}),
      ...(typeof e !== 'string' && e.source ? { source: e.source } : {}),
    };
  });

/** "current": a fixed minimum where an exam names one, or the current major and the N before it, from the release calendar */
const AcceptedBrowserSchema = z.union([
  z.object({ id: BrowserIdSchema, minVersion: VersionSchema }).strict(),
  z.object({ id: BrowserIdSchema, majorsBehind: z.number().int().min(0).max(60) }).strict(),
]);

export const RequirementsSchema = z
  .object({
    os: z
      .object({
        blockedPlatforms: z.object({ platforms: z.array(PlatformSchema).min(1), ...rule }).optional(),
        /**
         * the exam needs desktop software installed on the computer (a proctoring app, R, Python):
         * ChromeOS and phone/tablet systems cannot install it
         */
        desktopSoftware: flagRule().optional(),
        /**
         * platforms some proctoring software does not support while other proctoring software
         * does (Linux: ProctorU refuses it, Proctorio lists Ubuntu): advisory, and the warning
         * names who refuses it (the source's publisher)
         */
        vendorUnsupported: z.object({ platforms: z.array(PlatformSchema).min(1), ...rule }).optional(),
        /** specific versions that do not work, e.g. Windows XP: platform windows, version matching ^5\.1 */
        blockedVersions: z.array(z.object({ platform: PlatformSchema, versionPattern: Regex, label: z.string(), ...rule })).default([]),
        minimumVersions: z.array(z.object({ platform: PlatformSchema, min: VersionSchema, label: z.string(), ...rule })).default([]),
      })
      .strict()
      .optional(),
    device: z
      .object({
        /** e.g. Microsoft Surface laptops: manufacturer "microsoft", model "surface" */
        blockedModels: z.array(z.object({ manufacturer: Regex, model: Regex, label: z.string(), ...rule })).default([]),
        blockedFormFactors: z.object({ formFactors: z.array(FormFactorSchema).min(1), ...rule }).optional(),
      })
      .strict()
      .optional(),
    hardware: z
      .object({
        minMemoryGB: z.object({ value: z.number().positive(), ...rule }).optional(),
        minFreeDiskGB: z.object({ value: z.number().positive(), ...rule }).optional(),
        /** free space on the volume the OS runs from (updates and the proctoring software's install go there) */
        minSystemDriveFreeGB: z.object({ value: z.number().positive(), ...rule }).optional(),
        minCpuCores: z.object({ value: z.number().int().positive(), ...rule }).optional(),
        /** laptops should be plugged in: a flat battery ends the exam */
        onACPower: z.object({ ...rule }).optional(),
      })
      .strict()
      .optional(),
    displays: z
      .object({
        maxCount: z.object({ value: z.number().int().positive(), ...rule }).optional(),
        minResolution: z.object({ width: z.number().int().positive(), height: z.number().int().positive(), ...rule }).optional(),
      })
      .strict()
      .optional(),
    virtualization: z
      .object({ allowed: z.boolean(), ...rule })
      .strict()
      .optional(),
    processes: z
      .object({
        prohibited: z.array(ProhibitedEntrySchema).min(1),
        ...rule,
      })
      .strict()
      .optional(),
    browsers: z
      .object({
        accepted: z.array(AcceptedBrowserSchema).min(1),
        recommended: BrowserIdSchema.optional(),
        /**
         * The date fixed minimum versions were last judged (a fixed "current" ages; `majorsBehind`
         * follows the release calendar in shared/catalogs/browsers.json instead and needs no date).
         */
        reviewed: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        ...rule,
      })
      .strict()
      .optional(),
    software: z
      .object({
        python: z
          .object({
            minVersion: VersionSchema.optional(),
            packages: z
              .array(z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'an importable module name'), label: z.string().optional(), ...rule }))
              .default([]),
            ...rule,
          })
          .strict()
          .optional(),
        r: z
          .object({ minVersion: VersionSchema.optional(), ...rule })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    network: z
      .object({
        /** the machine must be online (an interface up with a default route) */
        online: z.object({ ...rule }).optional(),
        /** VPNs and proxies often break proctoring connections: advisory */
        vpnOrProxy: z.object({ ...rule }).optional(),
        /** https endpoints to time; never any by default */
        endpoints: z.array(z.string().url().startsWith('https://')).max(5).default([]),
        maxLatencyMs: z.number().positive().default(1000),
        /** the measurement the learner starts on the Network screen (shared/network/config.ts) */
        measure: NetworkMeasureSchema.optional(),
      })
      .strict()
      .optional(),
    camera: z
      .object({
        minWidth: z.number().int().positive().default(640),
        minHeight: z.number().int().positive().default(480),
        minFps: z.number().positive().default(15),
        ...rule,
        /** exactly one face in view, checked live in the window; nobody or two people fail when required */
        face: flagRule().optional(),
        /** software cameras (shared/devices/virtual-devices.json) flagged; absent = not checked */
        virtualDevices: flagRule().optional(),
      })
      .strict()
      .optional(),
    microphone: z
      .object({
        ...rule,
        virtualDevices: flagRule().optional(),
        /** a headset or headphones by the microphone's label (many proctors forbid them) */
        headset: flagRule().optional(),
      })
      .strict()
      .optional(),
    /** a tone the learner confirms hearing (the proctor may speak to them) */
    speakers: flagRule().optional(),
    osState: OsStateRequirementsSchema.optional(),
  })
  .strict();
export type Requirements = z.infer<typeof RequirementsSchema>;
