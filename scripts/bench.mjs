// `npm run bench`: runs every benchmark in scripts/bench/ (each prints its figures and its ratio to
// a baseline measured in the same run). Figures, not pass/fail: timed tests flake on shared machines.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'bench');
// BENCH_NODE=/path/to/node: measure under another Node (its compile cache, its module loader)
const node = process.env.BENCH_NODE || process.execPath;
const only = process.argv[2];
let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => /\.(ts|mjs)$/.test(f))
  .sort()) {
  if (only && !file.startsWith(only)) continue;
  console.log(`\n== ${file} ==`);
  const args = file.endsWith('.ts') ? ['--import', 'tsx', path.join(dir, file)] : [path.join(dir, file)];
  const r = spawnSync(node, args, { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
