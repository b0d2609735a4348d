// `exam-preflight summarize`: exit codes (0 when at least one report was read, 2 when none), every
// format, --out, --profile, --lang, and bad files listed without stopping the run.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROW_COLUMNS } from '../../../shared/cohort/rows';
import { machines } from '../../fixtures/facts/machines';
import { makeReport, sampleCohort, writeJson } from '../cohort/helpers';
import { runInProcess } from './in-process';

function cohortDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-summarize-'));
  for (const [name, r] of sampleCohort()) writeJson(dir, `in/${name}`, r);
  writeJson(dir, 'in/cut.json', JSON.stringify(makeReport(machines.good())).slice(0, 300));
  return dir;
}

const run = (argv: string[], cwd: string) => runInProcess(argv, { cwd, inspect: undefined, now: undefined });

describe('exam-preflight summarize', () => {
  it('text: exit 0, counts, the checks that fail most with their fix, who needs help, the skipped file', async () => {
    const dir = cohortDir();
    const r = await run(['summarize', 'in'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 reports read · 1 file skipped');
    expect(r.stdout).toContain('Ready 2 · Not ready 2 · Incomplete 1');
    expect(r.stdout).toMatch(/Computer model: failed 1 of 5 {2}\[device\.model\]\n {4}Fix: Use a different computer/);
    expect(r.stdout).toContain(sampleCohort()[2]![1].checkId);
    expect(r.stdout).toContain(`${path.join('in', 'cut.json')} is cut off`);
    expect(r.stderr).toContain('5 read, 1 skipped.');
  });

  it('exit 2 with a clear message when no report could be read, or no file was found', async () => {
    const dir = cohortDir();
    const bad = await run(['summarize', 'in/cut.json', 'missing.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('No report could be read: 2 files skipped.');
    expect(bad.stderr).toContain('missing.json could not be read: no such file or folder.');
    writeJson(dir, 'empty/readme.txt', 'no reports here');
    const none = await run(['summarize', 'empty'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no *.json file was found');
  });

  it('exit 2 for a usage error: no path, an unknown format, an unknown exam', async () => {
    const dir = cohortDir();
    expect((await run(['summarize'], dir)).code).toBe(2);
    expect((await run(['summarize', 'in', '--format', 'xlsx'], dir)).code).toBe(2);
    const r = await run(['summarize', 'in', '--profile', 'no-such-exam'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown profile "no-such-exam"');
  });

  it('html to a file: the self-contained dashboard, in Spanish with --lang es', async () => {
    const dir = cohortDir();
    const r = await run(['summarize', 'in', '--format', 'html', '--out', 'cohort.html', '--lang', 'es'], dir);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(dir, 'cohort.html'), 'utf8');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Panel de preparación del grupo');
    expect(html).not.toContain('<script');
    expect(r.stderr).toContain('cohort.html');
  });

  it('json: the summary for scripts, re-evaluated against one exam with --profile', async () => {
    const dir = cohortDir();
    const r = await run(['summarize', 'in', '--format', 'json', '--profile', 'mitx-pom-final'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ format: 'exam-preflight-cohort', reports: 5, skipped: 1, reevaluatedAgainst: { id: 'mitx-pom-final' } });
    expect(j.breakdowns.exam.rows.map((x: { label: string }) => x.label)).toEqual(['mitx-pom-final']);
  });

  it('ndjson: one flat row per report × check, streamed to --out; skipped files said on stderr', async () => {
    const dir = cohortDir();
    const r = await run(['summarize', 'in', '--format', 'ndjson', '--out', 'cohort.ndjson'], dir);
    expect(r.code).toBe(0);
    const rows = readFileSync(path.join(dir, 'cohort.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(sampleCohort().reduce((n, [, rep]) => n + rep.results.length, 0));
    expect(Object.keys(rows[0])).toEqual([...ROW_COLUMNS]);
    expect(rows.filter((x) => x.check_key === 'device.model' && x.status === 'fail').map((x) => x.file)).toEqual([path.join('in', 'surface.json')]);
    expect(r.stderr).toContain('cut.json is cut off');
    // the temp file was renamed into place
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('csv: a header and one quoted row per report × check; nothing written when no report was read', async () => {
    const dir = cohortDir();
    const r = await run(['summarize', 'in', '--format', 'csv'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(ROW_COLUMNS.join(','));
    expect(lines.filter((l) => l.includes(',device.model,')).length).toBe(5);
    const none = await run(['summarize', 'in/cut.json', '--format', 'csv', '--out', 'x.csv'], dir);
    expect(none.code).toBe(2);
    expect(existsSync(path.join(dir, 'x.csv'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is in the help', async () => {
    const r = await run(['--help'], os.tmpdir());
    expect(r.stdout).toMatch(/summarize \[options\] <paths\.\.\.>/);
    const h = await run(['summarize', '--help'], os.tmpdir());
    expect(h.stdout).toContain('--format <format>');
    expect(h.stdout).toContain('"ndjson"');
  });
});

describe('the built bin', () => {
  it('summarize piped into a reader that stops early ends quietly (no EPIPE trace)', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    execFileSync(process.execPath, ['scripts/build-node.mjs']);
    const dir = cohortDir();
    // `| head -c 100`: the shell closes the pipe after 100 bytes while rows are still being written
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" bin/exam-preflight.cjs summarize "${path.join(dir, 'in')}" "${path.join(dir, 'in')}" "${path.join(dir, 'in')}" --format ndjson | head -c 100 >/dev/null; echo "status=\${PIPESTATUS:-done}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    const exit = spawnSync(process.execPath, ['bin/exam-preflight.cjs', 'summarize', path.join(dir, 'in'), '--format', 'json'], { encoding: 'utf8' });
    expect(exit.status).toBe(0);
    expect(JSON.parse(exit.stdout).reports).toBe(5);
  }, 60_000);
});
