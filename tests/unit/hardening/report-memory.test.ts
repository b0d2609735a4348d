// Issue 28: a 2 MB report holding a 1,000,000-item list made `summarize` peak at 1 GB and the
// viewer's openReport at 1.15 GB. Any report up to the 20 MB limit must cost at most 200 MB: each
// hostile shape below is opened in a child process (so the peak is its own) and the growth of its
// peak resident memory (getrusage maxRSS, a high-water mark: no timing involved) is the figure held.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../../shared/parse-errors';
import { MAX_REPORT_CHARS } from '../../../shared/report/open';
import { shortCheckId } from '../../../shared/report/model';
import { makeReport } from '../cohort/helpers';
import { machines } from '../../fixtures/facts/machines';
import { tmpDir } from './helpers';

const CHILD = path.join(__dirname, 'report-memory-child.ts');
const BUDGET_KB = 200 * 1024;

function peakGrowth(mode: 'viewer' | 'cohort' | 'summarize', target: string, flags: string[] = []) {
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', CHILD, mode, target], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  const { base, peak, liveMax, outcome } = JSON.parse(r.stdout) as { base: number; peak: number; liveMax: number; outcome: string };
  return { kb: peak - base, liveMax, outcome };
}

const good = () => makeReport(machines.good()) as unknown as Record<string, unknown> & { checkId: string; facts: Record<string, unknown> };
/** A valid report (its check id matches) listing these running programs: read, validated, hashed and counted. */
const withNames = (names: string[]) => {
  const { checkId: _old, ...r } = good();
  const body = { ...r, facts: { ...r.facts, processes: { ...(r.facts.processes as object), names } } };
  return { ...body, checkId: shortCheckId(JSON.stringify(body)) };
};

/** Hostile reports, each as large as the limits let it be. */
const SHAPES: Record<string, () => string> = {
  // the reported attack: a 2 MB file, a million items in one list
  'a million-item list (2 MB)': () => JSON.stringify({ ...good(), results: new Array(1_000_000).fill(0) }),
  // the same spread over many lists, each under the per-list cap
  'a million items over many short lists': () => JSON.stringify({ ...good(), results: Array.from({ length: 200 }, () => new Array(5_000).fill(0)) }),
  // just under every cap: the most values a report may hold, each one failing validation
  'as many bad values as allowed': () =>
    JSON.stringify({
      ...good(),
      results: Array.from({ length: JSON_LIMITS.arrayItems - 1 }, () => ({ id: 1, status: 2, area: 3, title: 4, detail: 5, fix: 6, required: 7 })),
    }).slice(0),
  // 20 MB of valid text in long strings (validated, then hashed for the check id)
  '20 MB of long strings': () =>
    JSON.stringify(
      withNames(Array.from({ length: Math.floor(MAX_REPORT_CHARS / JSON_LIMITS.stringChars) - 1 }, (_, i) => `${i}`.padEnd(JSON_LIMITS.stringChars - 10, 'x'))),
    ),
  // non-ASCII text is held as two bytes a character once decoded
  '20 MB of non-ASCII strings': () =>
    JSON.stringify(
      withNames(
        Array.from({ length: Math.floor(MAX_REPORT_CHARS / 2 / JSON_LIMITS.stringChars) - 1 }, (_, i) => `${i}`.padEnd(JSON_LIMITS.stringChars - 10, 'é')),
      ),
    ),
  // a valid list as long as allowed, of strings as long as fit in 20 MB
  'the longest list of valid strings': () =>
    JSON.stringify(
      withNames(Array.from({ length: JSON_LIMITS.arrayItems - 1 }, (_, i) => `p${i}`.padEnd(Math.floor(MAX_REPORT_CHARS / JSON_LIMITS.arrayItems) - 20, 'y'))),
    ),
};

const VALID = new Set(['20 MB of long strings', '20 MB of non-ASCII strings', 'the longest list of valid strings']);

// each case spawns processes that parse 20 MB: slow on a loaded machine, so a generous per-test limit
describe('opening a report costs at most 200 MB, whatever its shape (issue 28)', { timeout: 180_000 }, () => {
  const dir = tmpDir('report-memory');
  const files = Object.entries(SHAPES).map(([name, make], i) => {
    const text = make();
    expect(text.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    const folder = path.join(dir, `shape-${i}`);
    mkdirSync(folder);
    const file = path.join(folder, 'report.json');
    writeFileSync(file, text);
    return [name, file] as const;
  });

  for (const [name, file] of files) {
    it(`${name}: the viewer, and summarize`, () => {
      for (const mode of ['viewer', 'cohort'] as const) {
        const { kb, outcome } = peakGrowth(mode, file);
        expect(outcome).toBe(VALID.has(name) ? 'ok' : 'invalid');
        expect(kb, `${mode}: peak grew by ${Math.round(kb / 1024)} MB`).toBeLessThanOrEqual(BUDGET_KB);
      }
    });
  }

  it('a folder of eight 20 MB reports: one is held at a time, not eight', () => {
    const folder = path.join(dir, 'eight');
    mkdirSync(folder);
    const text = SHAPES['20 MB of long strings']!();
    for (let i = 0; i < 8; i++) writeFileSync(path.join(folder, `r${i}.json`), text);
    // what stays reachable (garbage collected each time a report is taken) is one report's worth; the
    // process's peak also carries garbage V8 has not yet collected, so it is held to a looser figure
    const { kb, liveMax, outcome } = peakGrowth('summarize', folder, ['--expose-gc']);
    expect(outcome).toBe('8 read, 0 skipped');
    expect(liveMax, `held ${Math.round(liveMax / 1024)} MB`).toBeLessThanOrEqual(BUDGET_KB / 2);
    expect(kb, `peak grew by ${Math.round(kb / 1024)} MB`).toBeLessThanOrEqual(3 * BUDGET_KB);
  });
});
