// The install's log: one rotating file (electron-log's file transport: at 1 MB the file becomes
// <name>.old.log and a new one starts, so at most ~2 MB are kept), used by the app's main process
// and by the headless command (`--log FILE`). Every line is redacted like a report — user and host
// names, serials, MAC addresses, home folders — before it reaches the disk, and stripped of control
// characters, so a log can be attached to a report or pasted into a ticket as it is.
import { promises as fs } from 'node:fs';
import { redactText } from '../../shared/report/redact';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger {
  /** the file written to, or null (logging off) */
  readonly file: string | null;
  log(level: LogLevel, event: string, data?: Record<string, unknown>): void;
}

export const nullLogger: Logger = { file: null, log: () => {} };

export const MAX_LOG_BYTES = 1024 * 1024;
// C0 (except tab), DEL, C1 and the bidi controls that can reorder a terminal line

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MAX_VALUE_CHARS = 500;

/** `event key=value …` on one line: values JSON-quoted when they need it, bounded, never multi-line. */
export function formatLine(event: string, data: Record<string, unknown> = {}, secrets: Parameters<typeof redactText>[1] = {}): string {
  const value = (v: unknown) => {
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    const bounded = s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
    return /[\s"=]/.test(bounded) ? JSON.stringify(bounded) : bounded;
  };
  const line = [event, ...Object.entries(data).map(([k, v]) => `${k}=${value(v)}`)].join(' ');
  return redactText(line, secrets).replace(CONTROL, ' ');
}

/**
 * A logger writing to `file` (created with its folder). electron-log is loaded here only, so a
 * headless run without `--log` never pays for it.
 */
export async function createFileLogger(file: string, secrets: Parameters<typeof redactText>[1]): Promise<Logger> {
  const { default: electronLog } = await import('electron-log/node');
  const logger = electronLog.create({ logId: `exam-preflight:${file}` });
  logger.transports.console.level = false;
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  return {
    file,
    log(level, event, data) {
      logger[level](formatLine(event, data, secrets));
    },
  };
}

/** The last lines of the log (current file, after the archived one), at most `maxBytes` read. */
export async function readLogTail(file: string, maxLines = 200, maxBytes = 64 * 1024): Promise<string[]> {
  const tail = async (f: string) => {
    const h = await fs.open(f, 'r').catch(() => null);
    if (!h) return '';
    try {
      const { size } = await h.stat();
      const start = Math.max(0, size - maxBytes);
      const buf = Buffer.alloc(size - start);
      await h.read(buf, 0, buf.length, start);
      const text = buf.toString('utf8');
      return start > 0 ? text.slice(text.indexOf('\n') + 1) : text; // drop the cut first line
    } finally {
      await h.close();
    }
  };
  const old = file.replace(/(\.log)?$/, '.old.log');
  const lines = `${await tail(old)}${await tail(file)}`.split('\n').filter(Boolean);
  return lines.slice(-maxLines);
}
