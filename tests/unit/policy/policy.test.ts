// Policy file: where it is read from and in which order, all-or-nothing validation with file + path +
// problem, and the extra-profiles folder (bad files reported, good ones kept). Real files in a temp dir.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadExtraProfiles, loadPolicy, machinePolicyPath, portablePolicyPath, publicPolicyState, type PolicyDeps } from '../../../electron/storage/policy';
import { PolicySchema, SAFE_DEFAULTS } from '../../../shared/policy/schema';

let root: string;
let machineDir: string;
let execDir: string;

/** Linux layout rooted in the temp dir: "/etc/exam-preflight" is redirected there. */
function deps(over: Partial<PolicyDeps> = {}): PolicyDeps {
  const redirect = (f: string) => (f.startsWith('/etc/exam-preflight/') ? path.join(machineDir, path.basename(f)) : f);
  return {
    platform: 'linux',
    env: {},
    execDir,
    readFile: (f) => fs.readFile(redirect(f), 'utf8'),
    readDir: (d) => fs.readdir(d),
    ...over,
  };
}
const write = (dir: string, value: unknown) => writeFileSync(path.join(dir, 'policy.json'), typeof value === 'string' ? value : JSON.stringify(value));
const profileText = (id: string) => {
  const p = JSON.parse(readFileSync('shared/profile/builtin/mitx-xpro-course.json', 'utf8'));
  delete p.$schema;
  return JSON.stringify({ ...p, id });
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'policy-'));
  machineDir = path.join(root, 'etc');
  execDir = path.join(root, 'portable');
  mkdirSync(machineDir);
  mkdirSync(execDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('policy locations', () => {
  it('uses the OS machine-wide folder', () => {
    // the Windows folder comes from the registry (windowsProgramData, tests/unit/hardening), never %ProgramData%
    expect(machinePolicyPath('win32', 'D:\\PD')).toBe('D:\\PD\\ExamPreflight\\policy.json');
    expect(machinePolicyPath('win32')).toBe('C:\\ProgramData\\ExamPreflight\\policy.json');
    expect(machinePolicyPath('darwin')).toBe('/Library/Application Support/ExamPreflight/policy.json');
    expect(machinePolicyPath('linux')).toBe('/etc/exam-preflight/policy.json');
  });
  it('portable: beside the executable, or the real folder of a portable .exe / AppImage', () => {
    expect(portablePolicyPath({ platform: 'win32', env: {}, execDir: 'E:\\Apps\\EP' })).toBe('E:\\Apps\\EP\\policy.json');
    expect(portablePolicyPath({ platform: 'win32', env: { PORTABLE_EXECUTABLE_DIR: 'F:\\USB' }, execDir: 'C:\\Temp\\x' })).toBe('F:\\USB\\policy.json');
    expect(portablePolicyPath({ platform: 'linux', env: { APPIMAGE: '/home/a/Apps/ep.AppImage' }, execDir: '/tmp/.mount_x' })).toBe('/home/a/Apps/policy.json');
  });
});

describe('loadPolicy precedence', () => {
  it('no file anywhere: safe defaults, no source, no problems', async () => {
    const s = await loadPolicy(deps());
    expect(s).toMatchObject({ policy: SAFE_DEFAULTS, source: null, problems: [], rejected: false });
    expect(s.searched).toEqual(['/etc/exam-preflight/policy.json', path.join(execDir, 'policy.json')]);
  });

  it('portable file is used when there is no machine-wide file', async () => {
    write(execDir, { defaultProfile: 'mitx-pom-final', networkChecks: false });
    const s = await loadPolicy(deps());
    expect(s.source).toBe(path.join(execDir, 'policy.json'));
    expect(s.policy).toEqual({ ...SAFE_DEFAULTS, defaultProfile: 'mitx-pom-final', networkChecks: false });
  });

  it("networkTest.caFile is kept relative to the policy file's folder (read and checked when the network is measured)", async () => {
    write(execDir, { networkTest: { caFile: 'certs/company-ca.pem', allowPrivateNetworkTargets: true } });
    const s = await loadPolicy(deps());
    expect(s.rejected).toBe(false);
    expect(s.policy.networkTest).toEqual({ caFile: path.join(execDir, 'certs', 'company-ca.pem'), allowPrivateNetworkTargets: true });
  });

  it('machine-wide wins over a portable file (a user file cannot undo an admin lock)', async () => {
    write(machineDir, { lockedProfile: 'mitx-pom-final' });
    write(execDir, { lockedProfile: 'mitx-xpro-course', hideMockExam: true });
    const s = await loadPolicy(deps());
    expect(s.source).toBe('/etc/exam-preflight/policy.json');
    expect(s.policy.lockedProfile).toBe('mitx-pom-final');
    expect(s.policy.hideMockExam).toBe(false);
  });

  it('an invalid machine-wide file is NOT replaced by the portable one: safe defaults, reported', async () => {
    write(machineDir, '{ "lockedProfile": "mitx-pom-final", }');
    write(execDir, { hideMockExam: true });
    const s = await loadPolicy(deps());
    expect(s).toMatchObject({ policy: SAFE_DEFAULTS, source: '/etc/exam-preflight/policy.json', rejected: true });
    expect(s.problems[0]).toMatch(/^\/etc\/exam-preflight\/policy\.json: not valid JSON/);
  });

  it('an unreadable machine-wide file (permissions) is reported, not skipped', async () => {
    const err = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const s = await loadPolicy(
      deps({ readFile: (f) => (f.startsWith('/etc/') ? Promise.reject(err) : Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' }))) }),
    );
    expect(s).toMatchObject({ rejected: true, policy: SAFE_DEFAULTS });
    expect(s.problems).toEqual(['/etc/exam-preflight/policy.json: cannot be read: EACCES: permission denied']);
  });
});

describe('invalid policy: all or nothing, with file + path + problem', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['unknown key', { lockedProfile: 'mitx-pom-final', hideMockExams: true }, /policy\.json:hideMockExams: unknown key/],
    ['wrong type', { lockedProfile: 'mitx-pom-final', networkChecks: 'no' }, /policy\.json:networkChecks: .*boolean/],
    [
      'locked profile that does not exist',
      { lockedProfile: 'mitx-pom-finals', hideMockExam: true },
      /policy\.json:lockedProfile: no exam profile "mitx-pom-finals" \(known: .*mitx-pom-final/,
    ],
    ['default profile that does not exist', { defaultProfile: 'nope-nope' }, /json:defaultProfile: no exam profile "nope-nope"/],
    ['support url not https', { supportContact: { url: 'http://help.example.edu' } }, /json:supportContact\.url: an https:\/\/ web address/],
    ['empty support contact', { supportContact: {} }, /json:supportContact: give at least one of name, email or url/],
    ['not an object', [1, 2], /policy\.json: .*object/],
    ['extra folder missing', { extraProfilesDir: 'nowhere', lockedProfile: 'mitx-pom-final' }, /json:extraProfilesDir: folder ".*nowhere" does not exist/],
  ];
  for (const [name, value, problem] of cases) {
    it(name, async () => {
      write(execDir, value);
      const s = await loadPolicy(deps());
      expect(s.rejected).toBe(true);
      expect(s.policy).toEqual(SAFE_DEFAULTS); // nothing of the file applied, not even its valid fields
      expect(s.problems.join('\n')).toMatch(problem);
    });
  }

  it('the public state carries no profile contents', async () => {
    write(execDir, { lockedProfile: 'mitx-pom-final' });
    const s = publicPolicyState(await loadPolicy(deps()));
    expect(Object.keys(s).sort()).toEqual(['policy', 'problems', 'rejected', 'searched', 'source']);
  });

  it('$schema is allowed (editors validate with it)', () => {
    expect(PolicySchema.safeParse({ $schema: '../schemas/policy.schema.json', hideMockExam: true }).success).toBe(true);
  });
});

describe('extra profiles folder', () => {
  it('good profiles and banks are kept, bad files reported with file + path, the policy still applies', async () => {
    const extra = path.join(execDir, 'exams');
    mkdirSync(extra);
    writeFileSync(path.join(extra, 'a-good.json'), profileText('campus-final'));
    writeFileSync(path.join(extra, 'b-bad-type.json'), JSON.stringify({ ...JSON.parse(profileText('campus-bad')), version: 3 }));
    writeFileSync(path.join(extra, 'c-not-json.json'), '{ nope');
    writeFileSync(path.join(extra, 'd-dup.json'), profileText('campus-final'));
    writeFileSync(path.join(extra, 'notes.txt'), 'ignored');
    writeFileSync(
      path.join(extra, 'e-bank.json'),
      JSON.stringify({
        id: 'campus-bank',
        version: '1.0.0',
        title: 'Campus bank',
        sections: [
          {
            id: 's1',
            title: 'S1',
            questions: [
              {
                id: 'q1',
                type: 'single',
                prompt: 'P?',
                explanation: 'E',
                choices: [
                  { id: 'a', text: 'A' },
                  { id: 'b', text: 'B' },
                ],
                correct: 'a',
              },
            ],
          },
        ],
      }),
    );
    write(execDir, { extraProfilesDir: 'exams', lockedProfile: 'campus-final' });

    const s = await loadPolicy(deps());
    expect(s.rejected).toBe(false);
    expect(s.policy.lockedProfile).toBe('campus-final'); // a profile from the folder can be locked
    expect(s.policy.extraProfilesDir).toBe(extra);
    expect(s.extraProfiles.map((p) => p.id)).toEqual(['campus-final']);
    expect(s.extraBanks.map((b) => b.id)).toEqual(['campus-bank']);
    const problems = s.problems.join('\n');
    expect(problems).toContain(`${path.join(extra, 'b-bad-type.json')}:version:`);
    expect(problems).toContain(`${path.join(extra, 'c-not-json.json')}: not valid JSON`);
    expect(problems).toContain(`${path.join(extra, 'd-dup.json')}:id: another profile in this folder already has id "campus-final"`);
    expect(problems).not.toContain('notes.txt');
    expect(s.problems).toHaveLength(3);
  });

  it('a profile may extend a built-in or a "_part" of the folder, never a file outside it', async () => {
    const extra = path.join(root, 'parts');
    mkdirSync(extra);
    writeFileSync(path.join(root, 'outside.json'), profileText('outside-exam'));
    writeFileSync(path.join(extra, '_dept.json'), JSON.stringify({ id: 'dept-base', version: '1.0.0', extends: 'mitx-base', program: { en: 'Dept' } }));
    writeFileSync(path.join(extra, 'final.json'), JSON.stringify({ id: 'dept-final', version: '1.0.0', extends: './_dept.json', title: { en: 'Final' } }));
    writeFileSync(path.join(extra, 'sneaky.json'), JSON.stringify({ id: 'sneaky', version: '1.0.0', extends: '../outside.json' }));
    const r = await loadExtraProfiles(extra);
    expect(r.profiles.map((p) => [p.id, p.program])).toEqual([['dept-final', { en: 'Dept' }]]);
    expect(r.problems).toEqual([
      // (issue 28: ".." is refused before any reader is asked, with the rule for every profile)
      `${path.join(extra, 'sneaky.json')}:extends: a parent file must be beside this profile or in a folder below it (e.g. ./base.json or parts/base.json); ".." is not allowed`,
    ]);
  });

  it('loadExtraProfiles reports a bad bank with its file and keeps going', async () => {
    const extra = path.join(root, 'x');
    mkdirSync(extra);
    writeFileSync(path.join(extra, 'bank.json'), JSON.stringify({ id: 'b', version: '1', title: 'T', sections: [] }));
    writeFileSync(path.join(extra, 'p.json'), profileText('other-exam'));
    const r = await loadExtraProfiles(extra);
    expect(r.profiles.map((p) => p.id)).toEqual(['other-exam']);
    expect(r.banks).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.startsWith(path.join(extra, 'bank.json')))).toBe(true);
  });
});
