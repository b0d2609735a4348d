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
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
async function time(fn: () => Promise<unknown> | unknown) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const req = inspectRequestFor(findProfile('mitx-sds-ml')!);
  const deps = realDeps();
  const cold = await time(() => inspectMachine(req, { deps }));
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await time(() => inspectMachine(req, { deps })));
  // what the OS-state probes add: the same scan without them, alternating so load drifts hit both
  const without = { ...req, osStates: [] };
  const withOs: number[] = [],
    withoutOs: number[] = [],
    osArea: number[] = [];
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
  console.log(
    `  OS states: scan with / without  ${ms(median(withOs))} / ${ms(median(withoutOs))} = ${(median(withOs) / median(withoutOs)).toFixed(2)}   (${req.osStates?.length ?? 0} states; the area itself ${ms(median(osArea))})`,
  );

  if (!existsSync('dist/cli/cli.mjs')) {
    console.log('cli: dist/cli/cli.mjs missing — run "npm run build:node" first');
    return;
  }
  const wall = (cmd: string, args: string[]) => time(() => spawnSync(cmd, args, { stdio: 'ignore' }));
  // the child reports its own peak resident memory as it exits (programs it starts are not counted)
  const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS))`;
  const peakMb = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', PEAK, ...args], { encoding: 'utf8' });
    return Number(/maxrss=(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  };
  const CHECK = ['bin/exam-preflight.cjs', 'check', '--profile', 'mitx-sds-capstone', '--format', 'json'];
  const node: number[] = [];
  const help: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < 5; i++) {
    node.push(await wall(process.execPath, ['-e', '0']));
    help.push(await wall(process.execPath, ['bin/exam-preflight.cjs', '--help']));
    cli.push(await wall(process.execPath, CHECK));
  }
  const rss = Math.max(peakMb(CHECK), peakMb(CHECK));
  console.log('cli (whole process)');
  console.log(`  node -e 0 (Node's own start-up)      ${ms(median(node))}   (median of 5: the floor on this machine)`);
  console.log(`  exam-preflight --help                ${ms(median(help))}   (target ≤ 80 ms; ${ms(median(help) - median(node))} above node -e 0)`);
  console.log(`  exam-preflight check --format json   ${ms(median(cli))}   (median of 5)`);
  console.log(`  peak RSS of check                    ${rss.toFixed(1)} MB   (target ≤ 60 MB; the programs it starts not counted)`);
  const hasInxi = spawnSync('inxi', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasInxi) {
    console.log('  inxi not installed: no baseline (apt-get install inxi)');
    return;
  }
  const inxi: number[] = [];
  for (let i = 0; i < 3; i++) inxi.push(await wall('inxi', ['-Fxz']));
  console.log(`  inxi -Fxz                            ${ms(median(inxi))}   (median of 3)`);
  console.log(`  ratio cli / inxi                     ${(median(cli) / median(inxi)).toFixed(2)}   (target ≤ 0.3)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
