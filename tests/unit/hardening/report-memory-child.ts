// Run by report-memory.test.ts in a fresh process: opens one report file the way the viewer
// (openReportText) and summarize (openCohortText, or the whole folder walk) do, and prints the
// process's resident memory before and at its peak, in kB. A child of its own so the peak is this
// file's alone, not the test runner's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openReportText } from '../../../shared/report/open';
import { openCohortText } from '../../../electron/cohort/open';
import { summarizeFiles } from '../../../electron/cohort/summarize';

const [mode, target] = process.argv.slice(2) as ['viewer' | 'cohort' | 'summarize', string];
const gc = (globalThis as { gc?: () => void }).gc;
const live = () => process.memoryUsage().heapUsed + process.memoryUsage().external;

async function main() {
  const base = process.resourceUsage().maxRSS;
  gc?.();
  const liveBase = live();
  // with --expose-gc: what the summary still holds each time it takes a report (garbage collected first), in kB
  let liveMax = 0;
  let outcome: string;
  if (mode === 'summarize') {
    const onReport = gc
      ? () => {
          gc();
          liveMax = Math.max(liveMax, Math.round((live() - liveBase) / 1024));
        }
      : undefined;
    const s = await summarizeFiles([target], { cwd: path.dirname(target), onReport });
    outcome = `${s.reports} read, ${s.skipped} skipped`;
  } else {
    const text = readFileSync(target, 'utf8');
    const r = mode === 'viewer' ? openReportText(text, 'r.json') : openCohortText(text, 'r.json', null);
    outcome = r.ok ? 'ok' : 'problem' in r ? r.problem.kind : r.kind;
  }
  process.stdout.write(JSON.stringify({ base, peak: process.resourceUsage().maxRSS, liveMax, outcome }));
}
void main();
