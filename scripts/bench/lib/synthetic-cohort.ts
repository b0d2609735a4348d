// A synthetic cohort for the cohort bench and the DuckDB test: machines drawn from a seeded
// pseudo-random sequence (the same cohort every run), judged by the real pipeline into real reports
// (reportOf), never written by hand. Written to a folder given by the caller (a temp folder).
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Facts } from '../../../shared/facts';
import type { Report } from '../../../shared/report/model';
import { reportOf } from '../../../shared/pipeline';
import { findProfile } from '../../../shared/profile/load';

/** A deterministic pseudo-random sequence (mulberry32), so every run benchmarks the same cohort. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OSES = [
  { platform: 'windows', name: 'Microsoft Windows 11 Pro', version: '10.0.22631' },
  { platform: 'windows', name: 'Microsoft Windows 10 Home', version: '10.0.19045' },
  { platform: 'windows', name: 'Microsoft Windows 7 Professional', version: '6.1.7601' },
  { platform: 'macos', name: 'macOS Sequoia', version: '15.1' },
  { platform: 'macos', name: 'macOS Big Sur', version: '11.7' },
  { platform: 'linux', name: 'Ubuntu 24.04.1 LTS', version: '24.04' },
  { platform: 'ipados', name: 'iPadOS', version: '18.1' },
] as const;
const MAKERS = [
  ['LENOVO', 'ThinkPad T14'],
  ['Dell Inc.', 'Latitude 5440'],
  ['HP', 'EliteBook 840'],
  ['Apple Inc.', 'MacBookPro18,1'],
  ['Microsoft Corporation', 'Surface Laptop 5'],
  ['ASUSTeK COMPUTER INC.', 'VivoBook 15'],
] as const;
const BROWSERS = [
  ['chrome', 'Google Chrome', '142.0.7444.60'],
  ['edge', 'Microsoft Edge', '142.0.3595.53'],
  ['firefox', 'Mozilla Firefox', '145.0'],
  ['safari', 'Safari', '18.1'],
  ['chrome', 'Google Chrome', '109.0.5414.120'],
] as const;

export function facts(r: () => number, i: number): Facts {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const o = pick(OSES);
  const [maker, model] = pick(MAKERS);
  const browsers = [pick(BROWSERS), ...(r() < 0.5 ? [pick(BROWSERS)] : [])].map(([id, name, version]) => ({
    id,
    name,
    version,
    path: null,
    via: 'known-path',
  }));
  const probe = { status: 'ok', durationMs: 10 } as const;
  const gb = 2 ** 30;
  return {
    schemaVersion: 3,
    osState: { probe },
    devices: { probe },
    collectedAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), 9)).toISOString(),
    appVersion: '1.0.0',
    os: {
      probe,
      platform: o.platform,
      name: o.name,
      distro: o.name,
      version: o.version,
      build: null,
      arch: 'x64',
      kernel: o.version,
      mobile: o.platform === 'ipados',
    },
    device: {
      probe,
      manufacturer: maker,
      model,
      chassis: 'Notebook',
      formFactor: o.platform === 'ipados' ? 'tablet' : 'laptop',
      serial: null,
      cpu: { manufacturer: 'Intel', brand: 'Core i5', cores: pick([2, 4, 8, 16]), physicalCores: 4, speedGHz: 2.4 },
      memory: { totalBytes: pick([4, 8, 16, 32]) * gb, availableBytes: 2 * gb },
      disk: { path: 'C:\\', freeBytes: pick([3, 20, 120]) * gb, totalBytes: 512 * gb },
      battery: { present: true, onAC: r() < 0.8, percent: 80 },
      hostname: null,
      username: null,
    },
    displays: {
      probe,
      displays: Array.from({ length: r() < 0.15 ? 2 : 1 }, () => ({
        model: null,
        width: pick([1366, 1920, 2560]),
        height: 1080,
        internal: true,
        main: true,
        refreshHz: 60,
      })),
    },
    virtualization: { probe, isVirtual: r() < 0.03, confidence: 'low', kind: null, container: false, signals: [] },
    processes: {
      probe: r() < 0.02 ? { status: 'timeout', error: 'timed out after 1500 ms', durationMs: 1500 } : probe,
      names: ['explorer.exe', 'chrome.exe', ...(r() < 0.05 ? ['teamviewer.exe'] : [])],
    },
    browsers: { probe, browsers },
    software: {
      probe,
      pythonPackagesAsked: ['numpy', 'torch'],
      python:
        r() < 0.8
          ? [
              {
                path: 'C:\\Python312\\python.exe',
                version: pick(['3.12.7', '3.7.9', '3.11.2']),
                via: 'path',
                packages: { numpy: { found: r() < 0.9, version: '2.1.3' }, torch: { found: r() < 0.6, version: '2.5.1' } },
              },
            ]
          : [],
      r: r() < 0.7 ? [{ path: 'C:\\R\\bin\\Rscript.exe', version: pick(['4.4.2', '3.6.3']), via: 'known-path' }] : [],
    },
    network: {
      probe,
      interfaces: [{ name: 'Wi-Fi', up: true, internal: false, type: 'wireless', mac: null, ip4: '192.168.1.23', vpnLike: r() < 0.05, virtual: false }],
      defaultInterface: 'Wi-Fi',
      defaultGateway: '192.168.1.1',
      proxy: [],
      endpoints: [],
    },
  } as Facts;
}

/** The reports of machines 0…n-1, one at a time (nothing held), each with the file it is written to. */
export function* syntheticReports(n: number, seed = 19): Generator<{ file: string; report: Report }> {
  const profiles = ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final'].map((id) => findProfile(id)!);
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const f = facts(r, i);
    const p = profiles[i % profiles.length]!;
    const report = reportOf(p, { facts: f }, { appVersion: '1.0.0', createdAt: f.collectedAt });
    yield { file: path.join(`lab-${i % 20}`, `machine-${String(i).padStart(6, '0')}.json`), report };
  }
}

/**
 * Writes n reports below `dir` (20 lab folders) as the app saves them (indented JSON); returns the bytes
 * written. Only the first `distinct` are judged; the rest repeat them under their own names (judging
 * 100 000 machines would take the bench a quarter of an hour; reading them is what is measured).
 */
export async function writeSyntheticCohort(dir: string, n: number, distinct = 2000): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < Math.min(n, 20); i++) mkdirSync(path.join(dir, `lab-${i}`), { recursive: true });
  const texts: string[] = [];
  let i = 0;
  for (const { file, report } of syntheticReports(Math.min(n, distinct))) {
    texts.push(JSON.stringify(report, null, 2));
    bytes += texts[i]!.length;
    await writeFile(path.join(dir, file), texts[i++]!);
  }
  for (; i < n; i++) {
    const text = texts[i % texts.length]!;
    bytes += text.length;
    await writeFile(path.join(dir, `lab-${i % 20}`, `machine-${String(i).padStart(6, '0')}.json`), text);
  }
  return bytes;
}
