// Scan speed, measured in one run against baselines on the same machine:
//  - the full scan in-process (first run, then the median of warm runs: program probes are memoised
//    per program file, as in the app where a learner re-runs checks), against
//    systeminformation.getAllData(), the "collect everything" call we never make on the scan path;
//  - the CLI's whole-process wall time: --help against `node -e 0` (Node's own start-up), a check
//    against `inxi -Fxz` (a classic system-report tool), and a check's peak RSS.
// Each goal of issue 27 is printed next to its figure with "met" or "NOT met". BENCH_NODE=/path/to/node
// (scripts/bench.mjs) runs this whole bench, and every process it starts, under another Node.
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
  goal(`warm scan (median of ${RUNS})`, median(warm), 100, ' ms', 'probes of unchanged programs are memoised, as in the app');
  console.log(`  systeminformation.getAllData()  ${ms(median(all))}   (median of ${all.length})`);
  console.log(`  ratio scan / getAllData         ${(median(warm) / median(all)).toFixed(2)}   (first scan: ${(cold / median(all)).toFixed(2)})`);
  console.log(
    `  OS states: scan with / without  ${ms(median(withOs))} / ${ms(median(withoutOs))} = ${(median(withOs) / median(withoutOs)).toFixed(2)}   (${req.osStates?.length ?? 0} states; the area itself ${ms(median(osArea))})`,
  );

  if (!existsSync('dist/cli/cli.mjs')) {
    console.log('cli: dist/cli/cli.mjs missing — run "npm run build:node" first');
    return;
  }
  const NODE = process.execPath;
  const wall = (cmd: string, args: string[], env?: NodeJS.ProcessEnv) => time(() => spawnSync(cmd, args, { stdio: 'ignore', env: env ?? process.env }));
  // the child reports its own peak resident memory as it exits (programs it starts are not counted)
  const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS))`;
  const peakMb = (args: string[]) => {
    const r = spawnSync(NODE, ['--import', PEAK, ...args], { encoding: 'utf8' });
    return Number(/maxrss=(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  };
  const BIN = 'bin/exam-preflight.cjs';
  const CHECK = [BIN, 'check', '--profile', 'mitx-sds-capstone', '--format', 'json'];
  const noCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  // Node >= 22.1 keeps compiled code between starts (bin/compile-cache.cjs): fill it first, so the
  // figures are of a start after the first one, as every start but the first after an install is
  const hasCache = 'enableCompileCache' in (await import('node:module')).default;
  spawnSync(NODE, [BIN, '--help'], { stdio: 'ignore' });
  spawnSync(NODE, CHECK, { stdio: 'ignore' });
  const N = Math.max(7, RUNS);
  const node: number[] = [],
    help: number[] = [],
    version: number[] = [],
    helpCold: number[] = [],
    cli: number[] = [];
  // interleaved, so a change in the machine's load hits every figure alike
  for (let i = 0; i < N; i++) {
    node.push(await wall(NODE, ['-e', '0']));
    help.push(await wall(NODE, [BIN, '--help']));
    version.push(await wall(NODE, [BIN, '--version']));
    if (hasCache) helpCold.push(await wall(NODE, [BIN, '--help'], noCache));
    if (i % 2 === 0) cli.push(await wall(NODE, CHECK));
  }
  // CPU time (user + system, every thread) of the same starts: on a loaded shared machine wall
  // time mostly measures the wait for a core, CPU time what the start itself costs
  const CPU = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu='+(u.user+u.system))})`;
  const cpuMs = (args: string[]) => Number(/cpu=(\d+)\s*$/.exec(spawnSync(NODE, ['--import', CPU, ...args], { encoding: 'utf8' }).stderr)?.[1] ?? NaN) / 1000;
  const nodeCpu: number[] = [],
    helpCpu: number[] = [];
  for (let i = 0; i < N; i++) {
    nodeCpu.push(cpuMs(['-e', '0']));
    helpCpu.push(cpuMs([BIN, '--help']));
  }
  const rss = Math.max(peakMb(CHECK), peakMb(CHECK));
  const floor = median(node);
  console.log(`cli (whole process; Node ${process.version}, ${hasCache ? 'compile cache on' : 'no compile cache in this Node'})`);
  console.log(`  node -e 0 (Node's own start-up)      ${ms(floor)}   (median of ${N}: the floor on this machine)`);
  goal('exam-preflight --help / node -e 0', median(help) / floor, 1.3, '×', `${ms(median(help))}`);
  console.log(`  exam-preflight --version / node -e 0 ${(median(version) / floor).toFixed(2)}×   (${ms(median(version))})`);
  goal('--help / node -e 0, CPU time', median(helpCpu) / median(nodeCpu), 1.3, '×', `${ms(median(helpCpu))} / ${ms(median(nodeCpu))}`);
  if (hasCache)
    console.log(`  --help without the compile cache     ${(median(helpCold) / floor).toFixed(2)}×   (${ms(median(helpCold))}; NODE_DISABLE_COMPILE_CACHE=1)`);
  console.log(`  exam-preflight check --format json   ${ms(median(cli))}   (median of ${cli.length})`);
  goal('peak RSS of check', rss, 60, ' MB', 'the programs it starts not counted');
  const hasInxi = spawnSync('inxi', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasInxi) {
    console.log('  inxi not installed: no baseline (apt-get install inxi)');
    return;
  }
  // check and inxi alternating, for the same reason
  const inxi: number[] = [],
    cli2: number[] = [];
  for (let i = 0; i < 5; i++) {
    for (const which of i % 2 ? ['inxi', 'cli'] : ['cli', 'inxi']) {
      if (which === 'inxi') inxi.push(await wall('inxi', ['-Fxz']));
      else cli2.push(await wall(NODE, CHECK));
    }
  }
  console.log(`  inxi -Fxz                            ${ms(median(inxi))}   (median of ${inxi.length})`);
  goal('check / inxi -Fxz', median(cli2) / median(inxi), 0.3, '×', `${ms(median(cli2))} / ${ms(median(inxi))}`);
}

/** a figure next to its goal, and whether this run met it */
function goal(label: string, value: number, target: number, unit: string, note: string) {
  const v = value.toFixed(unit.trim() === 'ms' ? 0 : unit.trim() === 'MB' ? 1 : 2);
  console.log(`  ${label.padEnd(36)} ${v}${unit}   goal ≤ ${target}${unit}: ${value <= target ? 'met' : 'NOT met'}   (${note})`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
