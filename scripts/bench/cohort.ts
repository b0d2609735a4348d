// Cohort summary at scale: a synthetic cohort of 10 000 reports (generated here, in a temp folder,
// never kept in the repository) summarised by the same code as `exam-preflight summarize`, against
// a baseline on the same files in the same run: reading every file and JSON.parse-ing it (no
// checks, no aggregation). Each side runs in its own child process so its peak RSS is its own.
// Target: 10 000 reports in ≤ 5 s on the project's 2-core machine; memory flat as the cohort grows.
// The built command (dist/cli.cjs, `npm run build:node`) is timed too, wall clock from process start.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Facts } from '../../shared/facts';

const N = Number(process.env.COHORT_BENCH_N ?? 10_000);

/** A deterministic pseudo-random sequence (mulberry32), so every run benchmarks the same cohort. */
function rng(seed: number) {
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

function facts(r: () => number, i: number): Facts {
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

async function generate(dir: string, n: number) {
  const { reportOf } = await import('../../shared/pipeline');
  const { findProfile } = await import('../../shared/profile/load');
  const profiles = ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final'].map((id) => findProfile(id)!);
  const r = rng(19);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `lab-${i % 20}`);
    if (i < 20) mkdirSync(sub, { recursive: true });
    const f = facts(r, i);
    const p = profiles[i % profiles.length]!;
    const report = reportOf(p, { facts: f }, { appVersion: '1.0.0', createdAt: f.collectedAt });
    const text = JSON.stringify(report, null, 2);
    bytes += text.length;
    await writeFile(path.join(sub, `machine-${String(i).padStart(5, '0')}.json`), text);
  }
  return bytes;
}

/** The baseline: every file read and JSON.parse'd, in the same walk order, nothing else. */
async function baseline(dir: string) {
  let n = 0;
  for (const sub of (await readdir(dir)).sort()) {
    for (const f of (await readdir(path.join(dir, sub))).sort()) {
      JSON.parse(await readFile(path.join(dir, sub, f), 'utf8'));
      n++;
    }
  }
  return n;
}

async function child(mode: string, dir: string) {
  // the modules load before the clock starts (the bundled CLI loads them in a few tens of ms; tsx compiles them here)
  const { summarizeFiles } = await import('../../electron/cohort/summarize');
  const t = performance.now();
  let count: number;
  if (mode === 'baseline') count = await baseline(dir);
  else {
    const s = await summarizeFiles([dir], { cwd: process.cwd() });
    count = s.reports;
    if (s.skipped) throw new Error(`${s.skipped} files skipped`);
  }
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function run(mode: string, dir: string): { ms: number; count: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', mode, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-bench-cohort-'));
  try {
    const small = Math.max(1, Math.floor(N / 10));
    const smallDir = path.join(dir, 'small');
    const bigDir = path.join(dir, 'big');
    const t = performance.now();
    const bytes = await generate(bigDir, N);
    await generate(smallDir, small);
    console.log(`generated ${N} reports (${(bytes / 2 ** 20).toFixed(0)} MB) + ${small} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const base = run('baseline', bigDir);
    const sum = run('summarize', bigDir);
    const sumSmall = run('summarize', smallDir);
    // the real command, as an admin runs it: process start, module load, walk, summary, HTML page
    const t0 = performance.now();
    const cli = spawnSync(
      process.execPath,
      [path.join(__dirname, '../../bin/exam-preflight.cjs'), 'summarize', bigDir, '--format', 'html', '--out', path.join(dir, 'cohort.html')],
      { encoding: 'utf8' },
    );
    const cliMs = performance.now() - t0;
    if (cli.status !== 0) throw new Error(`summarize failed: ${cli.stderr}`);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`read + JSON.parse, ${base.count} files      ${s(base.ms)}   peak RSS ${base.maxRssMb.toFixed(0)} MB`);
    console.log(`summarize, ${sum.count} reports             ${s(sum.ms)}   peak RSS ${sum.maxRssMb.toFixed(0)} MB   (target ≤ 5 s)`);
    console.log(`  ratio summarize / read + parse         ×${(sum.ms / base.ms).toFixed(2)}`);
    console.log(`exam-preflight summarize --format html   ${s(cliMs)}   (wall time of the built command, ×${(cliMs / base.ms).toFixed(2)} read + parse)`);
    console.log(`summarize, ${sumSmall.count} reports              ${s(sumSmall.ms)}   peak RSS ${sumSmall.maxRssMb.toFixed(0)} MB`);
    console.log(
      `  peak RSS ${N} / ${small} reports          ×${(sum.maxRssMb / sumSmall.maxRssMb).toFixed(2)}   (bounded: stays near ×1 while the cohort grows ×10)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf('--child');
if (i > 0) void child(process.argv[i + 1]!, process.argv[i + 2]!);
else void main();
