// Issue 28 item 1: `check --log FILE` is opened like `--out` — no symlink followed, no device or
// FIFO unless the admin named /dev/stderr or /dev/stdout, a bounded wait — and a log that cannot be
// written is one line and exit 2 while the report is still written. The suite runs as root here: a
// temp folder stands in for the system files a learner's link would point at.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, openSync, closeSync, constants, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appendToFile, LogFileError } from '../../../electron/storage/append-file';
import { createFileLogger } from '../../../electron/log/logger';
import { machines } from '../../fixtures/facts/machines';
import { runInProcess } from '../cli/in-process';
import { tmpDir } from './helpers';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n';

/** a stand-in for /etc/passwd and a learner-writable folder beside it */
function stage() {
  const dir = tmpDir('log-attack');
  const etc = path.join(dir, 'etc');
  execFileSync('mkdir', ['-p', etc, path.join(dir, 'shared')]);
  const passwd = path.join(etc, 'passwd');
  writeFileSync(passwd, PASSWD);
  return { dir, passwd, shared: path.join(dir, 'shared') };
}

const check = (cwd: string, log: string) =>
  runInProcess(['check', '--profile', 'mitx-sds-capstone', '--format', 'json', '--log', log], { cwd, facts: machines.probeTimeouts() });

/** the report was still written on stdout, and stderr is one line without a stack trace */
function expectReportAndOneLine(r: { code: number; stdout: string; stderr: string }, words: RegExp) {
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stdout).profile.id).toBe('mitx-sds-capstone');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(words);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('check --log FILE never writes through a link', () => {
  it('a learner symlink at the log path to a system file: refused, the file untouched, the report written', async () => {
    const { passwd, shared } = stage();
    symlinkSync(passwd, path.join(shared, 'check.log'));
    const r = await check(shared, 'check.log');
    expectReportAndOneLine(r, /check\.log.*symbolic link/);
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
  });

  it('a dangling symlink does not create its target', async () => {
    const { dir, shared } = stage();
    const target = path.join(dir, 'etc', 'cron.d-job');
    symlinkSync(target, path.join(shared, 'check.log'));
    expectReportAndOneLine(await check(shared, 'check.log'), /symbolic link/);
    expect(existsSync(target)).toBe(false);
  });

  it('a hard link to a system file is refused (the other name may be anywhere)', async () => {
    const { passwd, shared } = stage();
    linkSync(passwd, path.join(shared, 'check.log'));
    expectReportAndOneLine(await check(shared, 'check.log'), /hard links/);
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
  });

  it('a link planted at the archive name is replaced on rotation, never written through', async () => {
    const { passwd, shared } = stage();
    const file = path.join(shared, 'main.log');
    writeFileSync(file, 'x'.repeat(1024 * 1024));
    symlinkSync(passwd, path.join(shared, 'main.old.log'));
    const log = await createFileLogger(file, {});
    log.log('info', 'after-rotation');
    await log.flush();
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
    expect(lstatSync(path.join(shared, 'main.old.log')).isSymbolicLink()).toBe(false);
    expect(readFileSync(file, 'utf8')).toMatch(/after-rotation/);
  });
});

describe('check --log FILE on devices and pipes', () => {
  it('/dev/full: one clear line, exit 2, no stack trace; the report is still written', async () => {
    expectReportAndOneLine(await check(tmpDir('log-full'), '/dev/full'), /\/dev\/full.*not a regular file/);
  });

  it('/dev/null is a device too: refused, not turned into a file', async () => {
    expectReportAndOneLine(await check(tmpDir('log-null'), '/dev/null'), /\/dev\/null/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a FIFO nobody reads does not hang the check, and the report is written', async () => {
    const dir = tmpDir('log-fifo');
    execFileSync('mkfifo', [path.join(dir, 'check.log')]);
    expectReportAndOneLine(await check(dir, 'check.log'), /pipe/);
  });

  it('a FIFO someone reads is refused as well (a log is a regular file)', async () => {
    const dir = tmpDir('log-fifo-read');
    const fifo = path.join(dir, 'check.log');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      expectReportAndOneLine(await check(dir, 'check.log'), /pipe/);
    } finally {
      closeSync(reader);
    }
  });

  it('--log /dev/stderr, named explicitly, writes the log on the command’s own stderr', async () => {
    const r = await check(tmpDir('log-stderr'), '/dev/stderr');
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toMatch(/\[warn\]\s+probe area=\w+ status=timeout/);
    expect(JSON.parse(r.stdout).profile.id).toBe('mitx-sds-capstone');
  });
});

describe('the wait is bounded', () => {
  it('a file system that never answers the open gives a timeout error, not a hang', async () => {
    const never = () => new Promise<never>(() => {});
    const err = await appendToFile('/mnt/hung/check.log', 'x\n', 1024, { open: never, mkdir: async () => undefined, deadlineMs: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogFileError);
    expect((err as LogFileError).problem).toBe('timeout');
  });
});
