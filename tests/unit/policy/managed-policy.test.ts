// Policy where admins put policy: Windows Group Policy registry values and macOS managed preferences,
// from recorded reg.exe / plutil output, and their precedence over policy.json.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPolicy, type PolicyDeps } from '../../../electron/storage/policy';
import { MAC_MANAGED_PLIST, parseRegQuery, policyFromRegistry, WINDOWS_POLICY_KEY } from '../../../electron/storage/managed-policy';
import type { ExecResult } from '../../../electron/inspect/exec';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/policy', name), 'utf8');
const REG_EN = fixture('reg-query-en.txt');
const PLUTIL = fixture('plutil-managed.json');
const notFound = (detail: string): ExecResult => ({ ok: false, stdout: '', stderr: detail, failure: 'exit', detail: 'reg exited with status 1' });

function deps(
  platform: NodeJS.Platform,
  opts: { reg?: ExecResult; plutil?: ExecResult; files?: Record<string, string>; plist?: boolean },
): PolicyDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    platform,
    env: { ProgramData: 'C:\\ProgramData' },
    execDir: platform === 'win32' ? 'C:\\Program Files\\Exam Preflight' : '/Applications/Exam Preflight.app/Contents/MacOS',
    readFile: async (f) => {
      if (opts.files?.[f] !== undefined) return opts.files[f]!;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    readDir: async () => [],
    exists: async (f) => f === MAC_MANAGED_PLIST && Boolean(opts.plist),
    exec: async (program, args) => {
      calls.push(`${program} ${args.join(' ')}`);
      if (program === 'reg') return opts.reg ?? notFound('ERROR: The system was unable to find the specified registry key or value.');
      return opts.plutil ?? { ok: false, stdout: '', stderr: '', failure: 'not-found' };
    },
  };
}

describe('Windows: HKLM\\SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight', () => {
  it('parses reg query output: names, types, data (CRLF, 4-space columns, a UNC path)', () => {
    const v = parseRegQuery(REG_EN);
    expect(v).toMatchObject({
      LockedProfile: { type: 'REG_SZ', data: 'mitx-pom-final' },
      HideMockExam: { type: 'REG_DWORD', data: '0x1' },
      ExtraProfilesDir: { type: 'REG_EXPAND_SZ', data: '\\\\fileserver\\exams\\profiles' },
    });
    expect(Object.keys(v)).toHaveLength(7);
  });
  it('the registry policy is in force and wins over a policy.json on the same machine', async () => {
    const d = deps('win32', {
      reg: { ok: true, stdout: REG_EN, stderr: '' },
      files: { 'C:\\ProgramData\\ExamPreflight\\policy.json': '{"lockedProfile":"mitx-sds-ml"}' },
    });
    const p = await loadPolicy(d);
    expect(p.rejected).toBe(false);
    expect(p.source).toBe(WINDOWS_POLICY_KEY);
    expect(p.policy).toMatchObject({
      lockedProfile: 'mitx-pom-final',
      hideMockExam: true,
      networkChecks: false,
      updateChecks: false,
      supportContact: { name: 'Campus IT help desk', email: 'helpdesk@example.edu' },
      extraProfilesDir: '\\\\fileserver\\exams\\profiles',
    });
    expect(p.searched[0]).toBe(WINDOWS_POLICY_KEY);
    expect(d.calls).toContain(`reg query ${WINDOWS_POLICY_KEY}`);
  });
  it('no key (reg exits 1, message in the Windows language): the policy.json is used', async () => {
    const p = await loadPolicy(
      deps('win32', {
        reg: notFound('ERROR: El sistema no puede encontrar la clave o el valor del Registro especificados.'),
        files: { 'C:\\ProgramData\\ExamPreflight\\policy.json': '{"lockedProfile":"mitx-sds-ml"}' },
      }),
    );
    expect(p.source).toBe('C:\\ProgramData\\ExamPreflight\\policy.json');
    expect(p.policy.lockedProfile).toBe('mitx-sds-ml');
  });
  it('a wrong value rejects the registry policy (safe defaults, problem named) — never a fall back to a learner-writable file', async () => {
    const bad = REG_EN.replace('HideMockExam    REG_DWORD    0x1', 'HideMockExam    REG_SZ    yes');
    const p = await loadPolicy(
      deps('win32', { reg: { ok: true, stdout: bad, stderr: '' }, files: { 'C:\\Program Files\\Exam Preflight\\policy.json': '{}' } }),
    );
    expect(p.rejected).toBe(true);
    expect(p.source).toBe(WINDOWS_POLICY_KEY);
    expect(p.problems.join('\n')).toMatch(/HideMockExam.*REG_DWORD of 0 or 1/);
    expect(p.policy.lockedProfile).toBeNull();
  });
  it('unknown value names and relative folders are problems', () => {
    expect(policyFromRegistry({ LockProfile: { type: 'REG_SZ', data: 'x' } }).problems[0]!.message).toMatch(/unknown policy value/);
  });
  it('a relative ExtraProfilesDir is refused (no folder to resolve it against)', async () => {
    const p = await loadPolicy(deps('win32', { reg: { ok: true, stdout: REG_EN.replace('\\\\fileserver\\exams\\profiles', 'profiles'), stderr: '' } }));
    expect(p.rejected).toBe(true);
    expect(p.problems.join('\n')).toMatch(/extraProfilesDir: a full folder path/);
  });
});

