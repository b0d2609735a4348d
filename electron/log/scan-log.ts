// What a support person needs from the log after a scan: which exam, and for each area of facts how
// long its probes took and whether they failed or timed out (with the probe's own error text).
import { FACT_AREAS, type Facts } from '../../shared/facts';
import type { Logger } from './logger';

export function logScan(log: Logger, profileId: string, facts: Facts, totalMs: number): void {
  log.log('info', 'scan', { profile: profileId, ms: Math.round(totalMs), app: facts.appVersion });
  for (const area of FACT_AREAS) {
    const probe = (facts[area] as { probe?: { status: string; durationMs: number; error?: string } } | undefined)?.probe;
    if (!probe) continue;
    log.log(probe.status === 'ok' ? 'info' : 'warn', 'probe', {
      area,
      status: probe.status,
      ms: probe.durationMs,
      ...(probe.error ? { error: probe.error } : {}),
    });
  }
}
