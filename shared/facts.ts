// Facts: plain serialisable data about one machine, collected by electron/inspect and evaluated by
// shared/rules. Reports carry them, so support staff can re-evaluate a learner's facts against
// another profile, and tests can feed facts of machines we do not have (XP, a Surface, a VM).
// Every area carries a `probe` block: a collector that failed or timed out says so, and the rules
// turn that into `unknown` (never `pass`).
import { z } from 'zod';
import { MediaAccessSchema } from './devices/media-access';
import { DeviceMeasurementsSchema } from './devices/measurements';
import { OLD_FACTS_REASON, OS_STATE_FIELDS, type OsStateId } from './os-state-facts';

/** 2 added `osState`, 3 `devices`; formats 1 and 2 are still read (see FactsSchema below). */
export const FACTS_SCHEMA_VERSION = 3;

export const ProbeSchema = z.object({
  status: z.enum(['ok', 'partial', 'error', 'timeout', 'unsupported']),
  /** short reason when status is not ok, e.g. "timed out after 1500 ms", "ENOENT: reg.exe" */
  error: z.string().optional(),
  durationMs: z.number().nonnegative(),
});
export type Probe = z.infer<typeof ProbeSchema>;

const str = z.string();
// A facts file comes from outside: sizes and counts are bounded so "-1 GB free" or 10^30 bytes of
// memory are refused with the field's path instead of being judged.
const bytes = z
  .number()
  .nonnegative()
  .max(2 ** 60); // an exabyte
const count = z.number().int().nonnegative().max(1_000_000);
const pixels = z.number().int().nonnegative().max(1_000_000);
const rate = z.number().nonnegative().max(100_000);

export const PlatformSchema = z.enum(['windows', 'macos', 'linux', 'chromeos', 'android', 'ios', 'ipados', 'other']);
export type Platform = z.infer<typeof PlatformSchema>;

export const OsFactsSchema = z.object({
  probe: ProbeSchema,
  platform: PlatformSchema,
  /** marketing name, e.g. "Windows 11 Pro", "macOS Sonoma", "Debian GNU/Linux 12 (bookworm)" */
  name: str.nullable(),
  distro: str.nullable(),
  /** version string as the OS reports it, e.g. "10.0.22631", "14.5", "12" */
  version: str.nullable(),
  build: str.nullable(),
  arch: str.nullable(),
  kernel: str.nullable(),
  /** true for phone/tablet operating systems (Android, iOS, iPadOS) */
  mobile: z.boolean(),
});

export const FormFactorSchema = z.enum(['desktop', 'laptop', 'tablet', 'phone', 'convertible', 'server', 'virtual', 'unknown']);
export type FormFactor = z.infer<typeof FormFactorSchema>;

export const DeviceFactsSchema = z.object({
  probe: ProbeSchema,
  manufacturer: str.nullable(),
  model: str.nullable(),
  /** SMBIOS chassis type text when known, e.g. "Notebook", "Tablet", "Detachable" */
  chassis: str.nullable(),
  formFactor: FormFactorSchema,
  serial: str.nullable(),
  cpu: z.object({
    manufacturer: str.nullable(),
    brand: str.nullable(),
    cores: count.nullable(),
    physicalCores: count.nullable(),
    speedGHz: rate.nullable(),
  }),
  memory: z.object({ totalBytes: bytes.nullable(), availableBytes: bytes.nullable() }),
  disk: z.object({ path: str.nullable(), freeBytes: bytes.nullable(), totalBytes: bytes.nullable() }),
  /** the volume the OS runs from (C:\\ on Windows, / elsewhere); absent in facts from before it was collected */
  systemDrive: z.object({ path: str.nullable(), freeBytes: bytes.nullable(), totalBytes: bytes.nullable() }).optional(),
  battery: z.object({ present: z.boolean().nullable(), onAC: z.boolean().nullable(), percent: z.number().min(0).max(100).nullable() }),
  hostname: str.nullable(),
  username: str.nullable(),
  /** OS camera/microphone switches and permissions (absent in facts from before it was collected) */
  mediaAccess: MediaAccessSchema.optional(),
});

export const DisplayFactsSchema = z.object({
  probe: ProbeSchema,
  displays: z.array(
    z.object({
      model: str.nullable(),
      width: pixels.nullable(),
      height: pixels.nullable(),
      /** built-in panel (laptop screen) vs external monitor; null when the OS does not say */
      internal: z.boolean().nullable(),
      main: z.boolean().nullable(),
      refreshHz: rate.nullable(),
    }),
  ),
});

