// The network measurement an exam profile asks for, as data (requirements.network.measure), and the
// plan a run follows: which hosts are contacted, how long, how many bytes. Thresholds are advisory
// by default (`required: false`): the exams' own FAQs state no speeds; proctoring vendors do, and a
// profile cites the vendor as the source.
import { z } from 'zod';
import { SourceRefSchema } from '../check';

/** https only: the measurement never speaks plain http (nor ftp, file, …). */
const HttpsUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => u.startsWith('https://'), 'an https:// address');
/** "stun.cloudflare.com:3478" or "[2001:db8::1]:3478" */
export const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/;
const HostPort = z.string().max(300).regex(HOST_PORT, 'host:port, e.g. stun.cloudflare.com:3478');

const advisory = { required: z.boolean().default(false), source: SourceRefSchema.optional() };
const threshold = z.object({ value: z.number().positive(), ...advisory }).strict();

export const ThroughputEndpointSchema = z
  .object({
    /** GET; "{bytes}" is replaced by the number of bytes asked for */
    downloadUrl: HttpsUrl.refine((u) => u.includes('{bytes}'), 'must contain {bytes} (the number of bytes to send)'),
    /** POST; the body is discarded by the server */
    uploadUrl: HttpsUrl,
  })
  .strict();
export type ThroughputEndpoint = z.infer<typeof ThroughputEndpointSchema>;

export const NetworkMeasureSchema = z
  .object({
    minDownloadMbps: threshold.optional(),
    minUploadMbps: threshold.optional(),
    maxLatencyMs: threshold.optional(),
    maxJitterMs: threshold.optional(),
    maxLossPercent: threshold.optional(),
    /** the computer's clock against the servers' Date header */
    maxClockSkewSeconds: threshold.optional(),
    /** the exam's own services (course platform, proctoring service): DNS, TLS and HTTP status of each */
    services: z
      .object({ urls: z.array(HttpsUrl).min(1).max(5), ...advisory })
      .strict()
      .optional(),
    /** a STUN server (RFC 5389) answering binding requests: does UDP, which WebRTC video rides on, get out? */
    udp: z
      .object({ stunServer: HostPort, ...advisory })
      .strict()
      .optional(),
    /** where throughput and latency are measured (a policy may replace it) */
    throughput: ThroughputEndpointSchema.optional(),
  })
  .strict();
export type NetworkMeasure = z.infer<typeof NetworkMeasureSchema>;

/** What an admin's policy may change (policy.json "networkTest"). */
export const NetworkPolicySchema = z
  .object({
    /** true: the headless `check` measures the network without --network */
    headless: z.boolean().optional().describe('true: the headless check measures the network without --network.'),
    throughput: ThroughputEndpointSchema.optional().describe('Replaces the throughput endpoint of every profile.'),
    stunServer: HostPort.optional().describe('Replaces the STUN server of every profile (host:port).'),
    /** lets the measurement reach private, loopback and link-local addresses (a lab's own servers; tests) */
    allowPrivateNetworkTargets: z.boolean().optional().describe('true lets the measurement reach private, loopback and link-local addresses.'),
    /** one more PEM file of trusted CAs (a TLS-inspecting proxy, an internal speed server); relative to the policy file */
    caFile: z
      .string()
      .min(1)
      .max(4096)
      .optional()
      .describe('A PEM file of extra trusted certificate authorities (a TLS-inspecting proxy, an internal speed server); relative to this file.'),
  })
  .strict();
export type NetworkPolicy = z.infer<typeof NetworkPolicySchema>;

/** Hard limits of one run. */
export const LIMITS = {
  totalMs: 30_000,
  /** per direction */
  directionMs: 10_000,
  /** both directions together */
  maxBytes: 120 * 1024 * 1024,
} as const;

export interface NetworkPlan {
  services: string[];
  throughput: ThroughputEndpoint | null;
  stunServer: string | null;
  /** every host:port contacted, in order, shown before the button */
  hosts: string[];
  directionMs: number;
  maxBytes: number;
  totalMs: number;
}

export interface PlanTuning {
  /** shorter runs for tests (never longer than the limits) */
  directionMs?: number;
  maxBytes?: number;
  totalMs?: number;
}

const hostOf = (u: string) => {
  const x = new URL(u);
  return `${x.hostname}:${x.port || '443'}`;
};

export function planFor(measure: NetworkMeasure | undefined, policy: NetworkPolicy | null, tuning: PlanTuning = {}): NetworkPlan {
  const services = measure?.services?.urls ?? [];
  const throughput = policy?.throughput ?? measure?.throughput ?? null;
  const stunServer = policy?.stunServer ?? measure?.udp?.stunServer ?? null;
  const hosts = [
    ...new Set([
      ...services.map(hostOf),
      ...(throughput ? [hostOf(throughput.downloadUrl.replace('{bytes}', '0')), hostOf(throughput.uploadUrl)] : []),
      ...(stunServer ? [`udp ${stunServer}`] : []),
    ]),
  ];
  const clamp = (v: number | undefined, max: number) => Math.min(max, Math.max(1, v ?? max));
  return {
    services,
    throughput,
    stunServer,
    hosts,
    directionMs: clamp(tuning.directionMs, LIMITS.directionMs),
    maxBytes: clamp(tuning.maxBytes, LIMITS.maxBytes),
    totalMs: clamp(tuning.totalMs, LIMITS.totalMs),
  };
}
