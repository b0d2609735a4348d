// Prints the one line CI reads, "N passed, N failed", from the JSON reports that vitest and
// Playwright write under test-results/. Steps of `npm test` that are not test runners (typecheck,
// lint, security lint) count as one failed test each when `npm test` failed before the runners.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;

// the machine's Node, then each supported Node line (tools/node-lines/run.mjs)
const vitestRuns = existsSync('test-results') ? readdirSync('test-results').filter((f) => /^vitest(-node\d+)?\.json$/.test(f)) : [];
for (const file of vitestRuns) {
  const r = JSON.parse(readFileSync(`test-results/${file}`, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
}
const pw = 'test-results/playwright.json';
if (existsSync(pw)) {
  const r = JSON.parse(readFileSync(pw, 'utf8'));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += r.stats?.unexpected ?? 0;
}
if (status !== 0 && failed === 0) failed = 1; // a step before or between the runners failed
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
