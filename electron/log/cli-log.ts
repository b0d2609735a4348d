// `check --log FILE`: the same redacted, rotating log the app keeps, for an admin's scripted runs.
// The names to remove come from the facts just collected (the user and host the check ran as),
// the home folder's name (on Windows often the person's full name: C:\Users\Maria Silva) and the
// proxy credentials in the environment (the facts keep none, but a probe's error may quote them).
// /dev/stderr and /dev/stdout mean the command's own streams; any other path must be a regular
// file (electron/storage/append-file.ts). A log that cannot be written is a LogFileError.
import path from 'node:path';
import type { Facts } from '../../shared/facts';
import { proxyUserinfo } from '../../shared/report/redact';
import { standardStream } from '../storage/append-file';
import { createFileLogger, createStreamLogger, type LogSecrets } from './logger';
import { logScan } from './scan-log';

export interface CliLogIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  now?: () => Date;
}

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'FTP_PROXY', 'NO_PROXY'];

/** What a headless run's log must not contain. */
export function cliLogSecrets(facts: Facts, env: NodeJS.ProcessEnv): LogSecrets {
  const home = env.USERPROFILE ?? env.HOME;
  const homeName = home ? (home.includes('\\') ? path.win32 : path.posix).basename(home) : '';
  const proxy = Object.entries(env)
    .filter(([k, v]) => v && PROXY_VARIABLES.includes(k.toUpperCase()))
    .map(([, v]) => ({ value: v! }));
  return {
    username: facts.device.username,
    hostname: facts.device.hostname,
    serial: facts.device.serial,
    // "root" as a home folder's name is the system's word, not a person's
    names: [homeName, env.USERNAME ?? '', env.USER ?? '', env.LOGNAME ?? ''].filter((n) => n && n !== 'root'),
    credentials: proxyUserinfo([...proxy, ...facts.network.proxy]),
  };
}

export async function logCliScan(arg: string, io: CliLogIo, profileId: string, facts: Facts, totalMs: number): Promise<void> {
  const secrets = cliLogSecrets(facts, io.env);
  const stream = standardStream(arg);
  const log = stream ? createStreamLogger(io[stream], secrets, io.now) : await createFileLogger(path.resolve(io.cwd, arg), secrets, { now: io.now });
  logScan(log, profileId, facts, totalMs);
  log.log('info', 'headless-check', { argv: 'check', profile: profileId });
  await log.flush();
}
