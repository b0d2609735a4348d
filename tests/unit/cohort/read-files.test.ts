// Reading a cohort from disk: folders walked for *.json, every kind of bad file counted and listed
// with its reason (never stopping the run), the size cap checked before a file is read, facts files
// judged with --profile, and the same output whatever order the reads finish in.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, promises as realFs, symlinkSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarizeFiles, type CohortFs } from '../../../electron/cohort/summarize';
import { MAX_COHORT_FILE_BYTES } from '../../../electron/cohort/open';
import { shortCheckId } from '../../../shared/report/model';
import { evaluate } from '../../../shared/rules';
import { machines } from '../../fixtures/facts/machines';
import { POM, makeReport, sampleCohort, writeJson } from './helpers';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'preflight-cohort-'));

/** one folder with every kind of file a support desk receives */
function messyFolder() {
  const dir = tmp();
  for (const [name, r] of sampleCohort()) writeJson(dir, `reports/${name}`, r);
  const good = makeReport(machines.good());
  const text = JSON.stringify(good, null, 2);
  writeJson(dir, 'reports/bad/truncated.json', text.slice(0, text.length / 2));
  writeJson(dir, 'reports/bad/letter.json', 'Dear support, my camera does not work.');
  writeJson(dir, 'reports/bad/future.json', { ...good, reportVersion: 3, appVersion: '9.0.0' });
  writeJson(dir, 'reports/bad/ancient.json', { ...good, reportVersion: 0, appVersion: '0.1.0' });
  writeJson(dir, 'reports/bad/edited.json', { ...good, verdict: 'not-ready' });
  writeJson(dir, 'reports/bad/empty.json', '');
  writeJson(dir, 'reports/bad/other.json', { name: 'package.json, not a report' });
  writeJson(dir, 'reports/bad/damaged.json', { ...good, checkId: 'EP-0000-0000', results: 'none' });
  writeJson(dir, 'reports/bad/facts-only.json', machines.teamViewer());
  // a file past the cap: sparse, so the test writes nothing; it must be refused from its size alone
  const huge = writeJson(dir, 'reports/bad/huge.json', '{');
  truncateSync(huge, MAX_COHORT_FILE_BYTES + 1);
  writeJson(dir, 'reports/notes.txt', 'not *.json: not read');
  return dir;
}

