// The install's log: one rotating file (at 1 MB the file becomes <name>.old.log and a new one
// starts, so at most ~2 MB are kept), used by the app's main process and by the headless command
// (`--log FILE`). Every value is redacted with the report's redactor (shared/report/redact.ts) —
// user, host and full names, serials, MAC addresses, home folders, proxy credentials — BEFORE it
// is cut to length or quoted (a cut MAC or a name after an escaped "\n" would slip through
// otherwise), and the line is stripped of control characters, so a log can be attached to a
// report or pasted into a ticket as it is. The file is opened by electron/storage/append-file.ts:
// never through a link, never a device or a FIFO, never waiting forever.
import { promises as fs, constants } from 'node:fs';
import { redactText, type Secrets } from '../../shared/report/redact';
import { appendToFile, archiveOf, type AppendDeps } from '../storage/append-file';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogSecrets = Partial<Secrets>;
export interface Logger {
  /** the file written to, or null (logging off, or a standard stream) */
  readonly file: string | null;
  log(level: LogLevel, event: string, data?: Record<string, unknown>): void;
  /** resolves once every line logged so far is written; rejects with the first failure since the last flush */
  flush(): Promise<void>;
}

export const nullLogger: Logger = { file: null, log: () => {}, flush: async () => {} };

export const MAX_LOG_BYTES = 1024 * 1024;
// C0 (except tab), DEL, C1 and the bidi controls that can reorder a terminal line

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MAX_VALUE_CHARS = 500;

/** A value with every string in it redacted (objects and arrays walked), before it is turned into text. */
function redactValue(v: unknown, secrets: LogSecrets): unknown {
  if (typeof v === 'string') return redactText(v, secrets);
  if (Array.isArray(v)) return v.map((x) => redactValue(x, secrets));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x, secrets)]));
  return v;
}

/** `event key=value …` on one line: values redacted, then bounded, then JSON-quoted when they need it; never multi-line. */
export function formatLine(event: string, data: Record<string, unknown> = {}, secrets: LogSecrets = {}): string {
  const value = (raw: unknown) => {
    const v = redactValue(raw, secrets);
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    const bounded = s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
    return /[\s"=]/.test(bounded) ? JSON.stringify(bounded) : bounded;
  };
  const line = [event, ...Object.entries(data).map(([k, v]) => `${k}=${value(v)}`)].join(' ');
  // the whole line once more: a name split across a key and its value, or in the event name
  return redactText(line, secrets).replace(CONTROL, ' ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** "[2026-11-20 10:00:00.000+01:00] [info]  text" (local time with its offset) */
export function stampLine(level: LogLevel, text: string, at: Date): string {
  const off = -at.getTimezoneOffset();
  const z = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  const when = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}${z}`;
  return `[${when}] [${level}]${' '.repeat(6 - level.length)}${text}\n`;
}

/**
 * Lines queued in order and written by `write` one batch at a time; failures are kept for flush()
 * (the app's own log ignores them: a log that cannot be written must not stop the app).
 */
function queuedLogger(file: string | null, secrets: LogSecrets, write: (text: string) => Promise<void>, now: () => Date): Logger {
  let pending: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const drain = async () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    try {
      await write(text);
    } catch (err) {
      failure ??= err;
    }
  };
  return {
    file,
    log(level, event, data) {
      pending.push(stampLine(level, formatLine(event, data, secrets), now()));
      chain = chain.then(drain);
    },
    async flush() {
      await chain;
      const err = failure;
      failure = null;
      if (err) throw err;
    },
  };
}

/** A logger appending to `file` (created with its folder; see electron/storage/append-file.ts). */
export async function createFileLogger(file: string, secrets: LogSecrets, opts: { now?: () => Date; deps?: Partial<AppendDeps> } = {}): Promise<Logger> {
  return queuedLogger(file, secrets, (text) => appendToFile(file, text, MAX_LOG_BYTES, opts.deps), opts.now ?? (() => new Date()));
}

/** A logger writing to one of the command's own streams (`--log /dev/stderr`). */
export function createStreamLogger(stream: { write(s: string): unknown }, secrets: LogSecrets, now: () => Date = () => new Date()): Logger {
  return queuedLogger(null, secrets, async (text) => void stream.write(text), now);
}

/** The last lines of the log (current file, after the archived one), at most `maxBytes` read. */
export async function readLogTail(file: string, maxLines = 200, maxBytes = 64 * 1024): Promise<string[]> {
  const tail = async (f: string) => {
    // the same guard as writing: no link followed, no FIFO waited on, only a regular file read
    const h = await fs.open(f, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch(() => null);
    if (!h) return '';
    try {
      const st = await h.stat();
      if (!st.isFile()) return '';
      const { size } = st;
      const start = Math.max(0, size - maxBytes);
      const buf = Buffer.alloc(size - start);
      await h.read(buf, 0, buf.length, start);
      const text = buf.toString('utf8');
      return start > 0 ? text.slice(text.indexOf('\n') + 1) : text; // drop the cut first line
    } finally {
      await h.close();
    }
  };
  const old = archiveOf(file);
  const lines = `${await tail(old)}${await tail(file)}`.split('\n').filter(Boolean);
  return lines.slice(-maxLines);
}
