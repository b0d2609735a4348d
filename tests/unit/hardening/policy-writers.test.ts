// Issue 28 item 10: who can write the machine-wide policy. A Windows policy.json that Domain Users,
// a named account or a user's SID can write is not "admins-only"; a Linux policy.json in a
// world-writable or user-owned folder is flagged; an admin policy anyone can edit is refused with
// the reason, and the app falls back to no lock (a mode-666 file too).
//
// The icacls outputs are in icacls' real layout (the path, then one "principal:(flags)(rights)" per
// line aligned under the first, then the summary line), built from captured outputs:
//  - PowerShell/Win32-OpenSSH issue #878 (comment by bagajjal, 2017-09-11): `icacls authorized_keys`
//    printing "NT SERVICE\sshd:(R)", "NT AUTHORITY\SYSTEM:(F)", "BUILTIN\Administrators:(F)", and the
//    reporter's extra entry "FOODOM1\REMOTEUSER:(F)" — a named domain account with full control;
//  - support.moonpoint.com/os/windows/commands/icacls.php: `icacls C:\WINDOWS\system32\mmc.exe`
//    printing "NT SERVICE\TrustedInstaller:(F)" and "APPLICATION PACKAGE AUTHORITY\ALL APPLICATION PACKAGES:(RX)";
//  - an account icacls cannot name is printed as its SID with a leading "*" (Microsoft's icacls
//    documentation: "If you use a numerical form, affix the wildcard character * to the beginning of
//    the SID"), e.g. "*S-1-5-21-1-2-3-1001" as in the outputs recorded by the installers' tests found
//    with the search tool; a domain's users group is "<DOMAIN>\Domain Users", as admins grant it
//    (`icacls <dir> /grant "CONTOSO\Domain Users:(OI)(CI)M"`) and icacls lists it back with (I) on files.
import { describe, expect, it } from 'vitest';
import { loadPolicy, readIcacls, type PolicyDeps } from '../../../electron/storage/policy';
import type { Exec } from '../../../electron/inspect/exec';
import { runIn, tmpDir } from './helpers';

const F = 'C:\\ProgramData\\ExamPreflight\\policy.json';
const pad = ' '.repeat(F.length + 1);
const icacls = (...aces: string[]) =>
  `${F} ${aces[0]}\r\n${aces
    .slice(1)
    .map((a) => `${pad}${a}\r\n`)
    .join('')}\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n`;

const ADMINS_ONLY = icacls('NT AUTHORITY\\SYSTEM:(I)(F)', 'BUILTIN\\Administrators:(I)(F)', 'BUILTIN\\Users:(I)(RX)');
const NAMED_ACCOUNT = icacls('FOODOM1\\REMOTEUSER:(F)', 'NT SERVICE\\sshd:(R)', 'NT AUTHORITY\\SYSTEM:(F)', 'BUILTIN\\Administrators:(F)');
const DOMAIN_USERS = icacls('NT AUTHORITY\\SYSTEM:(I)(F)', 'BUILTIN\\Administrators:(I)(F)', 'CONTOSO\\Domain Users:(I)(M)', 'BUILTIN\\Users:(I)(RX)');
const USER_SID = icacls('*S-1-5-21-1-2-3-1001:(F)', '*S-1-5-18:(F)', '*S-1-5-32-544:(F)');
const DOMAIN_USERS_SID = icacls('*S-1-5-18:(I)(F)', '*S-1-5-32-544:(I)(F)', '*S-1-5-21-1004336348-1177238915-682003330-513:(I)(W)');
const SYSTEM_FILE = icacls(
  'NT SERVICE\\TrustedInstaller:(F)',
  'BUILTIN\\Administrators:(RX)',
  'NT AUTHORITY\\SYSTEM:(RX)',
  'BUILTIN\\Users:(RX)',
  'APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES:(RX)',
);
const ADMINS_AND_DOMAIN_ADMINS = icacls('CONTOSO\\Domain Admins:(F)', 'NT AUTHORITY\\SYSTEM:(F)', 'BUILTIN\\Administrators:(F)', 'CONTOSO\\Domain Users:(RX)');
const DENIED_AND_TEMPLATE = icacls('Everyone:(DENY)(W)', 'CREATOR OWNER:(I)(OI)(CI)(IO)(F)', 'NT AUTHORITY\\SYSTEM:(I)(F)', 'BUILTIN\\Administrators:(I)(F)');