describe('summarizeFiles', () => {
  it('counts the good reports and lists every bad file with its reason, without stopping', async () => {
    const dir = messyFolder();
    const s = await summarizeFiles(['reports'], { cwd: dir });
    expect(s.reports).toBe(5);
    expect(s.verdicts).toEqual({ ready: 2, 'not-ready': 2, incomplete: 1 });
    const reasons = Object.fromEntries(s.skippedFiles.map((f) => [path.basename(f.file), f.kind]));
    expect(reasons).toEqual({
      'ancient.json': 'older-version',
      'damaged.json': 'invalid',
      'edited.json': 'tampered',
      'empty.json': 'empty',
      'facts-only.json': 'needs-profile',
      'future.json': 'newer-version',
      'huge.json': 'too-large',
      'letter.json': 'not-json',
      'other.json': 'not-report',
      'truncated.json': 'truncated',
    });
    expect(s.skipped).toBe(10);
    // file names as the user would write them, relative to what they gave
    expect(s.skippedFiles[0]!.file).toBe(path.join('reports', 'bad', 'ancient.json'));
    const edited = s.skippedFiles.find((f) => f.kind === 'tampered')!;
    expect(edited.message).toMatchObject({ key: 'cohort:skip.tampered', params: { checkId: makeReport(machines.good()).checkId } });
    expect(s.skippedFiles.find((f) => f.kind === 'too-large')!.message.params).toMatchObject({ size: MAX_COHORT_FILE_BYTES + 1 });
  });

  it('judges every report and facts file again against one exam with a profile', async () => {
    const dir = messyFolder();
    const s = await summarizeFiles(['reports'], { cwd: dir, profile: POM });
    expect(s.reevaluatedAgainst).toEqual({ id: 'mitx-pom-final', version: POM.version });
    expect(s.reports).toBe(6); // the facts file counts now
    expect(s.breakdowns.exam.rows).toEqual([expect.objectContaining({ label: 'mitx-pom-final', total: 6 })]);
    // TeamViewer running: not ready for this exam, by the rules as they are now
    const tv = s.needsHelp.find((h) => h.file.endsWith('facts-only.json'))!;
    expect(tv.checkId).toMatch(/^EP-/);
    expect(tv.checks.map((c) => c.id)).toEqual(
      evaluate(POM, machines.teamViewer())
        .filter((r) => r.required && r.status === 'fail')
        .map((r) => r.id),
    );
  });

  it('reads format 1 reports, explicit files whatever their extension, and says what is missing', async () => {
    const dir = tmp();
    const r = makeReport(machines.mac());
    const { redacted: _r, checklist: _c, mockExam: _m, support: _s, checkId: _id, ...v1body } = { ...r, reportVersion: 1 as const };
    writeJson(dir, 'v1.json', { ...v1body, checkId: shortCheckId(JSON.stringify(v1body)) });
    writeJson(dir, 'report.txt', makeReport(machines.good()));
    const s = await summarizeFiles(['v1.json', 'report.txt', 'nowhere.json'], { cwd: dir });
    expect(s.reports).toBe(2);
    expect(s.skippedFiles).toEqual([
      {
        file: 'nowhere.json',
        kind: 'unreadable',
        message: { key: 'cohort:skip.unreadable', params: { file: 'nowhere.json', detail: 'no such file or folder' } },
      },
    ]);
  });

  it('does not follow a link to a folder (a loop cannot trap the walk) but reads a link to a file', async () => {
    const dir = tmp();
    writeJson(dir, 'lab/a.json', makeReport(machines.good()));
    symlinkSync(path.join(dir, 'lab'), path.join(dir, 'lab', 'loop.json'));
    symlinkSync(path.join(dir, 'lab', 'a.json'), path.join(dir, 'lab', 'b.json'));
    const s = await summarizeFiles(['lab'], { cwd: dir });
    expect(s.reports).toBe(2);
    expect(s.skipped).toBe(0);
  });

  it('checks the size with stat before reading, and lists a file it may not read', async () => {
    const dir = tmp();
    writeJson(dir, 'ok.json', makeReport(machines.good()));
    const read: string[] = [];
    const fake: CohortFs = {
      stat: async (p) => {
        const st = await realFs.stat(p);
        return p.endsWith('big.json') ? { isFile: () => true, isDirectory: () => false, size: 10 * MAX_COHORT_FILE_BYTES } : st;
      },
      readdir: (p, o) => realFs.readdir(p, o),
      readFile: async (p, enc) => {
        read.push(path.basename(p));
        if (p.endsWith('locked.json')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return realFs.readFile(p, enc);
      },
    };
    writeJson(dir, 'big.json', '{}');
    writeJson(dir, 'locked.json', '{}');
    const s = await summarizeFiles(['.'], { cwd: dir, fs: fake });
    expect(read).not.toContain('big.json');
    expect(s.reports).toBe(1);
    expect(s.skippedFiles.map((f) => [f.file, f.kind, f.message.params?.detail ?? null])).toEqual([
      ['big.json', 'too-large', null],
      ['locked.json', 'unreadable', 'permission denied'],
    ]);
  });

  it('streams each counted report in walk order, whatever order the reads finish in', async () => {
    const dir = tmp();
    const names = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}.json`);
    for (const n of names) writeJson(dir, n, makeReport(machines.good()));
    // reads finish in reverse: the later the file, the sooner its read returns
    const slow: CohortFs = {
      stat: (p) => realFs.stat(p),
      readdir: (p, o) => realFs.readdir(p, o),
      readFile: async (p, enc) => {
        await new Promise((ok) => setTimeout(ok, 60 - names.indexOf(path.basename(p)) * 5));
        return realFs.readFile(p, enc);
      },
    };
    const seen: string[] = [];
    let maxInFlight = 0;
    let inFlight = 0;
    const counting: CohortFs = {
      ...slow,
      readFile: async (p, enc) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await slow.readFile(p, enc);
        } finally {
          inFlight--;
        }
      },
    };
    await summarizeFiles(['.'], {
      cwd: dir,
      fs: counting,
      concurrency: 4,
      onReport: (f) => {
        seen.push(f);
      },
    });
    expect(seen).toEqual(names);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThan(1);
  });
});

describe('report files in folders', () => {
  it("takes the desktop app's .epreport files as well as .json, and nothing else", async () => {
    const dir = tmp();
    writeJson(dir, 'lab/a.epreport', makeReport(machines.good()));
    writeJson(dir, 'lab/b.JSON', makeReport(machines.mac()));
    writeJson(dir, 'lab/c.txt', makeReport(machines.mac()));
    const s = await summarizeFiles(['lab'], { cwd: dir });
    expect(s.reports).toBe(2);
  });
});
