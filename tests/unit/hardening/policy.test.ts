// Issue 13: the policy cannot be dropped by a learner's %ProgramData%, warns when ordinary users can
// change it, never stops the app or the CLI (deep nesting, pipes, /dev/zero, a reader that hangs),
// and `--profile` against a locked exam behaves as docs/admins.md says (the locked one wins).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  loadExtraProfiles,
  loadPolicy,
  loadPolicyBounded,
  parseIcacls,
  parseRegQueryValue,
  realPolicyDeps,
  windowsProgramData,
  type PolicyDeps,
} from '../../../electron/storage/policy';
import type { Exec } from '../../../electron/inspect/exec';
import { readTextFile } from '../../../electron/storage/read-text';
import { runIn, tmpDir, writeIn } from './helpers';

// recorded on Windows 11 23H2 (English)
const REG_PROGRAMDATA =
  '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\r\n    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\ProgramData\r\n\r\n';
const REG_SYSTEMROOT = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    SystemRoot    REG_SZ    D:\\WINDOWS\r\n\r\n';
const ICACLS_ADMIN_ONLY =
  'C:\\ProgramData\\ExamPreflight\\policy.json NT AUTHORITY\\SYSTEM:(I)(F)\r\n                                          BUILTIN\\Administrators:(I)(F)\r\n                                          BUILTIN\\Users:(I)(RX)\r\n\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n';
const ICACLS_USERS_MODIFY =
  'C:\\ProgramData\\ExamPreflight\\policy.json NT AUTHORITY\\SYSTEM:(I)(F)\r\n                                          BUILTIN\\Administrators:(I)(F)\r\n                                          BUILTIN\\Users:(I)(M)\r\n\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n';
const ICACLS_GERMAN =
  'C:\\ProgramData\\ExamPreflight\\policy.json NT-AUTORITÄT\\SYSTEM:(I)(F)\r\n                                          VORDEFINIERT\\Administratoren:(I)(F)\r\n                                          VORDEFINIERT\\Benutzer:(I)(RX)\r\n\r\n1 Dateien erfolgreich verarbeitet, bei 0 Dateien ist ein Verarbeitungsfehler aufgetreten.\r\n';

const fakeExec =
  (answers: Record<string, string | null>): Exec =>
  async (program, args) => {
    const key = `${program} ${args.join(' ')}`;
    const hit = Object.entries(answers).find(([k]) => key.includes(k));
    return hit && hit[1] !== null ? { ok: true, stdout: hit[1], stderr: '' } : { ok: false, stdout: '', stderr: '', failure: 'exit', detail: 'exit 1' };
  };

describe('Windows machine-wide policy path', () => {
  it('parses recorded reg query output', () => {
    expect(parseRegQueryValue(REG_PROGRAMDATA, 'ProgramData')).toBe('%SystemDrive%\\ProgramData');
    expect(parseRegQueryValue(REG_SYSTEMROOT, 'SystemRoot')).toBe('D:\\WINDOWS');
    expect(parseRegQueryValue('ERROR: The system was unable to find the specified registry key or value.', 'ProgramData')).toBeNull();
  });

  it('expands %SystemDrive% from the registry, never from the environment; defaults to C:', async () => {
    expect(await windowsProgramData(fakeExec({ ProfileList: REG_PROGRAMDATA, 'CurrentVersion /v SystemRoot': REG_SYSTEMROOT }))).toBe('D:\\ProgramData');
    expect(await windowsProgramData(fakeExec({ ProfileList: REG_PROGRAMDATA }))).toBe('C:\\ProgramData');
    expect(await windowsProgramData(fakeExec({}))).toBe('C:\\ProgramData');
    expect(await windowsProgramData(fakeExec({ ProfileList: REG_PROGRAMDATA.replace('%SystemDrive%', '%USERPROFILE%') }))).toBe('C:\\ProgramData');
    expect(await windowsProgramData(undefined)).toBe('C:\\ProgramData');
  });

  it('a learner setting %ProgramData% for their process does not move the machine-wide policy', async () => {
    const read: string[] = [];
    const deps: PolicyDeps = {
      platform: 'win32',
      env: { ProgramData: 'E:\\mine', PROGRAMDATA: 'E:\\mine', ALLUSERSPROFILE: 'E:\\mine', SystemDrive: 'E:' },
      execDir: 'C:\\Program Files\\EP',
      exec: fakeExec({ ProfileList: REG_PROGRAMDATA }),
      readFile: async (f) => {
        read.push(f);
        throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      },
    };
    const s = await loadPolicy(deps);
    // (the managed registry key comes first; the file is the first path on disk)
    expect(s.searched.find((p) => p.endsWith('.json'))).toBe('C:\\ProgramData\\ExamPreflight\\policy.json');
    expect(read.join(' ')).not.toContain('E:\\');
  });
});

