// `check --log FILE`: the same redacted, rotating log the app keeps, for an admin's scripted runs.
// The names to remove come from the facts just collected (the user and host the check ran as).
import type { Facts } from '../../shared/facts';
import { createFileLogger } from './logger';
import { logScan } from './scan-log';

export async function logCliScan(file: string, profileId: string, facts: Facts, totalMs: number): Promise<void> {
  const log = await createFileLogger(file, { username: facts.device.username, hostname: facts.device.hostname, serial: facts.device.serial });
  logScan(log, profileId, facts, totalMs);
  log.log('info', 'headless-check', { argv: 'check', profile: profileId });
}
