// The only way inspectors run programs: execFile with a fixed program and argument list (never a
// shell, so no metacharacter in any name can do anything), a timeout that kills the child, and a
// cap on output. A missing program is "not installed", not an error.
import { execFile } from 'node:child_process';

export interface ExecResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** 'not-found' (ENOENT), 'timeout', 'exit' (non-zero status), 'error' */
  failure?: 'not-found' | 'timeout' | 'exit' | 'error';
  detail?: string;
  /** stdout's raw bytes, when asked for ({ bytes: true }): reg.exe writes in the console's code page, not UTF-8 */
  stdoutBytes?: Uint8Array;
}

/** `cwd`: where the program starts (default: this process's folder). Interpreters that put their
 * working folder on their import path (Python) are started from a neutral one. */
export type Exec = (
  program: string,
  args: readonly string[],
  opts?: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string; bytes?: boolean },
) => Promise<ExecResult>;

export const DEFAULT_PROBE_TIMEOUT_MS = 2500;

export const execProbe: Exec = (program, args, opts = {}) =>
  new Promise((resolve) => {
    const timeout = opts.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    execFile(
      program,
      [...args],
      { timeout, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true, shell: false, encoding: 'buffer', env: opts.env, cwd: opts.cwd },
      (err, out, errOut) => {
        // the streams are read as bytes (reg.exe's are not UTF-8) and decoded here for everyone else
        const stdout = out ? out.toString('utf8') : '';
        const stderr = errOut ? errOut.toString('utf8') : '';
        const bytes = opts.bytes && out ? { stdoutBytes: new Uint8Array(out) } : {};
        if (!err) return resolve({ ok: true, stdout, stderr, ...bytes });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: string | number };
        if (e.code === 'ENOENT') return resolve({ ok: false, stdout: '', stderr: '', failure: 'not-found', detail: `${program} not found` });
        if (e.killed || e.signal === 'SIGKILL')
          return resolve({ ok: false, stdout, stderr, failure: 'timeout', detail: `${program} did not answer within ${timeout} ms` });
        if (typeof e.code === 'number')
          return resolve({ ok: false, stdout, stderr, ...bytes, failure: 'exit', detail: `${program} exited with status ${e.code}` });
        resolve({ ok: false, stdout, stderr, failure: 'error', detail: `${program}: ${e.message}` });
      },
    );
  });

/** Runs `work` with a deadline; on expiry resolves to `onTimeout()` (the work is abandoned, not awaited). */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout;
  const expiry = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work.finally(() => clearTimeout(timer)), expiry]);
}