describe('macOS: /Library/Managed Preferences/org.exampreflight.app.plist', () => {
  it('the configuration profile’s settings are in force (its Payload keys ignored) and win over the file', async () => {
    const d = deps('darwin', {
      plist: true,
      plutil: { ok: true, stdout: PLUTIL, stderr: '' },
      files: { '/Library/Application Support/ExamPreflight/policy.json': '{"lockedProfile":"mitx-pom-final"}' },
    });
    const p = await loadPolicy(d);
    expect(p.source).toBe(MAC_MANAGED_PLIST);
    expect(p.policy).toMatchObject({
      lockedProfile: 'mitx-sds-ml',
      hideMockExam: true,
      updateChecks: false,
      supportContact: { name: 'Mac help desk', url: 'https://help.example.edu' },
    });
    expect(d.calls).toEqual([`/usr/bin/plutil -convert json -o - ${MAC_MANAGED_PLIST}`]);
  });
  it('no managed plist: plutil is not run and the file applies', async () => {
    const d = deps('darwin', { files: { '/Library/Application Support/ExamPreflight/policy.json': '{"lockedProfile":"mitx-pom-final"}' } });
    expect((await loadPolicy(d)).policy.lockedProfile).toBe('mitx-pom-final');
    expect(d.calls).toEqual([]);
  });
  it('a managed plist plutil cannot read rejects the policy', async () => {
    const p = await loadPolicy(
      deps('darwin', {
        plist: true,
        plutil: { ok: false, stdout: '', stderr: 'unexpected character', failure: 'exit', detail: 'plutil exited with status 1' },
      }),
    );
    expect(p.rejected).toBe(true);
    expect(p.problems[0]).toMatch(/cannot be read/);
  });
});

describe('registry policy as real Windows writes it (issue 24)', () => {
  const pol = (name: string) => fixture(name);
  /** reg.exe answers by key (the first argument after "query") */
  const regBy =
    (table: Record<string, string>): NonNullable<PolicyDeps['exec']> =>
    async (program, args) => {
      const hit = table[args[1]!];
      return hit === undefined ? { ok: false, stdout: '', failure: 'exit', detail: 'reg exited with status 1' } : { ok: true, stdout: hit };
    };
  const winDeps = (table: Record<string, string>): PolicyDeps => ({ ...deps('win32', {}), exec: regBy(table) });

  it('an empty default value — (Standard), (par défaut) — is no policy value', async () => {
    const p = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: pol('reg-query-de-empty-default.txt') }));
    expect(p.rejected).toBe(false);
    expect(p.policy.lockedProfile).toBe('mitx-pom-final');
    // a key holding nothing but its empty default (what `reg add KEY /f` creates) is no policy at all
    const only = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: pol('reg-query-only-default-fr.txt') }));
    expect(only.source).toBeNull();
    expect(only.rejected).toBe(false);
  });

  it('values named __proto__, constructor and toString are named as unknown values (no TypeError, none dropped)', async () => {
    const p = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: pol('reg-query-prototype-names.txt') }));
    expect(p.rejected).toBe(true);
    const text = p.problems.join('\n');
    for (const name of ['__proto__', 'constructor', 'toString']) expect(text).toMatch(new RegExp(`${name}.*unknown policy value`));
    expect(Object.keys(parseRegQuery(pol('reg-query-prototype-names.txt')))).toEqual(['LockedProfile', '__proto__', 'constructor', 'toString']);
  });

  it('ExtraProfilesDir %ProgramData%\\… is expanded from the registry, never from the environment', async () => {
    const read: string[] = [];
    const d: PolicyDeps = {
      ...winDeps({
        [WINDOWS_POLICY_KEY]: pol('reg-query-expand.txt'),
        'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList': pol('reg-profilelist-programdata.txt'),
        'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion': pol('reg-currentversion-systemroot.txt'),
      }),
      env: { ProgramData: 'C:\\Users\\learner\\fake' },
      readDir: async (dir) => {
        read.push(dir);
        return [];
      },
    };
    const p = await loadPolicy(d);
    expect(p.problems).toEqual([]);
    expect(p.policy.extraProfilesDir).toBe('D:\\ProgramData\\ExamPreflight\\profiles');
    expect(read).toEqual(['D:\\ProgramData\\ExamPreflight\\profiles']);
  });

  it('a system variable from Session Manager\\Environment expands; a per-user or unknown one is refused, saying which and why', async () => {
    const env = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
    const withDir = (dir: string) => pol('reg-query-expand.txt').replace('%ProgramData%\\ExamPreflight\\profiles', dir);
    const shared = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: withDir('%EXAMS_SHARE%\\profiles'), [env]: pol('reg-session-manager-environment.txt') }));
    expect(shared.policy.extraProfilesDir).toBe('\\\\fileserver\\exams\\profiles');
    const user = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: withDir('%USERPROFILE%\\profiles'), [env]: pol('reg-session-manager-environment.txt') }));
    expect(user.rejected).toBe(true);
    expect(user.problems.join('\n')).toMatch(/ExtraProfilesDir.*%USERPROFILE% belongs to each signed-in user/);
    const unknown = await loadPolicy(winDeps({ [WINDOWS_POLICY_KEY]: withDir('%NOPE%\\profiles'), [env]: pol('reg-session-manager-environment.txt') }));
    expect(unknown.problems.join('\n')).toMatch(/%NOPE% could not be expanded: it is not a system environment variable/);
  });
});
