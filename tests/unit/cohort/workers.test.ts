// `summarize` on worker threads gives what it gave on one thread: the same summary JSON, HTML page
// and NDJSON rows for the same folder, bad files included (each named with its reason), with and
// without an exam to re-judge against. Small batches make a small folder many batches, spread over
// two real threads (started from the TypeScript sources through tsx, as from the bundle's own entry).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { summarizeFiles, type SummarizeOptions } from '../../../electron/cohort/summarize';
import { MAX_COHORT_FILE_BYTES } from '../../../electron/cohort/open';
import { cohortRows, ndjsonLines } from '../../../shared/cohort/rows';
import { renderCohortHtml } from '../../../shared/cohort/render-html';
import { renderCohortJson } from '../../../shared/cohort/render-text';
import { createI18n } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';
import { POM, makeReport, writeJson } from './helpers';

const MACHINES = [machines.good, machines.mac, machines.surfaceLaptop, machines.windowsXp, machines.probeTimeouts, machines.linux];

/** 120 reports over 30 days and 3 labs, with bad files scattered among them. */
function cohortFolder() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-cohort-workers-'));
  const bases = MACHINES.map((m) => m());
  for (let i = 0; i < 120; i++) {
    const facts = structuredClone(bases[i % bases.length]!);
    facts.device.manufacturer = `Maker ${i % 9}`;
    const r = makeReport(facts, new Date(Date.UTC(2026, 10, 1 + (i % 30), 9)).toISOString());
    writeJson(dir, `cohort/lab-${i % 3}/m-${String(i).padStart(3, '0')}.json`, r);
    if (i % 17 === 0) writeJson(dir, `cohort/lab-${i % 3}/bad-${i}.json`, JSON.stringify(r).slice(0, 300));
    if (i % 23 === 0) writeJson(dir, `cohort/lab-${i % 3}/edited-${i}.json`, { ...r, verdict: r.verdict === 'ready' ? 'not-ready' : 'ready' });
  }
  writeJson(dir, 'cohort/lab-1/facts-only.json', machines.teamViewer());
  symlinkSync('/etc/hostname', path.join(dir, 'cohort/lab-2/outside.json'));
  // what the guarded read refuses on the open handle: a file past the cap (sparse), a pipe, a file it may not open
  truncateSync(writeJson(dir, 'cohort/lab-0/huge.json', '{'), MAX_COHORT_FILE_BYTES + 1);
  execFileSync('mkfifo', [path.join(dir, 'cohort/lab-1/fifo.json')]);
  writeJson(dir, 'cohort/lab-2/locked.json', '{}');
  chmodSync(path.join(dir, 'cohort/lab-2/locked.json'), 0);
  return dir;
}

async function run(dir: string, opts: Partial<SummarizeOptions>) {
  const i18n = createI18n('en');
  let rows = '';
  const threads = new Set<number>();
  const s = await summarizeFiles(['cohort'], {
    cwd: dir,
    onReport: (file, report) => void (rows += ndjsonLines(cohortRows(file, report, i18n))),
    onBatch: (b) => threads.add(b.threadId),
    ...opts,
  });
  return { s, json: renderCohortJson(s, i18n), html: renderCohortHtml(s, i18n, '1.0.0'), rows, threads };
}

describe('summarize on worker threads', () => {
  const dir = cohortFolder();

  for (const [name, profile] of [
    ['as the reports say', null],
    ['re-judged against an exam', POM],
  ] as const)
    it(`gives the one-thread summary JSON, HTML and NDJSON, ${name}`, async () => {
      const serial = await run(dir, { workers: 1, profile });
      const threaded = await run(dir, { workers: 2, batchSize: 8, profile });
      // the batches were counted on two threads other than this one
      expect(serial.threads.size).toBe(0);
      expect(threaded.threads.size).toBe(2);
      expect(threaded.threads.has(threadId)).toBe(false);
      expect(threaded.threads.has(0)).toBe(false);
      expect(threaded.s.reports).toBe(profile ? 121 : 120);
      expect(threaded.s.skippedByKind).toMatchObject({
        truncated: 8,
        tampered: 6,
        'link-outside': 1,
        'too-large': 1,
        'not-regular': 1,
        ...(profile ? {} : { 'needs-profile': 1 }),
      });
      // root reads a file whatever its mode; anyone else is refused it, with the same reason either way
      expect(threaded.s.skippedFiles.map((f) => [f.file, f.kind, f.message])).toEqual(serial.s.skippedFiles.map((f) => [f.file, f.kind, f.message]));
      expect(threaded.json).toBe(serial.json);
      expect(threaded.html).toBe(serial.html);
      expect(threaded.rows).toBe(serial.rows);
      expect(threaded.rows.split('\n').length).toBeGreaterThan(120 * 10);
    });

  it('reads a list of one batch on this thread (threads would cost more to start than they save)', async () => {
    const small = await run(dir, { workers: 2, batchSize: 1000 });
    expect(small.threads.size).toBe(0);
    expect(small.s.reports).toBe(120);
  });
});
