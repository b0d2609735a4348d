// One judge, every front end (issue 23). The same report — facts of a machine we do not have, with
// or without the camera, face, microphone and speakers measured in the window, with or without the
// network test it carries — is judged against every built-in exam by each front end
// a user has: the CLI's `evaluate --facts`, `summarize --profile` (the cohort rows), the report
// viewer's re-evaluate handler, and the window's summary (the scan handlers' results and the
// journey's verdict). All must give the pipeline's verdict and the same result ids and statuses. A
// front end that judged on its own, or dropped the report's network results, fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReportHandlers } from '../../../electron/handlers/report';
import { createScanHandlers } from '../../../electron/handlers/scan';
import type { CheckResult, Verdict } from '../../../shared/check';
import type { Facts } from '../../../shared/facts';
import { deviceRequiredBy, journeySteps, journeyVerdict } from '../../../shared/journey';
import { judge, networkResults, reportOf } from '../../../shared/pipeline';
import { allProfiles, findProfile } from '../../../shared/profile/load';
import { ReportSchema, type Report } from '../../../shared/report/model';
import type { NetworkRun } from '../../../shared/network/result';
import { FIXTURE_NAMES, loadFixture } from '../../fixtures/facts/machines';
import { edxBlocked, networkRun } from '../../fixtures/network/run';
import type { DeviceMeasurements, FaceSample } from '../../../shared/devices/measurements';
import { runInProcess } from '../cli/in-process';

type Seen = { verdict: Verdict; results: string[] };
const seen = (verdict: Verdict, results: readonly Pick<CheckResult, 'id' | 'status'>[]): Seen => ({
  verdict,
  results: results.map((r) => `${r.id}=${r.status}`).sort(),
});

const T = '2026-11-20T10:00:00.000Z';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-front-ends-'));
const PROFILES = allProfiles();
const NETWORKS: Record<string, NetworkRun | null> = { 'no network test': null, 'network test passed': networkRun(), 'edX blocked': edxBlocked() };
const face = (faces: FaceSample['faces']): FaceSample => ({ faces, faceLuma: faces.length ? 140 : null, backgroundLuma: 120 });
const centred = { x: 0.4, y: 0.25, width: 0.2, height: 0.3, score: 0.9 };
const measured = (faces: FaceSample['faces']): DeviceMeasurements => ({
  camera: { outcome: 'measured', label: 'Integrated Camera', width: 1280, height: 720, fps: 30, brightness: 120, durationMs: 2100 },
  face: { outcome: 'measured', samples: Array.from({ length: 8 }, () => face(faces)), durationMs: 4000, detectMs: 40, backend: 'wasm' },
  microphone: { outcome: 'measured', label: 'Microphone Array', peak: 70, noiseFloor: 10, clipped: 0, durationMs: 5000 },
  speakers: { heard: true, label: 'Speakers', routed: true },
});
const DEVICES: Record<string, DeviceMeasurements | null> = {
  'devices not measured': null,
  'devices measured': measured([centred]),
  // the Spanish learner of issue 23: a camera that works, and no face in view
  'no face in view': measured([]),
};

interface Case {
  name: string;
  file: string;
  text: string;
  report: Report;
}
// each learner's report is made against one exam (the one they chose), then judged against all
const CASES: Case[] = FIXTURE_NAMES.flatMap((fixture, i) =>
  Object.entries(NETWORKS).flatMap(([net, run]) =>
    Object.entries(DEVICES).map(([dev, devices]) => {
      const chosen = PROFILES[i % PROFILES.length]!;
      const facts = loadFixture(fixture);
      if (devices) facts.devices = { ...facts.devices, ...devices };
      const report = reportOf(chosen, { facts, network: run }, { appVersion: '1.0.0', createdAt: T });
      const file = `${fixture}--${net}--${dev}.epreport`.replace(/ /g, '-');
      return { name: `${fixture}, ${net}, ${dev}`, file, text: JSON.stringify(report, null, 2), report };
    }),
  ),
);

const cli = (argv: string[]) => runInProcess(argv, { cwd: tmp, now: () => new Date(T) });

const ctx = { dataDir: tmp, appVersion: '1.0.0', emit: () => {}, now: () => Date.parse(T) };

/**
 * The window: the scan handlers judge the facts the system check collects, main judges what the
 * window measured (judgeDevices), and the summary adds the journey up over them and the network test.
 */
