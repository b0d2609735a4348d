// `summarize -`: a list of paths or NDJSON reports on standard input (told apart by the first
// character), read with bounds and named "stdin/…"; the temporary folder is gone afterwards.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { machines } from '../../fixtures/facts/machines';
import { makeReport, sampleCohort, writeJson } from '../cohort/helpers';
import { stdinInputs } from '../../../electron/cli/stdin-list';
import { runInProcess } from './in-process';

function cohortDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-summarize-stdin-'));
  for (const [name, r] of sampleCohort()) writeJson(dir, `in/${name}`, r);
  return dir;
}
const run = (argv: string[], cwd: string, chunks: Array<string | Buffer>) =>
  runInProcess(argv, { cwd, inspect: undefined, now: undefined, stdin: () => Readable.from(chunks) });
const stdinTemps = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith('exam-preflight-stdin-'));

describe('exam-preflight summarize -', () => {
  it('a list of paths, one per line (as `find` prints it), blank lines and CRLF allowed', async () => {
    const dir = cohortDir();
    const names = sampleCohort().map(([n]) => path.join('in', n));
    const r = await run(['summarize', '-', '--format', 'json'], dir, [`\n${names.slice(0, 3).join('\n')}\r\n`, `${names.slice(3).join('\n')}\n`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ reports: 5, skipped: 0 });
  });

  it('NDJSON reports, split anywhere by the pipe, named stdin/000001.json…; a bad line is listed, not fatal', async () => {
    const dir = cohortDir();
    const before = stdinTemps().length;
    const text = sampleCohort()
      .map(([, rep]) => JSON.stringify(rep))
      .concat(['{"not": "a report"}'])
      .join('\n\n');
    const cut = [text.slice(0, 7), text.slice(7, 5000), text.slice(5000)];
    const r = await run(['summarize', '-', '--format', 'ndjson'], dir, cut);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    expect(new Set(rows.map((x) => x.file))).toEqual(new Set([1, 2, 3, 4, 5].map((n) => path.join('stdin', `00000${n}.json`))));
    expect(r.stderr).toContain(path.join('stdin', '000006.json'));
    expect(r.stderr).toContain('5 read, 1 skipped.');
    expect(stdinTemps().length).toBe(before);
  });

  it('more reports than the bound is a clear error; nothing is left behind', async () => {
    const line = JSON.stringify(makeReport(machines.good()));
    const before = stdinTemps().length;
    await expect(stdinInputs(['-'], os.tmpdir(), () => Readable.from([`${line}\n${line}\n${line}\n`]), { maxReports: 2 })).rejects.toThrow(
      /more than 2 reports on standard input/,
    );
    expect(stdinTemps().length).toBe(before);
  });

  it('nothing on stdin, or a terminal: exit 2 with what to do', async () => {
    const dir = cohortDir();
    const empty = await run(['summarize', '-'], dir, ['  \n']);
    expect([empty.code, empty.stderr]).toEqual([2, 'Invalid input:\nstdin: no paths came on standard input\n']);
    const tty = await runInProcess(['summarize', '-', '--format', 'json'], { cwd: dir, stdin: () => Object.assign(Readable.from([]), { isTTY: true }) });
    expect(tty.code).toBe(2);
    expect(JSON.parse(tty.stderr).error.message).toMatch(/standard input is a terminal/);
    expect(existsSync(path.join(dir, 'stdin'))).toBe(false);
  });
});
