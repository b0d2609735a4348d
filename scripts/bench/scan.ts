// Scan speed, measured in one run against baselines on the same machine:
//  - the full scan in-process (first run, then the median of warm runs: program probes are memoised
//    per program file, as in the app where a learner re-runs checks), against
//    systeminformation.getAllData(), the "collect everything" call we never make on the scan path;
//  - the CLI's whole-process wall time, against `inxi -Fxz` (a classic system-report tool).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import si from 'systeminformation';
import { inspectMachine } from '../../electron/inspect';
import { realDeps } from '../../electron/inspect/deps';
import { findProfile, inspectRequestFor } from '../../shared/profile/load';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const ms = (x: number) => `${x.toFixed(0)} ms`;
async function time(fn: () => Promise<unknown> | unknown) { const t = performance.now(); await fn(); return performance.now() - t; }

async function main() {
  const req = inspectRequestFor(findProfile('mitx-sds-ml')!);
  const deps = realDeps();
  const cold = await time(() => inspectMachine(req, { deps }));
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await time(() => inspectMachine(req, { deps })));
  // what the OS-state probes add: the same scan without them, alternating so load drifts hit both
  const without = { ...req, osStates: [] };
  const withOs: number[] = [], withoutOs: number[] = [], osArea: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const r of i % 2 ? [req, without] : [without, req]) {
      const t = performance.now();
      const f = await inspectMachine(r, { deps });
      (r === req ? withOs : withoutOs).push(performance.now() - t);
      if (r === req) osArea.push(f.osState.probe.durationMs);
    }
  }
  const all: number[] = [];
  for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)); i++) all.push(await time(() => si.getAllData()));
  console.log('scan (in-process)');
  console.log(`  first scan                      ${ms(cold)}`);
  console.log(`  scan median of ${RUNS}               ${ms(median(warm))}   (target ≤ 250 ms)`);
  console.log(`  systeminformation.getAllData()  ${ms(median(all))}   (median of ${all.length})`);
  console.log(`  ratio scan / getAllData         ${(median(warm) / median(all)).toFixed(2)}   (first scan: ${(cold / median(all)).toFixed(2)})`);
  console.log(`  OS states: scan with / without  ${ms(median(withOs))} / ${ms(median(withoutOs))} = ${(median(withOs) / median(withoutOs)).toFixed(2)}   (${req.osStates?.length ?? 0} states; the area itself ${ms(median(osArea))})`);

  if (!existsSync('dist/cli.cjs')) { console.log('cli: dist/cli.cjs missing — run "npm run build:node" first'); return; }
  const wall = (cmd: string, args: string[]) => time(() => spawnSync(cmd, args, { stdio: 'ignore' }));
  const cli: number[] = [];
  for (let i = 0; i < 5; i++) cli.push(await wall(process.execPath, ['bin/exam-preflight.cjs', 'check', '--profile', 'mitx-sds-capstone', '--format', 'json']));
  console.log('cli (whole process)');
  console.log(`  exam-preflight check --format json   ${ms(median(cli))}   (median of 5)`);
  const hasInxi = spawnSync('inxi', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasInxi) { console.log('  inxi not installed: no baseline (apt-get install inxi)'); return; }
  const inxi: number[] = [];
  for (let i = 0; i < 3; i++) inxi.push(await wall('inxi', ['-Fxz']));
  console.log(`  inxi -Fxz                            ${ms(median(inxi))}   (median of 3)`);
  console.log(`  ratio cli / inxi                     ${(median(cli) / median(inxi)).toFixed(2)}   (target < 0.5)`);
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
