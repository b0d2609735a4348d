// The example reports in examples/reports/, made by the headless command itself: `evaluate --facts`
// of fixture machines (tests/fixtures/facts/) against the built-in exams, as JSON. The same code
// makes them for `npm run examples` and for tests/unit/repo/examples.test.ts, which fails when the
// files in the repository are no longer what the command makes today.
// The command runs in-process (electron/cli/run.ts, the code the bin runs) only so that the clock
// can be fixed: each report is dated ten minutes after its facts were collected, so the files do
// not change from one run to the next.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../electron/cli/run';

const ROOT = path.resolve(__dirname, '..', '..');

/** which machine is judged against which exam: a small cohort with every verdict in it */
export const EXAMPLE_REPORTS = [
  { facts: 'windows-laptop-good', profile: 'mitx-sds-capstone' },
  { facts: 'mac-good', profile: 'mitx-sds-capstone' },
  { facts: 'linux-good', profile: 'mitx-sds-capstone' },
  { facts: 'surface-laptop', profile: 'mitx-sds-capstone' },
  { facts: 'windows-teamviewer', profile: 'mitx-sds-capstone' },
  { facts: 'old-browser', profile: 'mitx-pom-final' },
  { facts: 'windows-vm-virtualbox', profile: 'mitx-pom-final' },
  { facts: 'probe-timeouts', profile: 'mitx-pom-final' },
  { facts: 'linux-container-ci', profile: 'mitx-sds-ml' },
] as const;

export const REPORTS_DIR = 'examples/reports';

/** file name (in examples/reports/) → the report the command writes today */
export async function makeExampleReports(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { facts, profile } of EXAMPLE_REPORTS) {
    const factsFile = `tests/fixtures/facts/${facts}.json`;
    const collectedAt = (JSON.parse(readFileSync(path.join(ROOT, factsFile), 'utf8')) as { collectedAt: string }).collectedAt;
    const now = new Date(Date.parse(collectedAt) + 10 * 60_000);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['evaluate', '--facts', factsFile, '--profile', profile, '--format', 'json', '--lang', 'en'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: ROOT,
      now: () => now,
    });
    // 0 ready, 1 not ready or incomplete: both are reports; anything else is a broken example
    if (code > 1) throw new Error(`evaluate ${factsFile} --profile ${profile} exited ${code}: ${stderr}`);
    out.set(`${facts}--${profile}.json`, stdout);
  }
  return out;
}
