// System requirements of an exam, as data. Every section is optional: an exam that says nothing
// about displays gets no display check. Every rule says whether it is required (a failure makes
// the machine "not ready") or advisory (a failure is a warning), and where the rule comes from.
import { z } from 'zod';
import { SourceRefSchema } from '../check';
import { BrowserIdSchema, FormFactorSchema, PlatformSchema } from '../facts';
import { OsStateRequirementsSchema } from './os-state-requirements';

/** "10", "10.0.22000", "3.9" — compared numerically part by part */
const VersionSchema = z.string().regex(/^\d+(\.\d+)*$/, 'a version such as "10" or "3.9.2"');
/** patterns from admins' files: capped, and matched only against short facts (rules cut them to 256 characters) */
const Regex = z.string().min(1).max(200).refine((s) => { try { new RegExp(s, 'i'); return true; } catch { return false; } }, 'not a valid regular expression');

const rule = {
  required: z.boolean().default(true),
  source: SourceRefSchema.optional(),
};

export const RequirementsSchema = z
  .object({
    os: z.object({
      blockedPlatforms: z.object({ platforms: z.array(PlatformSchema).min(1), ...rule }).optional(),
      /** specific versions that do not work, e.g. Windows XP: platform windows, version matching ^5\.1 */
      blockedVersions: z.array(z.object({ platform: PlatformSchema, versionPattern: Regex, label: z.string(), ...rule })).default([]),
      minimumVersions: z.array(z.object({ platform: PlatformSchema, min: VersionSchema, label: z.string(), ...rule })).default([]),
    }).strict().optional(),
    device: z.object({
      /** e.g. Microsoft Surface laptops: manufacturer "microsoft", model "surface" */
      blockedModels: z.array(z.object({ manufacturer: Regex, model: Regex, label: z.string(), ...rule })).default([]),
      blockedFormFactors: z.object({ formFactors: z.array(FormFactorSchema).min(1), ...rule }).optional(),
    }).strict().optional(),
    hardware: z.object({
      minMemoryGB: z.object({ value: z.number().positive(), ...rule }).optional(),
      minFreeDiskGB: z.object({ value: z.number().positive(), ...rule }).optional(),
      minCpuCores: z.object({ value: z.number().int().positive(), ...rule }).optional(),
      /** laptops should be plugged in: a flat battery ends the exam */
      onACPower: z.object({ ...rule }).optional(),
    }).strict().optional(),
    displays: z.object({
      maxCount: z.object({ value: z.number().int().positive(), ...rule }).optional(),
      minResolution: z.object({ width: z.number().int().positive(), height: z.number().int().positive(), ...rule }).optional(),
    }).strict().optional(),
    virtualization: z.object({ allowed: z.boolean(), ...rule }).strict().optional(),
    processes: z.object({
      prohibited: z.array(z.object({
        id: z.string(),
        label: z.string(),
        category: z.enum(['remote-desktop', 'screen-sharing', 'recording', 'messaging', 'other']),
        /**
         * executable names as each OS lists them, lower-case: Windows "teamviewer.exe", macOS
         * "teamviewer" (the app's process name), Linux "teamviewerd" (names longer than 15
         * characters also match Linux's cut-off form)
         */
        names: z.array(z.string().min(1)).min(1),
        /** overrides the list's `required` for this program (e.g. messaging apps only warn) */
        required: z.boolean().optional(),
      })).min(1),
      ...rule,
    }).strict().optional(),
    browsers: z.object({
      accepted: z.array(z.object({ id: BrowserIdSchema, minVersion: VersionSchema })).min(1),
      recommended: BrowserIdSchema.optional(),
      /**
       * The date the minimum versions were last reviewed: "current" ages, so a profile says when it
       * was judged. Built-in policy (reviewed 2026-11-22): a major release from the last ~15 months
       * counts as current — Chrome and Edge 140 (Sept 2025), Firefox 140 (the ESR of June 2025,
       * supported into 2026), Safari 18 (the newest Safari on macOS 13, still patched by Apple).
       */
      reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      ...rule,
    }).strict().optional(),
    software: z.object({
      python: z.object({
        minVersion: VersionSchema.optional(),
        packages: z.array(z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'an importable module name'), label: z.string().optional(), ...rule })).default([]),
        ...rule,
      }).strict().optional(),
      r: z.object({ minVersion: VersionSchema.optional(), ...rule }).strict().optional(),
    }).strict().optional(),
    network: z.object({
      /** the machine must be online (an interface up with a default route) */
      online: z.object({ ...rule }).optional(),
      /** VPNs and proxies often break proctoring connections: advisory */
      vpnOrProxy: z.object({ ...rule }).optional(),
      /** https endpoints to time; never any by default */
      endpoints: z.array(z.string().url().startsWith('https://')).max(5).default([]),
      maxLatencyMs: z.number().positive().default(1000),
    }).strict().optional(),
    camera: z.object({ minWidth: z.number().int().positive().default(640), minHeight: z.number().int().positive().default(480), minFps: z.number().positive().default(15), ...rule }).strict().optional(),
    microphone: z.object({ ...rule }).strict().optional(),
    osState: OsStateRequirementsSchema.optional(),
  })
  .strict();
export type Requirements = z.infer<typeof RequirementsSchema>;
