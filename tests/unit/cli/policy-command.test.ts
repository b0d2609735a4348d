// `exam-preflight policy validate`: the admin's check before deploying a policy, with the app's own
// parser. Every problem as "file:path: message" (every bad key), exit 0 / 2, text or JSON, stdin too.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runInProcess } from './in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-policy-cmd-'));
const write = (name: string, value: unknown) => {
  writeFileSync(path.join(tmp, name), typeof value === 'string' ? value : JSON.stringify(value));
  return name;
};
const run = (argv: string[], stdin?: string) => runInProcess(argv, { cwd: tmp, stdin: stdin === undefined ? undefined : () => Readable.from([stdin]) });

describe('exam-preflight policy validate', () => {
  it('a valid policy: exit 0, one line; JSON gives the policy as the app would apply it', async () => {
    const f = write('good.json', { lockedProfile: 'mitx-pom-final', networkChecks: false });
    expect(await run(['policy', 'validate', f])).toEqual({ code: 0, stdout: 'good.json: a valid policy\n', stderr: '' });
    const j = await run(['policy', 'validate', f, '--format', 'json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({ file: 'good.json', valid: true, policy: { lockedProfile: 'mitx-pom-final', networkChecks: false } });
  });

  it('a rejected policy names every bad key, with the nearest valid name, and every other problem', async () => {
    const f = write('bad.json', { lockedProfle: 'mitx-pom-final', hideMockExams: true, networkChecks: 'no', supportContact: { emial: 'it@example.edu' } });
    const r = await run(['policy', 'validate', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'bad.json:lockedProfle: unknown key (misspelt, or not part of this format); did you mean “lockedProfile”?',
        'bad.json:hideMockExams: unknown key (misspelt, or not part of this format); did you mean “hideMockExam”?',
        'bad.json:supportContact.emial: unknown key (misspelt, or not part of this format); did you mean “email”?',
        expect.stringMatching(/^bad\.json:networkChecks: .*boolean/),
      ]),
    );
    expect(lines.at(-1)).toBe(`bad.json: ${lines.length - 1} problems; the app would ignore this policy and run with its defaults`);
  });

  it('a profile id the app does not know, and JSON errors as one object on stderr', async () => {
    const f = write('unknown-id.json', { defaultProfile: 'mitx-pom-finals' });
    const r = await run(['policy', 'validate', f, '--format', 'json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    const e = JSON.parse(r.stderr).error;
    expect([e.code, e.file, e.path]).toEqual(['invalid-input', 'unknown-id.json', 'defaultProfile']);
    expect(e.problems[0].message).toMatch(/^no exam profile "mitx-pom-finals" \(known: .*mitx-pom-final/);
  });

  it('its extra-profiles folder is found beside the file; a bad extra profile is a warning, not a rejection', async () => {
    mkdirSync(path.join(tmp, 'site', 'profiles'), { recursive: true });
    writeFileSync(path.join(tmp, 'site', 'profiles', 'broken.json'), '{');
    const f = write('site/policy.json', { extraProfilesDir: 'profiles' });
    const r = await run(['policy', 'validate', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('site/policy.json: a valid policy\n');
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('reads standard input with "-"', async () => {
    expect((await run(['policy', 'validate', '-'], '{"hideMockExam": "yes"}')).stderr).toMatch(/^stdin:hideMockExam: /);
    expect((await run(['policy', 'validate', '-'], '{"hideMockExam": true}')).stdout).toBe('stdin: a valid policy\n');
  });

  it('in Spanish', async () => {
    const f = write('es.json', { hideMockExams: true });
    expect((await run(['policy', 'validate', f, '--lang', 'es'])).stderr).toBe(
      'es.json:hideMockExams: clave desconocida (mal escrita, o no forma parte de este formato); ¿quisiste decir «hideMockExam»?\n' +
        'es.json: 1 problema; la aplicación ignoraría esta política y funcionaría con sus valores por defecto\n',
    );
  });

  it('schema --help lists every schema, policy included', async () => {
    const r = await run(['schema', '--help']);
    for (const kind of ['profile', 'facts', 'report', 'policy', 'question-bank', 'catalog-apps', 'catalog-browsers']) expect(r.stdout).toContain(kind);
    expect((await run(['--help'])).stdout).toMatch(/schema \[options\] <kind>\s+print the JSON Schema[\s\S]*?\bpolicy\b/);
  });
});
