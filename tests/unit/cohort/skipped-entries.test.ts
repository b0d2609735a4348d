// Issue 28 (item 12): summarize quoted 10 characters of a file reached through a link out of the
// folder, and left out a FIFO or a /dev/zero link named *.json without listing it. Every entry named
// like a report that is not counted is listed with its reason; a link leaving the folder is read
// only with followLinks (--follow-links); a file that is not a report is never quoted. A temp folder
// stands in for the system files the links would reach.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeFiles } from '../../../electron/cohort/summarize';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';
import { tmpDir } from '../hardening/helpers';
import { makeReport, writeJson } from './helpers';
import { runInProcess } from '../cli/in-process';

const posix = process.platform !== 'win32';
const SECRET = 'root:x:0:0:root:/root:/bin/bash\nlearner:$6$secrethash:19000:0:99999:7:::\n';

function labWithTraps() {
  const outside = tmpDir('cohort-outside');
  const secret = path.join(outside, 'shadow');
  writeFileSync(secret, SECRET);
  writeJson(outside, 'report-elsewhere.json', makeReport(machines.good()));
  const dir = tmpDir('cohort-traps');
  writeJson(dir, 'lab/a.json', makeReport(machines.good()));
  symlinkSync(path.join(dir, 'lab', 'a.json'), path.join(dir, 'lab', 'b-inside-link.json'));
  symlinkSync(secret, path.join(dir, 'lab', 'c-shadow.json'));
  symlinkSync(path.join(outside, 'report-elsewhere.json'), path.join(dir, 'lab', 'd-outside-report.json'));
  symlinkSync('/dev/zero', path.join(dir, 'lab', 'e-zero.json'));
  execFileSync('mkfifo', [path.join(dir, 'lab', 'f-fifo.json')]);
  symlinkSync(path.join(dir, 'lab', 'gone.json'), path.join(dir, 'lab', 'g-dangling.json'));
  return dir;
}

const everyText = (s: Awaited<ReturnType<typeof summarizeFiles>>) => {
  const en = createI18n('en');
  return JSON.stringify(s) + s.skippedFiles.map((f) => renderMsg(en, f.message)).join('\n');
};

describe.runIf(posix)('entries a walk must not read (issue 28)', () => {
  it('lists the pipe, the device, the links leaving the folder and the dangling link, each with its reason, and reads none of them', async () => {
    const dir = labWithTraps();
    const s = await summarizeFiles(['lab'], { cwd: dir });
    expect(s.reports).toBe(2); // a.json and the link to it inside the folder
    expect(s.skippedFiles.map((f) => [path.basename(f.file), f.kind])).toEqual([
      ['c-shadow.json', 'link-outside'],
      ['d-outside-report.json', 'link-outside'],
      ['e-zero.json', 'link-outside'],
      ['f-fifo.json', 'not-regular'],
      ['g-dangling.json', 'unreadable'],
    ]);
    expect(everyText(s)).not.toMatch(/root:x|secrethash|learner/);
    expect(renderMsg(createI18n('en'), s.skippedFiles[0]!.message)).toMatch(/--follow-links/);
  });

  it('with followLinks, reads a report a link leads to outside the folder, but still never a device or pipe, and quotes nothing of a non-report', async () => {
    const dir = labWithTraps();
    const s = await summarizeFiles(['lab'], { cwd: dir, followLinks: true });
    expect(s.reports).toBe(3);
    expect(Object.fromEntries(s.skippedFiles.map((f) => [path.basename(f.file), f.kind]))).toEqual({
      'c-shadow.json': 'not-json',
      'e-zero.json': 'not-regular',
      'f-fifo.json': 'not-regular',
      'g-dangling.json': 'unreadable',
    });
    expect(everyText(s)).not.toMatch(/root|secrethash|learner/);
  });

  it('a pipe or device named on the command line is listed, not opened', async () => {
    const dir = tmpDir('cohort-named');
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    const s = await summarizeFiles(['pipe.json', '/dev/zero', '/dev/null'], { cwd: dir });
    expect(Object.fromEntries(s.skippedFiles.map((f) => [f.file, f.kind]))).toEqual({
      'pipe.json': 'not-regular',
      '/dev/zero': 'not-regular',
      '/dev/null': 'not-regular',
    });
  });

  it('a folder reached by a link named on the command line is walked; links inside it are judged against where it really is', async () => {
    const dir = labWithTraps();
    symlinkSync(path.join(dir, 'lab'), path.join(dir, 'lab-link'));
    const s = await summarizeFiles(['lab-link'], { cwd: dir });
    expect(s.reports).toBe(2);
    expect(s.skippedFiles.filter((f) => f.kind === 'link-outside')).toHaveLength(3);
  });
});

describe.runIf(posix)('exam-preflight summarize --follow-links', () => {
  it('without the flag, the links leaving the folder are listed on stderr; with it, the report behind one is counted', async () => {
    const dir = labWithTraps();
    const plain = await runInProcess(['summarize', 'lab', '--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).reports).toBe(2);
    expect(plain.stdout + plain.stderr).not.toMatch(/root:x|secrethash/);
    const followed = await runInProcess(['summarize', 'lab', '--format', 'json', '--follow-links'], { cwd: dir });
    expect(JSON.parse(followed.stdout).reports).toBe(3);
    expect(followed.stdout + followed.stderr).not.toMatch(/root:x|secrethash/);
  });
});

describe('a file that is not JSON is named, never quoted', () => {
  it('says where JSON.parse stopped, without the text it saw', async () => {
    const dir = tmpDir('cohort-quote');
    writeFileSync(path.join(dir, 'passwd.json'), SECRET);
    const s = await summarizeFiles(['.'], { cwd: dir });
    expect(s.skippedFiles.map((f) => f.kind)).toEqual(['not-json']);
    expect(everyText(s)).not.toMatch(/root|secrethash/);
    expect(renderMsg(createI18n('en'), s.skippedFiles[0]!.message)).toMatch(/unexpected character/);
  });
});
