// The headless command's reports: --format html writes the self-contained page (in --lang), and
// personal data stays out of every format unless --include-personal is given.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machines } from '../../fixtures/facts/machines';
import { ReportSchema } from '../../../shared/report/model';
import type { Facts } from '../../../shared/facts';
import { runInProcess } from '../cli/in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-cli-report-'));

function personal(): Facts {
  const f = machines.good();
  f.device.username = 'jdoe';
  f.device.hostname = 'JDOE-DESKTOP';
  f.device.serial = 'SN-778899';
  f.network.interfaces[0]!.mac = 'a4:5e:60:01:02:03';
  f.software.python[0]!.path = '/Users/jdoe/miniconda3/bin/python';
  return f;
}

const run = (argv: string[], facts: Facts = personal()) => runInProcess(argv, { cwd: tmp, facts });

const SECRETS = ['jdoe', 'JDOE-DESKTOP', 'SN-778899', '01:02:03'];

describe('exam-preflight check --format html', () => {
  it('writes one self-contained, redacted page to --out, in the chosen language', async () => {
    const r = await run(['check', '--profile', 'mitx-pom-final', '--format', 'html', '--out', 'report.html', '--lang', 'pt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('report.html');
    const html = readFileSync(path.join(tmp, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="pt">/);
    expect(html).toMatch(/EP-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(html).toContain('<svg role="img"');
    expect(html).not.toMatch(/<script|<link|(src|href)="?https?:/i);
    for (const s of SECRETS) expect(html, s).not.toContain(s);
    expect(html).toContain('/Users/~/miniconda3/bin/python');
  });

  it('prints to stdout without --out; evaluate re-reads a report and renders it too', async () => {
    const json = await run(['check', '--profile', 'mitx-pom-final', '--format', 'json', '--out', 'r.json']);
    expect(json.code).toBe(0);
    const html = await run(['evaluate', '--facts', 'r.json', '--profile', 'mitx-sds-capstone', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('mitx-sds-capstone');
  });
});

describe('personal data in headless reports', () => {
  it('is redacted by default in JSON, and the report says so', async () => {
    const r = await run(['check', '--profile', 'mitx-pom-final', '--format', 'json']);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.redacted).toBe(true);
    for (const s of SECRETS) expect(r.stdout, s).not.toContain(s);
  });

  it('is kept with --include-personal', async () => {
    const r = await run(['check', '--profile', 'mitx-pom-final', '--format', 'json', '--include-personal']);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.redacted).toBe(false);
    expect(report.facts.device).toMatchObject({ username: 'jdoe', hostname: 'JDOE-DESKTOP', serial: 'SN-778899' });
    expect(report.facts.network.interfaces[0]!.mac).toBe('a4:5e:60:01:02:03');
  });
});
