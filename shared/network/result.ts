// One network measurement as kept on disk, shown on screen and carried in reports. The public
// address a STUN server reports back is never kept (it identifies the learner's connection).
import { z } from 'zod';

const str = z.string().max(2000);
const ms = z.number().nonnegative().nullable();

export const ThroughputResultSchema = z.object({
  /** megabits per second; null when nothing could be measured (see error) */
  mbps: z.number().nonnegative().nullable(),
  bytes: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  /** Mbps per quarter second, for the chart */
  samples: z.array(z.number().nonnegative()).max(400),
  error: str.nullable(),
});
export type ThroughputResult = z.infer<typeof ThroughputResultSchema>;

export const ServiceResultSchema = z.object({
  url: str,
  ok: z.boolean(),
  status: z.number().int().nullable(),
  dnsMs: ms,
  tlsMs: ms,
  totalMs: ms,
  /** went through a proxy */
  viaProxy: z.boolean(),
  /** true when the server did not answer in time (unknown, not failed) */
  timedOut: z.boolean(),
  error: str.nullable(),
  /** what the error was, when it has its own wording: no DNS answer, or a proxy asking for a password (407) */
  cause: z.enum(['dns', 'proxy-auth']).optional(),
});
export type ServiceResult = z.infer<typeof ServiceResultSchema>;

export const NetworkRunSchema = z.object({
  id: z.string().max(100),
  profileId: z.string().max(100),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** how the run ended: all phases ran, the learner cancelled, or the 30 s budget ran out */
  outcome: z.enum(['complete', 'cancelled', 'timed-out']),
  /** IANA name, e.g. "America/Bogota" */
  timeZone: str.nullable(),
  proxy: z.object({
    /** proxy settings found (credentials removed) and where */
    found: z.array(z.object({ source: str, value: str })),
    /** the proxy the measurement went through ("http://host:port"), or null for direct */
    used: str.nullable(),
    /** a PAC script address, when one is configured */
    pacUrl: str.nullable(),
    /** the proxy answered 407: it wants a user name and password it was not given (or refused them) */
    authRequired: z.boolean().optional(),
  }),
  services: z.array(ServiceResultSchema),
  latency: z
    .object({ medianMs: ms, jitterMs: ms, lossPercent: z.number().min(0).max(100).nullable(), samples: z.number().int().nonnegative(), error: str.nullable() })
    .nullable(),
  download: ThroughputResultSchema.nullable(),
  upload: ThroughputResultSchema.nullable(),
  udp: z.object({ server: str, answered: z.boolean(), rttMs: ms, error: str.nullable() }).nullable(),
  clock: z.object({ skewSeconds: z.number().nullable(), against: str.nullable() }),
  bytesTransferred: z.number().int().nonnegative(),
});
export type NetworkRun = z.infer<typeof NetworkRunSchema>;

export type NetworkPhase = 'services' | 'udp' | 'latency' | 'download' | 'upload' | 'done';

/** Streamed while a run goes on. */
export interface NetworkProgress {
  runId: string;
  phase: NetworkPhase;
  /** a throughput sample (Mbps over the last quarter second) */
  sample?: { direction: 'download' | 'upload'; mbps: number; atMs: number };
}