export const VmSignalSchema = z.object({
  kind: z.enum(['cpu-hypervisor-flag', 'dmi', 'mac-prefix', 'container', 'systemd-detect-virt', 'process', 'other']),
  /** e.g. "DMI vendor 'innotek GmbH'", "MAC 08:00:27 (VirtualBox)" */
  detail: str,
  /** how much this signal alone says: strong signals decide, weak ones only add up */
  strength: z.enum(['strong', 'weak']),
  /**
   * The detail as a message in the learner's language (evidence:vm.*, params are data). Optional:
   * facts written before it have only `detail`, which stays the English fallback.
   */
  message: z.object({ key: z.string().max(100), params: z.record(z.string(), z.union([z.string().max(500), z.number()])).optional() }).optional(),
});
export type VmSignal = z.infer<typeof VmSignalSchema>;

export const VirtualizationFactsSchema = z.object({
  probe: ProbeSchema,
  /** null when it could not be determined */
  isVirtual: z.boolean().nullable(),
  confidence: z.enum(['none', 'low', 'medium', 'high']),
  /** the hypervisor or container runtime when named, e.g. "VirtualBox", "KVM", "docker" */
  kind: str.nullable(),
  container: z.boolean(),
  signals: z.array(VmSignalSchema),
});

export const ProcessFactsSchema = z.object({
  probe: ProbeSchema,
  /** unique executable names of running programs (lower-cased, no arguments, no paths) */
  names: z.array(str),
});

export const BrowserIdSchema = z.enum(['chrome', 'firefox', 'safari', 'edge', 'chromium', 'brave', 'opera', 'vivaldi', 'other']);
export type BrowserId = z.infer<typeof BrowserIdSchema>;

export const BrowserFactsSchema = z.object({
  probe: ProbeSchema,
  browsers: z.array(
    z.object({
      id: BrowserIdSchema,
      name: str,
      version: str.nullable(),
      /** why `version` is null: the program did not answer ("timed out twice …"), or said no version */
      versionError: str.optional(),
      path: str.nullable(),
      /** how it was found: "registry", "app-bundle", "path", "desktop-entry", "known-path" */
      via: str,
    }),
  ),
});

export const PythonFactsSchema = z.object({
  path: str,
  version: str.nullable(),
  /** "path", "pyenv", "conda", "py-launcher", "known-path" */
  via: str,
  /** packages the profile asked about: name -> found (and version when it reports one) */
  packages: z.record(str, z.object({ found: z.boolean(), version: str.nullable() })),
  error: str.optional(),
  /** the interpreter the plain command (`python3`; Windows `python`) starts (absent in older facts) */
  default: z.boolean().optional(),
});

export const SoftwareFactsSchema = z.object({
  probe: ProbeSchema,
  python: z.array(PythonFactsSchema),
  /** what the plain command starts, found as the shell and pyenv would (absent in older facts) */
  pythonDefault: z.object({ command: str, path: str.nullable() }).optional(),
  r: z.array(z.object({ path: str, version: str.nullable(), via: str, error: str.optional() })),
  /** package names that were asked for (so a re-evaluation knows what was looked for) */
  pythonPackagesAsked: z.array(str),
  /**
   * Which programs were looked for: a scan probes only what its exam asks for (no Rscript run for an
   * exam without R). Absent in facts collected before this field existed, when both always were.
   */
  looked: z.object({ python: z.boolean(), r: z.boolean() }).optional(),
});

export const NetworkFactsSchema = z.object({
  probe: ProbeSchema,
  interfaces: z.array(
    z.object({
      name: str,
      up: z.boolean(),
      internal: z.boolean(),
      type: str.nullable(),
      mac: str.nullable(),
      ip4: str.nullable(),
      /** looks like a VPN tunnel (tun/tap/wg/utun/ppp or a VPN vendor's adapter name) */
      vpnLike: z.boolean(),
      virtual: z.boolean().nullable(),
    }),
  ),
  defaultInterface: str.nullable(),
  defaultGateway: str.nullable(),
  /** proxy settings found in the environment or OS, with credentials stripped */
  proxy: z.array(z.object({ source: str, value: str })),
  /** only endpoints a profile lists are ever contacted */
  endpoints: z.array(z.object({ url: str, ok: z.boolean(), latencyMs: rate.nullable(), error: str.nullable() })),
});

