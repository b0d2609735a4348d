// Reports of machines we do not have, for the cohort tests: built with the real rules and report
// model, so what the cohort counts is what the app and the CLI would have written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildReport, type Report } from '../../../shared/report/model';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import type { Facts } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';

export const SDS = findProfile('mitx-sds-capstone')!;
export const POM = findProfile('mitx-pom-final')!;

export function makeReport(facts: Facts, createdAt = '2026-11-20T10:00:00.000Z', profile = SDS): Report {
  return buildReport({ profile, facts, results: evaluate(profile, facts), appVersion: '1.0.0', createdAt });
}

/** good (ready), surface (not ready: model), xp (not ready: OS…), timeouts (incomplete), on two days. */
export function sampleCohort(): Array<[string, Report]> {
  return [
    ['good.json', makeReport(machines.good(), '2026-11-19T09:00:00.000Z')],
    ['mac.json', makeReport(machines.mac(), '2026-11-19T12:00:00.000Z')],
    ['surface.json', makeReport(machines.surfaceLaptop(), '2026-11-20T09:00:00.000Z')],
    ['xp.json', makeReport(machines.windowsXp(), '2026-11-20T10:00:00.000Z')],
    ['timeouts.json', makeReport(machines.probeTimeouts(), '2026-11-20T11:00:00.000Z')],
  ];
}

export function writeJson(dir: string, name: string, value: unknown, pretty = true): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, pretty ? 2 : undefined));
  return file;
}