describe('a machine-wide policy ordinary users can change', () => {
  it('icacls output: admins only, writable by Users, or unknown (a localised Windows)', () => {
    const f = 'C:\\ProgramData\\ExamPreflight\\policy.json';
    expect(parseIcacls(ICACLS_ADMIN_ONLY, f)).toBe('admins-only');
    expect(parseIcacls(ICACLS_USERS_MODIFY, f)).toBe('writable');
    expect(parseIcacls(ICACLS_GERMAN, f)).toBe('unknown');
    expect(parseIcacls(`${f} Everyone:(F)\r\n`, f)).toBe('writable');
  });

  // issue 28 item 10: a policy ordinary users can change is refused (it was applied with a warning)
  it('Windows: refuses a policy icacls shows users can write, warns when it cannot tell', async () => {
    const base = { platform: 'win32' as const, env: {}, execDir: 'C:\\EP', readFile: async () => '{}' };
    const w = await loadPolicy({ ...base, exec: fakeExec({ ProfileList: REG_PROGRAMDATA, icacls: ICACLS_USERS_MODIFY }) });
    expect(w.rejected).toBe(true);
    expect(w.problems.join('\n')).toMatch(/BUILTIN\\Users can change this file .*not applied/);
    const u = await loadPolicy({ ...base, exec: fakeExec({ ProfileList: REG_PROGRAMDATA, icacls: ICACLS_GERMAN }) });
    expect(u.warnings?.[0]).toMatch(/could not tell/);
    const ok = await loadPolicy({ ...base, exec: fakeExec({ ProfileList: REG_PROGRAMDATA, icacls: ICACLS_ADMIN_ONLY }) });
    expect(ok.warnings ?? []).toEqual([]);
  });

  it('POSIX: refuses a group/world-writable file or one not owned by root', async () => {
    const base = { platform: 'linux' as const, env: {}, execDir: '/opt/ep', readFile: async () => '{}' };
    const w = await loadPolicy({ ...base, stat: async () => ({ mode: 0o100666, uid: 0 }) });
    expect(w.rejected).toBe(true);
    expect(w.problems[0]).toMatch(/mode 666/);
    expect((await loadPolicy({ ...base, stat: async () => ({ mode: 0o100644, uid: 1000 }) })).problems[0]).toMatch(/user id 1000/);
    const ok = await loadPolicy({ ...base, stat: async (f) => ({ mode: f.endsWith('.json') ? 0o100644 : 0o40755, uid: 0 }) });
    expect(ok.rejected).toBe(false);
    expect(ok.warnings ?? []).toEqual([]);
  });

  it('the CLI prints the refusal on standard error and still checks', async () => {
    const r = await runIn(tmpDir('pol'), ['check', '--profile', 'mitx-sds-capstone'], {
      loadPolicy: () => loadPolicy({ platform: 'linux', env: {}, execDir: '/x', readFile: async () => '{}', stat: async () => ({ mode: 0o100666, uid: 0 }) }),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/mode 666/);
  });
});

describe('a policy problem never stops the app or the CLI', () => {
  const deep = (n: number) => `{"supportContact":${'['.repeat(n)}${']'.repeat(n)}}`;

  it('a 40 kB deeply nested policy (under its 64 kB cap) is rejected with a clear message; commands still run', async () => {
    const text = deep(20000);
    expect(text.length).toBeLessThan(64 * 1024);
    const s = await loadPolicy({ platform: 'linux', env: {}, execDir: '/x', readFile: async () => text });
    expect(s.rejected).toBe(true);
    expect(s.problems[0]).toMatch(/nested more than 64 levels/);
    const r = await runIn(tmpDir('pol'), ['check', '--profile', 'mitx-sds-capstone'], {
      loadPolicy: () => loadPolicy({ platform: 'linux', env: {}, execDir: '/x', readFile: async () => text }),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/rejected/);
  });

  it('an unexpected error while applying the policy rejects it instead of throwing', async () => {
    const s = await loadPolicy({
      platform: 'linux',
      env: {},
      execDir: '/x',
      readFile: async () => '{"extraProfilesDir":"p"}',
      readDir: async () => {
        throw new TypeError('boom');
      },
    });
    expect(s.rejected).toBe(true);
  });

  it('a policy that never finishes loading is bounded: defaults after the deadline', async () => {
    const started = Date.now();
    const s = await loadPolicyBounded({ platform: 'linux', env: {}, execDir: '/x', readFile: () => new Promise(() => {}) }, 100);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(s.rejected).toBe(true);
    expect(s.policy.lockedProfile).toBeNull();
    expect(s.problems[0]).toMatch(/within 100 ms/);
  });
});

describe('files are checked for type and size before reading', () => {
  it('a named pipe as the policy is refused at once, not waited on', async () => {
    const dir = tmpDir('fifo');
    const fifo = path.join(dir, 'policy.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readTextFile(fifo, 1024)).rejects.toThrow(/not a regular file/);
    const s = await loadPolicy({
      ...realPolicyDeps(dir),
      platform: 'linux',
      readFile: (f) => readTextFile(f.startsWith('/etc/') ? path.join(dir, 'nothing') : f, 1024),
    });
    expect(s.rejected).toBe(true);
    expect(s.problems[0]).toMatch(/not a regular file/);
  }, 5000);

  it('a link to /dev/zero is refused, not read', async () => {
    const dir = tmpDir('zero');
    symlinkSync('/dev/zero', path.join(dir, 'policy.json'));
    await expect(readTextFile(path.join(dir, 'policy.json'), 64 * 1024)).rejects.toThrow(/not a regular file/);
  });

  it('the extra-profiles folder skips a pipe and a /dev/zero link with a problem each', async () => {
    const dir = tmpDir('extra');
    execFileSync('mkfifo', [path.join(dir, 'a.json')]);
    symlinkSync('/dev/zero', path.join(dir, 'b.json'));
    writeFileSync(path.join(dir, 'big.json'), 'x'.repeat(1024 * 1024 + 10));
    const r = await loadExtraProfiles(dir);
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toMatch(/a\.json.*not a regular file/);
    expect(r.problems.join('\n')).toMatch(/big\.json.*too large/);
  }, 5000);

  it('a UTF-16 (PowerShell 5.1) policy and facts file are read', async () => {
    const dir = tmpDir('utf16');
    const bom = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    writeFileSync(path.join(dir, 'policy.json'), bom('{"lockedProfile":"mitx-pom-final"}'));
    const s = await loadPolicy({
      ...realPolicyDeps(dir),
      platform: 'linux',
      readFile: (f) => readTextFile(f.startsWith('/etc/') ? path.join(dir, 'none') : f, 65536),
    });
    expect(s.rejected).toBe(false);
    expect(s.policy.lockedProfile).toBe('mitx-pom-final');
    const report = await runIn(dir, ['check', '--profile', 'mitx-sds-capstone', '--format', 'json']);
    writeFileSync(path.join(dir, 'facts16.json'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(report.stdout, 'utf16le').swap16()]));
    const r = await runIn(dir, ['evaluate', '--facts', 'facts16.json', '--profile', 'mitx-sds-capstone']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('--profile against a locked exam (docs/admins.md: the locked one wins, with a message)', () => {
  it('check --profile other → the locked exam is checked, and stderr says so', async () => {
    const locked = () => loadPolicy({ platform: 'linux', env: {}, execDir: '/x', readFile: async () => '{"lockedProfile":"mitx-pom-final"}' });
    const r = await runIn(tmpDir('lock'), ['check', '--profile', 'mitx-sds-capstone', '--format', 'json'], { loadPolicy: locked });
    expect(JSON.parse(r.stdout).profile.id).toBe('mitx-pom-final');
    expect(r.stderr).toMatch(/locks .*"mitx-pom-final".*not "mitx-sds-capstone"/);
    const same = await runIn(tmpDir('lock'), ['check', '--profile', 'mitx-pom-final', '--format', 'json'], { loadPolicy: locked });
    expect(same.stderr).toBe('');
  });
});

describe('deep nesting in files the CLI and viewer read', () => {
  it('facts and profiles 100 000 levels deep are exit 2 with a clear message, not a stack overflow', async () => {
    const dir = tmpDir('deep');
    const n = 100000;
    writeIn(dir, 'facts.json', `{"schemaVersion":1,"os":${'['.repeat(n)}${']'.repeat(n)}}`);
    writeIn(dir, 'profile.json', `{"id":"x","requirements":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`);
    const f = await runIn(dir, ['evaluate', '--facts', 'facts.json', '--profile', 'mitx-sds-capstone']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/nested more than 64 levels/);
    const p = await runIn(dir, ['evaluate', '--facts', 'facts.json', '--profile', './profile.json']);
    expect(p.code).toBe(2);
    expect(p.stderr).not.toMatch(/Maximum call stack/);
  });

  it('the viewer refuses a deeply nested report with a message', async () => {
    const { openReportText } = await import('../../../electron/handlers/report');
    const n = 100000;
    const r = openReportText(`{"format":"exam-preflight-report","x":${'['.repeat(n)}${']'.repeat(n)}}`, 'deep.json');
    expect(r.ok).toBe(false);
  });
});

void fs;
void mkdirSync;

describe('a UTF-16 report dropped on the viewer', () => {
  it('is named as UTF-16 in the message, not quoted as raw bytes', async () => {
    const { openReportText } = await import('../../../electron/handlers/report');
    // what a browser's File.text() makes of UTF-16 LE bytes with a BOM: U+FFFD twice, then NULs between characters
    const text = '\uFFFD\uFFFD' + [...'{"format":"exam-preflight-report"}'].map((c) => `${c}\u0000`).join('');
    const r = openReportText(text, 'r.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.problem.message.params)).toMatch(/UTF-16/);
  });
});
