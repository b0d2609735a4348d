// Issue 23, "one way to run a command": every command writes --out through the one output writer
// (devices and FIFOs streamed, never replaced), ends with the one table of error kinds, and
// `evaluate` judges a report's network run the way the rest of the app does.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CliIo } from '../../../electron/cli/run';
import { createContext } from '../../../electron/cli/context';
import { ERROR_KINDS, reportError } from '../../../electron/cli/errors';
import { createI18n } from '../../../shared/i18n';
import { InvalidInputError } from '../../../shared/parse-errors';
import { requireProfile, UnknownProfileError } from '../../../shared/profile/load';
import { MessageError } from '../../../shared/errors';
import { msg } from '../../../shared/check';
import { OutputError } from '../../../electron/storage/output';
import { TextFileError } from '../../../electron/storage/read-text';
import { RefusedTargetError } from '../../../electron/network/address';
import { judge } from '../../../shared/pipeline';
import { machines } from '../../fixtures/facts/machines';
import { edxBlocked } from '../../fixtures/network/run';
import { sampleCohort, writeJson } from '../cohort/helpers';
import { runInProcess } from './in-process';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), `preflight-${p}-`));
const run = (argv: string[], cwd: string) => runInProcess(argv, { cwd });
function cohortDir() {
  const dir = tmp('setup');
  for (const [name, r] of sampleCohort()) writeJson(dir, `in/${name}`, r);
  return dir;
}
const noTemp = (dir: string) => expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

afterEach(() => {
  // should a regression replace the machine's /dev/null, put the device back
  if (!lstatSync('/dev/null').isCharacterDevice()) {
    rmSync('/dev/null', { force: true });
    execFileSync('mknod', ['-m', '666', '/dev/null', 'c', '1', '3']);
  }
});