async function windowSummary(facts: Facts, run: NetworkRun | null, profileId: string): Promise<Seen> {
  const { probe: _probe, ...measurements } = facts.devices;
  // the system check collects no device measurement: the window measures them afterwards
  const { handlers } = createScanHandlers(ctx, { inspect: async () => ({ ...facts, devices: { probe: facts.devices.probe } }) });
  const scan = await handlers.runScan(profileId);
  const devices = Object.fromEntries((await handlers.judgeDevices(profileId, measurements)).map((r) => [r.id, r]));
  const measuredSteps = Object.keys(measurements).length ? (['camera', 'microphone', 'speakers'] as const) : [];
  const network = run ? networkResults(findProfile(profileId)!, run) : [];
  const steps = journeySteps(
    {
      scanPhase: 'done',
      results: scan.results,
      devices,
      deviceRequired: deviceRequiredBy(await handlers.deviceRequirements(profileId)),
      checklist: { status: 'none', total: 0, done: 0, requiredOpen: 0, items: [], examDate: null },
      attempts: [],
      networkRuns: run ? 1 : 0,
      network,
    },
    // the device steps count once measured (a report without measurements is judged without them)
    ['check', ...measuredSteps, 'network', 'checklists', 'exam'],
  );
  return seen(journeyVerdict(steps), [...scan.results, ...Object.values(devices), ...network]);
}

/** `summarize --profile`: one run over every report, one ndjson row per result. */
async function summarized(profileId: string): Promise<Map<string, Seen>> {
  const r = await cli(['summarize', 'reports', '--profile', profileId, '--format', 'ndjson']);
  expect(r.code, r.stderr).toBe(0);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; verdict: Verdict; check_key: string; status: CheckResult['status'] });
  const out = new Map<string, Seen>();
  for (const c of CASES) {
    const mine = rows.filter((x) => path.basename(x.file) === c.file);
    out.set(
      c.file,
      seen(
        mine[0]!.verdict,
        mine.map((x) => ({ id: x.check_key, status: x.status })),
      ),
    );
  }
  return out;
}

beforeAll(() => {
  mkdirSync(path.join(tmp, 'reports'));
  for (const c of CASES) writeFileSync(path.join(tmp, 'reports', c.file), c.text);
});

describe('the same facts give the same verdict in every front end', () => {
  it('covers machines that pass, fail and cannot be read, with and without a blocking network test', () => {
    const verdicts = new Set(CASES.flatMap((c) => PROFILES.map((p) => judge(p, { facts: c.report.facts, network: c.report.network }).verdict)));
    expect([...verdicts].sort()).toEqual(['incomplete', 'not-ready', 'ready']);
    // the network test alone, or no face in view alone, turns a ready machine not ready
    const good = CASES.filter((c) => c.name.startsWith('windows-laptop-good,'));
    const j = (c: Case) => judge(findProfile('mitx-pom-final')!, { facts: c.report.facts, network: c.report.network }).verdict;
    expect(Object.fromEntries(good.map((c) => [c.name, j(c)]))).toEqual({
      'windows-laptop-good, no network test, devices not measured': 'ready',
      'windows-laptop-good, no network test, devices measured': 'ready',
      'windows-laptop-good, no network test, no face in view': 'not-ready',
      'windows-laptop-good, network test passed, devices not measured': 'ready',
      'windows-laptop-good, network test passed, devices measured': 'ready',
      'windows-laptop-good, network test passed, no face in view': 'not-ready',
      'windows-laptop-good, edX blocked, devices not measured': 'not-ready',
      'windows-laptop-good, edX blocked, devices measured': 'not-ready',
      'windows-laptop-good, edX blocked, no face in view': 'not-ready',
    });
  });

  for (const profile of PROFILES) {
    it(`against ${profile.id}: CLI evaluate, summarize, the viewer and the window agree with the pipeline`, async () => {
      const rows = await summarized(profile.id);
      const viewer = createReportHandlers(ctx);
      for (const c of CASES) {
        const expected = (() => {
          const j = judge(profile, { facts: c.report.facts, network: c.report.network });
          return seen(j.verdict, j.results);
        })();
        const where = `${c.name} against ${profile.id}`;

        const evaluated = await cli(['evaluate', '--facts', path.join('reports', c.file), '--profile', profile.id, '--format', 'json']);
        expect(evaluated.code, `${where}: ${evaluated.stderr}`).toBe(expected.verdict === 'ready' ? 0 : 1);
        const fromCli = ReportSchema.parse(JSON.parse(evaluated.stdout));
        expect(seen(fromCli.verdict, fromCli.results), `CLI evaluate, ${where}`).toEqual(expected);

        expect(rows.get(c.file), `summarize --profile, ${where}`).toEqual(expected);

        const re = await viewer.reevaluateReport(c.text, c.file, profile.id);
        if (!re.ok) throw new Error(`viewer could not re-evaluate ${where}`);
        expect(seen(re.value.verdict, re.value.results), `viewer, ${where}`).toEqual(expected);

        expect(await windowSummary(c.report.facts, c.report.network, profile.id), `window summary, ${where}`).toEqual(expected);
      }
      // 117 cases through four front ends: seconds on a quiet machine, far more on a shared one (no timing asserted)
    }, 180_000);
  }
});
