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