export * from './os-state-facts';

export const OsStateFactsSchema = z.object({ probe: ProbeSchema, ...OS_STATE_FIELDS });
export type OsStateFacts = z.infer<typeof OsStateFactsSchema>;
/** The osState area of facts that never looked at the OS settings (old files). */
export const osStateNotCollected = (reason: string): OsStateFacts => ({ probe: { status: 'error', error: reason, durationMs: 0 } });

/**
 * The camera, face, microphone and speakers as the app's window measured them
 * (shared/devices/measurements.ts). The inspectors never measure them: the CLI's facts have none,
 * and a device absent here was not measured, which gives no result at all (not a failure).
 */
export const DevicesFactsSchema = z.object({ probe: ProbeSchema, ...DeviceMeasurementsSchema.shape });
export type DevicesFacts = z.infer<typeof DevicesFactsSchema>;
/** The devices area before anything was measured (the CLI, a scan, facts from before format 3). */
export const devicesNotMeasured = (): DevicesFacts => ({ probe: { status: 'ok', durationMs: 0 } });

const CurrentFactsSchema = z.object({
  schemaVersion: z.literal(FACTS_SCHEMA_VERSION),
  collectedAt: z.string(),
  appVersion: z.string(),
  os: OsFactsSchema,
  device: DeviceFactsSchema,
  displays: DisplayFactsSchema,
  virtualization: VirtualizationFactsSchema,
  processes: ProcessFactsSchema,
  browsers: BrowserFactsSchema,
  software: SoftwareFactsSchema,
  network: NetworkFactsSchema,
  osState: OsStateFactsSchema,
  devices: DevicesFactsSchema,
});

/** Facts format 2 (before `devices`): read, and upgraded with no device measured. */
const FactsV2Schema = CurrentFactsSchema.omit({ devices: true }).extend({ schemaVersion: z.literal(2) });
/** Facts format 1 (before `osState`): read, and upgraded with that area marked not collected. */
const FactsV1Schema = FactsV2Schema.omit({ osState: true }).extend({ schemaVersion: z.literal(1) });

const CURRENT = FACTS_SCHEMA_VERSION as typeof FACTS_SCHEMA_VERSION;
export const FactsSchema = z.discriminatedUnion('schemaVersion', [
  CurrentFactsSchema,
  FactsV2Schema.transform((v2) => ({ ...v2, schemaVersion: CURRENT, devices: devicesNotMeasured() })),
  FactsV1Schema.transform((v1) => ({
    ...v1,
    schemaVersion: CURRENT,
    osState: osStateNotCollected(OLD_FACTS_REASON),
    devices: devicesNotMeasured(),
  })),
]);
export type Facts = z.infer<typeof FactsSchema>;
export type FactArea = Exclude<keyof Facts, 'schemaVersion' | 'collectedAt' | 'appVersion'>;
export const FACT_AREAS: readonly FactArea[] = [
  'os',
  'device',
  'displays',
  'virtualization',
  'processes',
  'browsers',
  'software',
  'network',
  'osState',
  'devices',
];

export type OsFacts = z.infer<typeof OsFactsSchema>;
export type DeviceFacts = z.infer<typeof DeviceFactsSchema>;
export type DisplayFacts = z.infer<typeof DisplayFactsSchema>;
export type VirtualizationFacts = z.infer<typeof VirtualizationFactsSchema>;
export type ProcessFacts = z.infer<typeof ProcessFactsSchema>;
export type BrowserFacts = z.infer<typeof BrowserFactsSchema>;
export type SoftwareFacts = z.infer<typeof SoftwareFactsSchema>;
export type NetworkFacts = z.infer<typeof NetworkFactsSchema>;

/** What the inspectors need to know from a profile (never anything that reaches a command line unchecked). */
export interface InspectRequest {
  pythonPackages: string[];
  /** https URLs to time; empty means the network is never contacted */
  endpoints: string[];
  /** network checks may be turned off by policy */
  networkChecks: boolean;
  /** which programs to look for (absent: both, as before the pipeline asked only for what a profile needs) */
  software?: { python: boolean; r: boolean };
  /** operating-system states the profile asks about (only these are probed); absent means none */
  osStates?: OsStateId[];
}
