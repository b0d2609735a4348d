// Issue 13: `--out` replaces only regular files (or creates one) atomically; devices and pipes are
// written as a stream; directories, read-only places and full disks are exit 2 with one line.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runIn, tmpDir } from './helpers';

const check = (out: string, cwd: string) => runIn(cwd, ['check', '--profile', 'mitx-sds-capstone', '--format', 'json', '--out', out]);
const noTemp = (dir: string) => expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

// Before the fix these tests turned the machine's /dev/null into a file: the devices are recreated
// (the same kernel devices, 1:3 and 1:7) in a temp folder, and the one test on the real /dev/null
// puts it back should a regression replace it.
const device = (cwd: string, name: string, minor: number) => {
  const file = path.join(cwd, name);
  execFileSync('mknod', ['-m', '666', file, 'c', '1', String(minor)]);
  return file;
};
/** `check --out` onto a fresh device of that kind: afterwards it is still a device, with no temp file beside it */
const checkIntoDevice = async (name: string, minor: number) => {
  const cwd = tmpDir('out');
  const dev = device(cwd, name, minor);
  const r = await check(dev, cwd);
  expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  noTemp(cwd);
  return r;
};
const isRoot = process.getuid?.() === 0;
afterEach(() => {
  if (!lstatSync('/dev/null').isCharacterDevice()) {
    rmSync('/dev/null', { force: true });
    execFileSync('mknod', ['-m', '666', '/dev/null', 'c', '1', '3']);
  }
});

describe('--out', () => {
  it.runIf(isRoot)('a null device stays a character device (written as a stream), exit as usual', async () => {
    const r = await checkIntoDevice('null', 3);
    expect(r.code).toBe(0);
  });

  it('the real /dev/null stays a character device', async () => {
    const r = await check('/dev/null', tmpDir('out'));
    expect(r.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').mode & 0o777).toBe(0o666);
  });

  it.runIf(isRoot)('a full device (disk full) is exit 2 with a one-line message, no raw errno', async () => {
    const r = await checkIntoDevice('full', 7);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/full: .*disk is full/i);
    expect(r.stderr).not.toMatch(/ENOSPC|errno|Internal/);
  });

  it('a named pipe is written to, not replaced: its reader gets the report', async () => {
    const cwd = tmpDir('out');
    const fifo = path.join(cwd, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((res) => reader.on('close', res));
    const r = await check(fifo, cwd);
    await done;
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(got).format).toBe('exam-preflight-report');
  });

  it('a directory is exit 2 with one line, and nothing left behind', async () => {
    const cwd = tmpDir('out');
    mkdirSync(path.join(cwd, 'folder'));
    const r = await check('folder', cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/folder: .*folder/i);
    noTemp(cwd);
    noTemp(path.join(cwd, 'folder'));
  });

  it('a place that cannot be written (a path below a file) is exit 2 with one line', async () => {
    const cwd = tmpDir('out');
    writeFileSync(path.join(cwd, 'plain'), 'x');
    const r = await check('plain/report.json', cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/ENOTDIR|EEXIST|Internal/);
    noTemp(cwd);
  });

  it('a place where no file can be created is exit 2 with one line', async () => {
    // /proc refuses new files even for root (there is no read-only mount or chattr to use here)
    const r = await check('/proc/exam-preflight-report.json', tmpDir('out'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no file can be created/);
  });

  it('a regular file is still replaced atomically, and a symlink to one keeps being a link', async () => {
    const cwd = tmpDir('out');
    writeFileSync(path.join(cwd, 'old.json'), 'old');
    symlinkSync('old.json', path.join(cwd, 'link.json'));
    expect((await check('link.json', cwd)).code).toBe(0);
    expect(lstatSync(path.join(cwd, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(cwd, 'old.json'), 'utf8')).format).toBe('exam-preflight-report');
    noTemp(cwd);
  });
});
