// `npm run examples`: rewrites examples/reports/ with what the headless command makes today
// (scripts/examples/reports.ts). tests/unit/repo/examples.test.ts fails until this is run after a
// change that alters reports (a rule, a message, the report format, the app version).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeExampleReports, REPORTS_DIR } from './examples/reports';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '..', REPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const reports = await makeExampleReports();
  // a report no longer in the list must not linger in the folder
  for (const f of readdirSync(dir)) if (f.endsWith('.json') && !reports.has(f)) rmSync(path.join(dir, f));
  for (const [name, text] of reports) {
    writeFileSync(path.join(dir, name), text);
    console.log(`${REPORTS_DIR}/${name}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
