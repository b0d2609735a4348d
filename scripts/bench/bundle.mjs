// Renderer size for the first screen: the gzipped JS that index.html loads before any lazy screen
// (entry chunk + its static imports), against the 250 kB budget; lazy chunks listed for context.
// Reads dist/renderer (run `npm run build` first). Exits 1 when over budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dir = path.resolve(import.meta.dirname, '../../dist/renderer');
const html = path.join(dir, 'index.html');
if (!existsSync(html)) {
  console.error(`${html} is missing: run "npm run build" first`);
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

// entry scripts and modulepreloads named in index.html, then their static `import … from "./x.js"`
const first = new Set();
const queue = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
while (queue.length) {
  const rel = queue.shift();
  if (first.has(rel)) continue;
  first.add(rel);
  const code = readFileSync(path.join(dir, rel), 'utf8');
  // static imports only: `import{a}from"./x.js"` / `import"./x.js"`; dynamic import("./x.js") stays lazy
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
}

let total = 0;
for (const rel of first) {
  const size = gz(path.join(dir, rel));
  total += size;
  console.log(`first screen  ${rel.padEnd(44)} ${kb(size).padStart(7)} kB gzip`);
}
const lazy = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js') && !first.has(`assets/${f}`));
const lazyTotal = lazy.reduce((s, f) => s + gz(path.join(dir, 'assets', f)), 0);
console.log(`lazy chunks   ${String(lazy.length).padEnd(44)} ${kb(lazyTotal).padStart(7)} kB gzip`);
console.log(`renderer JS for the first screen: ${kb(total)} kB gzip (budget ${BUDGET_KB} kB, ${((total / 1024 / BUDGET_KB) * 100).toFixed(0)} % of it)`);
process.exit(total / 1024 > BUDGET_KB ? 1 : 0);
