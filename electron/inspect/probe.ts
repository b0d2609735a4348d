// Shared helpers for collectors: the probe block, and the "empty" facts of an area that could not
// be collected (so evaluation sees `unknown`, with the reason, instead of a crash or a fake pass).
import type { Probe } from '../../shared/facts';

export const probeOk = (startedAt: number, partialError?: string): Probe =>
  partialError
    ? { status: 'partial', error: partialError, durationMs: Math.round(performance.now() - startedAt) }
    : { status: 'ok', durationMs: Math.round(performance.now() - startedAt) };

// moved to shared (the pipeline judges devices measured before any scan against empty facts)
export { emptyArea } from '../../shared/facts-empty';

/** Settled value or null: one failing systeminformation call must not sink its whole area. */
export async function settle<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch {
    return null;
  }
}

export const nonEmpty = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t && !/^(default string|to be filled by o\.e\.m\.|system product name|not specified|none|unknown|-)$/i.test(t) ? t : null;
};

/** First dotted version number in a text, e.g. "Chromium 156.0.8078.73 built on Debian" -> "156.0.8078.73" */
export const versionIn = (text: string): string | null => /(\d+(?:\.\d+)+)/.exec(text)?.[1] ?? /\b(\d+)\b/.exec(text)?.[1] ?? null;
