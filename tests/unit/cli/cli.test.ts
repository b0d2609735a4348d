// The headless command: exit codes, formats, languages and bad input, in-process with facts of
// machines we do not have; plus one run of the built bin as admins' scripts would run it.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { machines } from '../../fixtures/facts/machines';
import { ReportSchema } from '../../../shared/report/model';
import type { Facts } from '../../../shared/facts';
import { runInProcess } from './in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-cli-'));
const run = (argv: string[], facts: Facts = machines.good(), env: NodeJS.ProcessEnv = {}) => runInProcess(argv, { cwd: tmp, facts, env });
const write = (name: string, content: string) => {
  writeFileSync(path.join(tmp, name), content);
  return name;
};

describe('exam-preflight check / evaluate', () => {
  it('exit 0 and a readable table when ready', async () => {
    const r = await run(['check', '--profile', 'mitx-sds-capstone']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Pass');
    expect(r.stdout).toContain('Ready: this computer meets the exam');
    expect(r.stdout).not.toContain('\x1b['); // no colour when not a TTY
  });

  it('exit 1 when a required check fails, with the evidence and the fix', async () => {
    const r = await run(['check', '--profile', 'mitx-sds-capstone'], machines.surfaceLaptop());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("System model 'Surface Laptop 5', maker 'Microsoft Corporation'");
    expect(r.stdout).toMatch(/Fix: Use a different computer/);
  });

  it('exit 1 when a required check could not be determined', async () => {
    const r = await run(['check', '--profile', 'mitx-sds-capstone'], machines.probeTimeouts());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Incomplete');
  });

  it('JSON is a report carrying the facts, and evaluate re-reads it against another exam', async () => {
    const r = await run(['check', '--profile', 'mitx-sds-capstone', '--format', 'json', '--out', 'report.json'], machines.noTorch());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Written to report.json');
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(tmp, 'report.json'), 'utf8')));
    expect(report.checkId).toMatch(/^EP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(report.facts.software.python[0]!.packages.torch!.found).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]); // atomic write left nothing behind
    const again = await run(['evaluate', '--facts', 'report.json', '--profile', 'mitx-sds-ml', '--format', 'json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).results.find((x: { id: string }) => x.id === 'software.python-packages').status).toBe('fail');
  });

  it('JUnit output: a failure per failed required check', async () => {
    const r = await run(['check', '--profile', 'mitx-xpro-course', '--format', 'junit'], machines.oldBrowser());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml/);
    expect(r.stdout).toContain('failures="1"');
    expect(r.stdout).toContain('<failure message="Update Chrome');
  });

  it('speaks Spanish and Portuguese (--lang, or the environment)', async () => {
    expect((await run(['check', '--profile', 'mitx-sds-capstone', '--lang', 'es'], machines.windowsXp())).stdout).toContain('No está lista');
    expect((await run(['check', '--profile', 'mitx-sds-capstone'], machines.good(), { LANG: 'pt_BR.UTF-8' })).stdout).toContain('Pronto: este computador');
  });

  it("the text report's title is the exam's title in the chosen language, not the English one", async () => {
    const firstLine = async (lang: string) => (await run(['check', '--profile', 'mitx-sds-capstone', '--lang', lang], machines.good())).stdout.split('\n')[0]!;
    expect(await firstLine('es')).toContain('Estadística y Ciencia de Datos — examen final integrador');
    expect(await firstLine('pt')).toContain('Estatística e Ciência de Dados — exame final integrador');
    expect(await firstLine('es')).not.toContain('Statistics and Data Science');
  });

  it('lists profiles and prints schemas', async () => {
    const r = await run(['profiles', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((p: { id: string }) => p.id)).toContain('mitx-pom-final');
    // a profile that extends another is checked with the relaxed branch, a complete one with the full schema
    expect(JSON.parse((await run(['schema', 'profile'])).stdout)).toMatchObject({ if: { required: ['extends'] }, else: { type: 'object' } });
  });
});

describe('bad input: one clear message, exit 2, no stack trace', () => {
  const bad = async (argv: string[], expected: RegExp) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };
  it('usage errors', async () => {
    await bad(['check'], /no exam given: pass --profile/);
    await bad(
      ['check', '--profile', 'mitx-sds-capstone', '--format', 'pdf'],
      /'pdf' is not a valid value for '--format <format>' \(choices: text, json, junit, html\)/,
    );
    await bad(['frobnicate'], /unknown command/);
  });
  it('unknown profile, missing or malformed files', async () => {
    await bad(['check', '--profile', 'mitx-nope'], /unknown profile "mitx-nope" \(known: mitx-sds-capstone/);
    await bad(['evaluate', '--facts', 'missing.json', '--profile', 'mitx-sds-ml'], /missing\.json: no such file/);
    await bad(['evaluate', '--facts', write('broken.json', '{"schemaVersion": 1,'), '--profile', 'mitx-sds-ml'], /broken\.json: not valid JSON: .*line 1/);
    await bad(
      ['evaluate', '--facts', write('shape.json', '{"schemaVersion": 1, "os": {}}'), '--profile', 'mitx-sds-ml'],
      /shape\.json:(collectedAt|os\.\w+|appVersion)/,
    );
    await bad(
      ['evaluate', '--facts', write('proto.json', '{"__proto__": {"admin": true}}'), '--profile', 'mitx-sds-ml'],
      /proto\.json:__proto__: the key "__proto__" is not allowed/,
    );
    await bad(['check', '--profile', write('p.json', '{"id": "x"}')], /p\.json:(id|version|title)/);
    const truncated = JSON.stringify({ format: 'exam-preflight-report', facts: machines.good() }).slice(0, 300);
    await bad(['evaluate', '--facts', write('truncated.json', truncated), '--profile', 'mitx-sds-ml'], /truncated\.json: not valid JSON/);
  });
  it('--debug shows the stack trace', async () => {
    const r = await run(['check', '--profile', 'mitx-nope', '--debug']);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('the built bin', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-node.mjs']);
  }, 60_000);
  it('runs under plain Node and exits with the documented codes', () => {
    const ok = spawnSync(process.execPath, ['bin/exam-preflight.cjs', '--version'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const facts = path.join(tmp, 'facts.json');
    writeFileSync(facts, JSON.stringify(machines.windowsXp()));
    const xp = spawnSync(process.execPath, ['bin/exam-preflight.cjs', 'evaluate', '--facts', facts, '--profile', 'mitx-sds-capstone', '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(xp.status).toBe(1);
    expect(JSON.parse(xp.stdout).verdict).toBe('not-ready');
    const usage = spawnSync(process.execPath, ['bin/exam-preflight.cjs', 'check'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
  it('checks this machine for real within seconds', () => {
    const r = spawnSync(process.execPath, ['bin/exam-preflight.cjs', 'check', '--profile', 'mitx-xpro-course', '--format', 'json'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([0, 1]).toContain(r.status);
    expect(ReportSchema.parse(JSON.parse(r.stdout)).facts.os.platform).toBe('linux');
  }, 40_000);
});