describe('icacls: who other than an administrator can change the file', () => {
  it('Domain Users, a named account and a user SID are writers, not "admins-only"', () => {
    expect(readIcacls(NAMED_ACCOUNT, F)).toEqual({ verdict: 'writable', writers: ['FOODOM1\\REMOTEUSER'] });
    expect(readIcacls(DOMAIN_USERS, F)).toEqual({ verdict: 'writable', writers: ['CONTOSO\\Domain Users'] });
    expect(readIcacls(USER_SID, F)).toEqual({ verdict: 'writable', writers: ['*S-1-5-21-1-2-3-1001'] });
    expect(readIcacls(DOMAIN_USERS_SID, F).verdict).toBe('writable');
  });

  it('administrators, SYSTEM, TrustedInstaller and Domain Admins are not; read-only, denied and inherit-only entries do not count', () => {
    expect(readIcacls(ADMINS_ONLY, F).verdict).toBe('admins-only');
    expect(readIcacls(SYSTEM_FILE, F).verdict).toBe('admins-only');
    expect(readIcacls(ADMINS_AND_DOMAIN_ADMINS, F).verdict).toBe('admins-only');
    expect(readIcacls(DENIED_AND_TEMPLATE, F).verdict).toBe('admins-only');
  });
});

const fakeExec =
  (icaclsOut: string): Exec =>
  async (program) =>
    program === 'icacls' ? { ok: true, stdout: icaclsOut, stderr: '' } : { ok: false, stdout: '', stderr: '', failure: 'exit', detail: 'exit 1' };
const LOCK = JSON.stringify({ lockedProfile: 'mitx-sds-capstone' });

describe('an admin policy anyone can edit is refused, with the reason, and nothing is locked', () => {
  const win = (out: string): PolicyDeps => ({ platform: 'win32', env: {}, execDir: 'C:\\EP', readFile: async () => LOCK, exec: fakeExec(out) });

  it('Windows: the writers are named and the lock is not applied', async () => {
    for (const [out, who] of [
      [NAMED_ACCOUNT, 'FOODOM1\\REMOTEUSER'],
      [DOMAIN_USERS, 'CONTOSO\\Domain Users'],
      [USER_SID, '*S-1-5-21-1-2-3-1001'],
    ] as const) {
      const s = await loadPolicy(win(out));
      expect(s.rejected, who).toBe(true);
      expect(s.policy.lockedProfile).toBeNull();
      expect(s.problems.join('\n')).toContain(`${who} can change this file`);
    }
    const ok = await loadPolicy(win(ADMINS_ONLY));
    expect(ok.rejected).toBe(false);
    expect(ok.policy.lockedProfile).toBe('mitx-sds-capstone');
  });

  /** a stand-in file system: mode and owner of each path */
  const linux = (tree: Record<string, { mode: number; uid: number; gid?: number }>): PolicyDeps => ({
    platform: 'linux',
    env: {},
    execDir: '/opt/ep',
    readFile: async (f) => {
      if (f !== '/etc/exam-preflight/policy.json') throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return LOCK;
    },
    stat: async (f) => tree[f] ?? { mode: 0o40755, uid: 0, gid: 0 },
  });
  const FILE = { '/etc/exam-preflight/policy.json': { mode: 0o100644, uid: 0, gid: 0 } };

  it('Linux: a root-owned policy in a world-writable (777) or user-owned folder is refused', async () => {
    const open = await loadPolicy(linux({ ...FILE, '/etc/exam-preflight': { mode: 0o40777, uid: 0, gid: 0 } }));
    expect(open.rejected).toBe(true);
    expect(open.problems[0]).toMatch(/folder \/etc\/exam-preflight can be written by users other than root \(mode 777\)/);
    const owned = await loadPolicy(linux({ ...FILE, '/etc/exam-preflight': { mode: 0o40755, uid: 1000, gid: 1000 } }));
    expect(owned.rejected).toBe(true);
    expect(owned.problems[0]).toMatch(/owned by user id 1000/);
    const groupWritable = await loadPolicy(linux({ ...FILE, '/etc': { mode: 0o40775, uid: 0, gid: 100 } }));
    expect(groupWritable.problems[0]).toMatch(/folder \/etc can be written/);
    expect(groupWritable.policy.lockedProfile).toBeNull();
  });

  it('Linux: a mode-666 file is refused (it was applied with a warning); a sound one is applied', async () => {
    const w = await loadPolicy(linux({ '/etc/exam-preflight/policy.json': { mode: 0o100666, uid: 0, gid: 0 } }));
    expect(w.rejected).toBe(true);
    expect(w.policy.lockedProfile).toBeNull();
    expect(w.problems[0]).toMatch(/mode 666.*not applied/);
    const ok = await loadPolicy(linux(FILE));
    expect(ok.rejected).toBe(false);
    expect(ok.policy.lockedProfile).toBe('mitx-sds-capstone');
  });

  it('the headless check says why and checks the exam it was asked for (no lock)', async () => {
    const r = await runIn(tmpDir('pol-666'), ['check', '--profile', 'mitx-pom-final', '--format', 'json'], {
      loadPolicy: () => loadPolicy(linux({ '/etc/exam-preflight/policy.json': { mode: 0o100666, uid: 0, gid: 0 } })),
    });
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toMatch(/mode 666/);
    expect(r.stderr).not.toMatch(/locks this computer/);
    expect(JSON.parse(r.stdout).profile.id).toBe('mitx-pom-final');
  });
});
