// Shared helpers for collectors: the probe block, and the "empty" facts of an area that could not
// be collected (so evaluation sees `unknown`, with the reason, instead of a crash or a fake pass).
import type { FactArea, Facts, Probe } from '../../shared/facts';

export const probeOk = (startedAt: number, partialError?: string): Probe =>
  partialError
    ? { status: 'partial', error: partialError, durationMs: Math.round(performance.now() - startedAt) }
    : { status: 'ok', durationMs: Math.round(performance.now() - startedAt) };

export function emptyArea<A extends FactArea>(area: A, probe: Probe): Facts[A] {
  const empty: { [K in FactArea]: Omit<Facts[K], 'probe'> } = {
    os: { platform: 'other', name: null, distro: null, version: null, build: null, arch: null, kernel: null, mobile: false },
    device: {
      manufacturer: null,
      model: null,
      chassis: null,
      formFactor: 'unknown',
      serial: null,
      cpu: { manufacturer: null, brand: null, cores: null, physicalCores: null, speedGHz: null },
      memory: { totalBytes: null, availableBytes: null },
      disk: { path: null, freeBytes: null, totalBytes: null },
      battery: { present: null, onAC: null, percent: null },
      hostname: null,
      username: null,
    },
    displays: { displays: [] },
    virtualization: { isVirtual: null, confidence: 'none', kind: null, container: false, signals: [] },
    processes: { names: [] },
    browsers: { browsers: [] },
    software: { python: [], r: [], pythonPackagesAsked: [] },
    network: { interfaces: [], defaultInterface: null, defaultGateway: null, proxy: [], endpoints: [] },
    osState: {},
  };
  return { ...empty[area], probe } as Facts[A];
}

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
