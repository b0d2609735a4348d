// `exam-preflight profile validate|resolve|explain`, and the worked example of docs/profiles.md.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-profile-'));
const run = (argv: string[], cwd = tmp) => runInProcess(argv, { cwd, inspect: undefined, now: undefined });
const write = (name: string, v: unknown) => {
  writeFileSync(path.join(tmp, name), typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  return name;
};

describe('profile validate', () => {
  it('the worked example of docs/profiles.md validates, and so does the resit that extends it', async () => {
    const repo = path.resolve(__dirname, '../../..');
    const a = await run(['profile', 'validate', 'docs/examples/stats-101-final.json'], repo);
    expect([a.code, a.stdout.trim()]).toEqual([0, 'docs/examples/stats-101-final.json: valid — uni-stats101-final 1.0.0']);
    const b = await run(['profile', 'validate', 'docs/examples/stats-101-resit.json'], repo);
    expect([b.code, b.stdout.trim()]).toEqual([0, 'docs/examples/stats-101-resit.json: valid — uni-stats101-resit 1.0.0, extends ./stats-101-final.json']);
    // every JSON block of the guide that is a whole profile is the example file itself
    const doc = readFileSync(path.join(repo, 'docs/profiles.md'), 'utf8');
    expect(doc).toContain('"extends": "./stats-101-final.json"');
    const resit = JSON.parse(readFileSync(path.join(repo, 'docs/examples/stats-101-resit.json'), 'utf8'));
    const block = /\[docs\/examples\/stats-101-resit\.json\][^`]*```json\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(JSON.parse(block)).toEqual(resit);
  });

  it('lists every problem at once as file:path: message, in the file that holds it, and exits 2', async () => {
    write('base.json', { id: 'dept-base', version: '1.0.0', extends: 'mitx-base', requirements: { hardware: { minCpuCores: { value: 0 } } } });
    write('exam.json', {
      id: 'dept-exam',
      version: '1',
      extends: './base.json',
      requirements: { processes: { prohibited: ['zoom', 'zooom'] } },
      checklists: { sections: [{ id: 'room', items: [{ id: 'room-phone', colour: 'red' }] }] },
    });
    const r = await run(['profile', 'validate', 'exam.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'base.json:requirements.hardware.minCpuCores.value: Too small: expected number to be >0',
      'exam.json: 4 problems',
      'exam.json:checklists.sections[0].items[0].colour: unknown key (misspelt, or not part of this format)',
      'exam.json:requirements.processes.prohibited[1]: "zooom" is not in the apps catalog: give its label, category and names, or use a catalog id',
      'exam.json:version: semantic version, e.g. 1.0.0',
    ]);
  });

  it('a missing parent, bad JSON and control characters in messages', async () => {
    write('orphan.json', { id: 'orphan', version: '1.0.0', extends: './nowhere.json' });
    expect((await run(['profile', 'validate', 'orphan.json'])).stderr).toContain('orphan.json:extends: "./nowhere.json" does not exist');
    write('broken.json', '{"id": "x",,}');
    expect((await run(['profile', 'validate', 'broken.json'])).stderr).toMatch(/^broken\.json: not valid JSON/);
    write('evil.json', { id: 'evil-one', version: '1.0.0', extends: 'mitx-base', requirements: { processes: { prohibited: ['\u001b[31mred'] } } });
    expect((await run(['profile', 'validate', 'evil.json'])).stderr).not.toContain('\u001b');
  });
});

describe('profile resolve and explain', () => {
  it('resolve prints the flat profile: no extends, catalog names filled in', async () => {
    copyFileSync(path.resolve(__dirname, '../../../docs/examples/stats-101-final.json'), path.join(tmp, 'stats-101-final.json'));
    copyFileSync(path.resolve(__dirname, '../../../docs/examples/stats-101-resit.json'), path.join(tmp, 'stats-101-resit.json'));
    const r = await run(['profile', 'resolve', 'stats-101-resit.json']);
    expect(r.code).toBe(0);
    const flat = JSON.parse(r.stdout);
    expect(flat.extends).toBeUndefined();
    expect(flat.requirements.hardware).toBeUndefined();
    expect(flat.checklists.sections[0].items.map((i: { id: string }) => i.id)).toEqual(['materials-formula-sheet']);
    expect(flat.requirements.processes.prohibited.find((p: { id: string }) => p.id === 'teams').names).toEqual(
      expect.arrayContaining(['msteams', 'ms-teams.exe']),
    );
  });

  it('explain lists each rule, required or advisory, with its quote (ML: R advisory, PyTorch required)', async () => {
    const r = await run(['profile', 'explain', 'mitx-sds-ml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /advisory {2}requirements\.software\.r\n +faq: “Python will be used in 6\.686x, and R is covered in 18\.6501x\.”\n +note: The FAQ ties R/,
    );
    expect(r.stdout).toMatch(/required {2}requirements\.software\.python\.packages\[1\] \(PyTorch\)\n +faq: “Besides R and Python/);
    const pt = await run(['profile', 'explain', 'mitx-pom-final', '--lang', 'pt']);
    // issue 24: PoM's tablets and phones are required now (the proctoring software refuses them); Surface stays advisory
    expect(pt.stdout).toMatch(/recomendada {2}requirements\.device\.blockedModels\[0\]/);
    expect(pt.stdout).toMatch(
      /obrigatória {2}requirements\.os\.blockedPlatforms\n +proctoru-equipment: “Tablets \(Nexus, iPad, Tab, Note, etc\.\)”\n +nota: .*\n +nível: dito por um texto ao qual as perguntas frequentes remetem \(proctoru-equipment\); as perguntas frequentes: “A computer that meets all system requirements to use the edX platform and has been tested/,
    );
    const en = await run(['profile', 'explain', 'mitx-sds-capstone']);
    expect(en.stdout).toMatch(
      /required {2}requirements\.displays\.maxCount\n +edx-learner-guide: “The computer you are using to take the exam must not have more than one display or monitor\.”/,
    );
    expect(en.stdout).toMatch(/advisory {2}requirements\.os\.vendorUnsupported\n +proctoru-equipment: “Linux operating systems”\n +note: .*\n +tier: advisory/);
    const json = JSON.parse((await run(['profile', 'explain', 'mitx-xpro-course', '--format', 'json'])).stdout);
    expect(json.rules.filter((x: { required: boolean }) => x.required).every((x: { source: { quote?: string } | null }) => !!x.source?.quote)).toBe(true);
    expect((await run(['profile', 'explain', 'nope-exam'])).code).toBe(2);
    // the shared bases can be read too
    expect(JSON.parse((await run(['profile', 'resolve', 'mitx-sds-base'])).stdout).requirements.software.r.required).toBe(true);
  });
});

describe('profile validate: what extends may read (issue 28)', () => {
  // a temp tree stands in for the system: "etc/passwd" and a secrets file outside the profile's folder
  const root = mkdtempSync(path.join(os.tmpdir(), 'preflight-extends-'));
  const dir = path.join(root, 'course', 'profiles');
  mkdirSync(path.join(dir, 'parts'), { recursive: true });
  mkdirSync(path.join(root, 'etc'));
  writeFileSync(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  writeFileSync(path.join(root, 'etc', 'creds.json'), '{"installed":{"client_secret":"GOCSPX-s3cr3t"}}');
  const profile = (name: string, ref: string) => writeFileSync(path.join(dir, name), JSON.stringify({ id: 'dept-exam', version: '1.0.0', extends: ref }));
  const validate = (name: string) => run(['profile', 'validate', name], dir);
  const secrets = ['root:x', 'bin/bash', 'client_secret', 'GOCSPX', 'installed'];

  it('refuses a parent outside the folder, by path or through a link, without quoting it', async () => {
    profile('up.json', '../../etc/passwd');
    profile('abs.json', path.join(root, 'etc', 'creds.json'));
    symlinkSync(path.join(root, 'etc', 'creds.json'), path.join(dir, 'parts', 'link.json'));
    profile('link.json', './parts/link.json');
    for (const name of ['up.json', 'abs.json', 'link.json']) {
      const r = await validate(name);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(/extends: .*(beside this profile|leads out of this profile's folder)/);
      for (const s of secrets) expect(r.stderr + r.stdout, `${name}: ${s}`).not.toContain(s);
    }
  });

  it('a parent in the folder that is not a profile is named, not quoted; one over 1 MB is refused', async () => {
    writeFileSync(path.join(dir, 'parts', 'notes.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    writeFileSync(path.join(dir, 'parts', 'creds.json'), '{"installed":{"client_secret":"GOCSPX-s3cr3t"}}');
    writeFileSync(path.join(dir, 'parts', 'big.json'), JSON.stringify({ id: 'big', version: '1.0.0', description: { en: 'x'.repeat(1024 * 1024) } }));
    profile('notes.json', 'parts/notes.json');
    profile('creds.json', 'parts/creds.json');
    profile('big.json', 'parts/big.json');
    for (const name of ['notes.json', 'creds.json']) {
      const r = await validate(name);
      expect(r.stderr, name).toContain(`${name}:extends: "parts/${name}" is not an exam profile`);
      for (const s of secrets) expect(r.stderr + r.stdout, `${name}: ${s}`).not.toContain(s);
    }
    expect((await validate('big.json')).stderr).toMatch(/big\.json:extends: "parts\/big\.json" is too large for a profile/);
  });

  it('a parent below the folder is fine', async () => {
    writeFileSync(path.join(dir, 'parts', 'base.json'), JSON.stringify({ id: 'dept-base', version: '1.0.0', extends: 'mitx-base' }));
    profile('ok.json', 'parts/base.json');
    const r = await validate('ok.json');
    expect([r.code, r.stdout.trim()]).toEqual([0, 'ok.json: valid — dept-exam 1.0.0, extends parts/base.json']);
  });
});
