// Issue 13: `--out` replaces only regular files (or creates one) atomically; devices and pipes are
// written as a stream; directories, read-only places and full disks are exit 2 with one line.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { runIn, tmpDir } from './helpers';
import { isOwnStream, writeOutput } from '../../../electron/storage/output';

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

  it('a regular file is still replaced atomically', async () => {
    const cwd = tmpDir('out');
    writeFileSync(path.join(cwd, 'old.json'), 'old');
    expect((await check('old.json', cwd)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, 'old.json'), 'utf8')).format).toBe('exam-preflight-report');
    noTemp(cwd);
  });

  it.runIf(process.platform === 'linux')('the command’s own streams (OS links like /dev/stdout, /proc/self/fd/N) are still written to', async () => {
    // a file the test holds open stands in for a shell's `> out.json` behind /dev/stdout
    const cwd = tmpDir('out');
    const held = path.join(cwd, 'held.json');
    const fd = openSync(held, 'w');
    try {
      const r = await check(`/proc/self/fd/${fd}`, cwd);
      expect(r.code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(JSON.parse(readFileSync(held, 'utf8')).format).toBe('exam-preflight-report');
    noTemp(cwd);
  });
});

// Issue 28 (the --log fix's leftover): `--out` followed a link to a regular file, so a learner's link
// made a root-run `check --out FILE` replace any file. A temp folder stands in for /etc.
describe('--out never writes through a link', () => {
  const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n';
  const stage = () => {
    const dir = tmpDir('out-attack');
    mkdirSync(path.join(dir, 'etc'));
    mkdirSync(path.join(dir, 'shared'));
    const passwd = path.join(dir, 'etc', 'passwd');
    writeFileSync(passwd, PASSWD);
    return { dir, passwd, shared: path.join(dir, 'shared') };
  };
  const oneLine = (r: { code: number; stderr: string }, words: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(words);
    expect(r.stderr).not.toMatch(/ELOOP|\n\s+at |Internal/);
  };

  it('a symlink to a system file: exit 2 with one line, the file and the link unchanged', async () => {
    const { passwd, shared } = stage();
    symlinkSync(passwd, path.join(shared, 'report.json'));
    oneLine(await check('report.json', shared), /report\.json.*symbolic link/);
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
    expect(lstatSync(path.join(shared, 'report.json')).isSymbolicLink()).toBe(true);
    noTemp(shared);
  });

  it('a dangling symlink does not create its target', async () => {
    const { dir, shared } = stage();
    const target = path.join(dir, 'etc', 'cron.d-job');
    symlinkSync(target, path.join(shared, 'report.json'));
    oneLine(await check('report.json', shared), /symbolic link/);
    expect(existsSync(target)).toBe(false);
  });

  it('a symlink to a device is refused too (only the OS’s own stream links are followed)', async () => {
    const { shared } = stage();
    symlinkSync('/dev/null', path.join(shared, 'report.json'));
    oneLine(await check('report.json', shared), /symbolic link/);
  });

  it.runIf(isRoot)('as root, a hard link to a system file is refused (the other name may be anywhere)', async () => {
    const { passwd, shared } = stage();
    linkSync(passwd, path.join(shared, 'report.json'));
    oneLine(await check('report.json', shared), /hard links/);
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
    expect(statSync(passwd).nlink).toBe(2);
  });

  it('in Spanish and Portuguese the refusal is in that language', async () => {
    const { shared } = stage();
    symlinkSync('elsewhere', path.join(shared, 'r.json'));
    const es = await runIn(shared, ['check', '--profile', 'mitx-sds-capstone', '--lang', 'es', '--out', 'r.json']);
    oneLine(es, /enlace simbólico/);
    const pt = await runIn(shared, ['check', '--profile', 'mitx-sds-capstone', '--lang', 'pt', '--out', 'r.json']);
    oneLine(pt, /link simbólico/);
  });

  it('summarize --out refuses a link the same way', async () => {
    const { passwd, shared } = stage();
    symlinkSync(passwd, path.join(shared, 'cohort.csv'));
    oneLine(await runIn(shared, ['summarize', shared, '--format', 'csv', '--out', 'cohort.csv']), /symbolic link/);
    expect(readFileSync(passwd, 'utf8')).toBe(PASSWD);
  });
});

describe('openOutput', () => {
  it('a hard-linked file is replaced when not running as root, refused as root', async () => {
    const dir = tmpDir('out-hard');
    const a = path.join(dir, 'a.json');
    writeFileSync(a, 'old');
    linkSync(a, path.join(dir, 'b.json'));
    await expect(writeOutput(path.join(dir, 'b.json'), 'new', { privileged: true })).rejects.toMatchObject({ problem: 'hard-link' });
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('old');
    await writeOutput(path.join(dir, 'b.json'), 'new', { privileged: false });
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('new');
    // replaced, not written through: the other name keeps its content
    expect(readFileSync(a, 'utf8')).toBe('old');
    noTemp(dir);
  });

  it('only the OS’s stream names count as the command’s own streams, and never on Windows', () => {
    expect(['/dev/stdout', '/dev/stderr', '/dev/fd/63', '/proc/self/fd/1'].map((f) => isOwnStream(f, 'linux'))).toEqual([true, true, true, true]);
    expect(['/dev/stdout.json', '/tmp/dev/stdout', '/dev/fd/../../etc/passwd', '/dev/null'].map((f) => isOwnStream(f, 'linux'))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isOwnStream('/dev/stdout', 'win32')).toBe(false);
  });
});