describe('--out: every command through the one output writer', () => {
  const isRoot = process.getuid?.() === 0;
  const commands: Array<[string, string[]]> = [
    ['summarize text', ['summarize', 'in']],
    ['summarize csv', ['summarize', 'in', '--format', 'csv']],
    ['summarize ndjson', ['summarize', 'in', '--format', 'ndjson']],
    ['check', ['check', '--profile', 'mitx-sds-capstone', '--format', 'json']],
    ['evaluate', ['evaluate', '--facts', 'in/good.json', '--profile', 'mitx-sds-capstone']],
    ['profiles', ['profiles']],
    ['profile explain', ['profile', 'explain', 'mitx-pom-final']],
    ['schema', ['schema', 'report']],
  ];
  // as root (these tests' machine) a replaced /dev/null would succeed: that is the regression caught
  it.each(commands)('%s --out /dev/null leaves /dev/null a character device', async (_name, argv) => {
    const dir = cohortDir();
    const r = await run([...argv, '--out', '/dev/null'], dir);
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(r.stdout).toBe('');
    noTemp(dir);
  });

  it('summarize --format ndjson --out <FIFO>: the reader gets the rows, the FIFO stays a FIFO', async () => {
    const dir = cohortDir();
    const fifo = path.join(dir, 'rows');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((ok) => reader.on('close', ok));
    // a failing writer would leave the reader waiting: it is ended either way
    const r = await run(['summarize', 'in', '--format', 'ndjson', '--out', fifo], dir).finally(() => setTimeout(() => reader.kill(), 2000).unref());
    await closed;
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const rows = got
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    expect(rows).toHaveLength(sampleCohort().reduce((n, [, rep]) => n + rep.results.length, 0));
    expect(new Set(rows.map((x) => path.basename(x.file)))).toEqual(new Set(sampleCohort().map(([n]) => n)));
  });

  it.runIf(isRoot)('summarize --format csv --out a full device: exit 2, one line, no temp file', async () => {
    const dir = cohortDir();
    const full = path.join(dir, 'full');
    execFileSync('mknod', ['-m', '666', full, 'c', '1', '7']);
    const r = await run(['summarize', 'in', '--format', 'csv', '--out', full], dir);
    expect(r.code).toBe(2);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    expect(r.stderr.split('\n').filter((l) => /full/i.test(l))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/ENOSPC|\n\s+at /);
    noTemp(dir);
  });

  it('a regular file is replaced whole: summarize html over an old file, never half written', async () => {
    const dir = cohortDir();
    writeFileSync(path.join(dir, 'cohort.html'), 'old');
    const r = await run(['summarize', 'in', '--format', 'html', '--out', 'cohort.html'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'cohort.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(r.stderr).toContain('Written to cohort.html');
    noTemp(dir);
  });
});

describe('the table of error kinds', () => {
  const ctxFor = (debug: boolean) => {
    let stderr = '';
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: '/' };
    const ctx = createContext(io, createI18n('en'), 'en', { debug, appVersion: '0' });
    return { ctx, stderr: () => stderr };
  };
  const unknown = (() => {
    try {
      requireProfile('mitx-nope');
    } catch (err) {
      return err as UnknownProfileError;
    }
    throw new Error('requireProfile accepted an unknown id');
  })();
  const cases: Array<[string, Error, number, RegExp]> = [
    [
      'bad input',
      new InvalidInputError([{ file: 'facts.json', path: 'os.version', message: 'expected string' }]),
      2,
      /facts\.json:os\.version: expected string/,
    ],
    ['--out', new OutputError('/x/y', 'is-folder'), 2, /\/x\/y/],
    ['a file that cannot be read', new TextFileError('not-regular', 'is not a regular file', 'in.json'), 2, /in\.json: is not a regular file/],
    ['an unknown profile', unknown, 2, /--profile: unknown profile "mitx-nope" \(known: mitx-sds-capstone/],
    ['a refused network target', new RefusedTargetError('localhost is this computer'), 2, /localhost is this computer/],
    ['a message error', new MessageError(msg('errors:diskFull'), 'disk full'), 3, /Internal error: .*(disk|space)/i],
    ['anything else', new TypeError('x is undefined'), 3, /Internal error: x is undefined/],
  ];
  it.each(cases)('%s: its exit code and words, the stack only with --debug', (_n, err, exit, words) => {
    const plain = ctxFor(false);
    expect(reportError(err, plain.ctx)).toBe(exit);
    expect(plain.stderr()).toMatch(words);
    expect(plain.stderr()).not.toMatch(/\n\s+at /);
    const debug = ctxFor(true);
    expect(reportError(err, debug.ctx)).toBe(exit);
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });

  it('a subclass is matched before its parent (an unknown profile is bad input, not a message error)', () => {
    const at = (k: unknown) => ERROR_KINDS.findIndex((r) => r.kind === k);
    expect(at(UnknownProfileError)).toBeGreaterThanOrEqual(0);
    expect(at(UnknownProfileError)).toBeLessThan(at(MessageError));
  });

  it('bad input from the command line: exit 2 naming the file, no stack unless --debug', async () => {
    const dir = tmp('setup');
    writeFileSync(path.join(dir, 'facts.json'), '{"format": 3,');
    const r = await run(['evaluate', '--facts', 'facts.json', '--profile', 'mitx-pom-final'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Invalid input:\nfacts\.json: not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const d = await run(['evaluate', '--facts', 'facts.json', '--profile', 'mitx-pom-final', '--debug'], dir);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/\n\s+at /);
  });
});

describe('evaluate --facts <report>', () => {
  it("judges the network run the report carries, as the pipeline's judge does", async () => {
    const dir = tmp('setup');
    const first = await run(['check', '--profile', 'mitx-pom-final', '--format', 'json', '--out', 'report.json'], dir);
    expect(first.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.network).toBeNull();
    report.network = edxBlocked();
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
    const again = await run(['evaluate', '--facts', 'report.json', '--profile', 'mitx-pom-final', '--format', 'json'], dir);
    const re = JSON.parse(again.stdout);
    const expected = judge(requireProfile('mitx-pom-final'), { facts: machines.good(), network: edxBlocked() });
    expect(re.results.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(expected.results.map((r) => [r.id, r.status]));
    expect(re.results.some((r: { id: string; status: string }) => r.id.startsWith('network.') && r.status === 'fail')).toBe(true);
    expect([again.code, re.verdict]).toEqual([1, expected.verdict]);
    expect(re.network).toMatchObject({ outcome: 'complete' });
  });

  it('a bare facts file has no network run', async () => {
    const dir = tmp('setup');
    writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(machines.good()));
    const r = await run(['evaluate', '--facts', 'facts.json', '--profile', 'mitx-pom-final', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).network).toBeNull();
  });
});
