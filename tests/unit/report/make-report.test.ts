// makeReport through the real handlers and a real data folder: the learner's latest check, the
// camera/microphone results from the window, the checklist ticks and the latest mock exam, the
// support contact (policy over exam), redaction by default, and the HTML in the learner's language.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReportHandlers } from '../../../electron/handlers/report';
import { createExamHandlers } from '../../../electron/handlers/exam';
import { createChecklistHandlers } from '../../../electron/handlers/checklist';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { msg, type CheckResult } from '../../../shared/check';
import { ReportSchema } from '../../../shared/report/model';
import type { ScanResult } from '../../../shared/scan';
import type { CameraMeasurement } from '../../../shared/devices/measurements';
import { machines } from '../../fixtures/facts/machines';

const POM = findProfile('mitx-pom-final')!;
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

function setup() {
  let now = T0;
  const ctx = { dataDir: mkdtempSync(path.join(os.tmpdir(), 'preflight-make-report-')), appVersion: '1.2.3', emit: () => {}, now: () => now };
  const facts = machines.good();
  facts.device.hostname = 'LAB-PC-042';
  facts.device.username = 'student7';
  const scan: ScanResult = {
    profileId: POM.id,
    profileVersion: POM.version,
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0).toISOString(),
    facts,
    results: evaluate(POM, facts),
  };
  return {
    ctx,
    scan,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** What the camera step measured in the window (the report judges it: no result crosses over). */
const camera: CameraMeasurement = { outcome: 'measured', label: 'HD Webcam', width: 1280, height: 720, fps: 30, brightness: 120, durationMs: 10 };
const windowResult: CheckResult = {
  id: 'devices.camera',
  area: 'devices',
  title: msg('devices:camera.title'),
  status: 'pass',
  required: true,
  observed: msg('devices:camera.title'),
  expected: msg('devices:camera.title'),
  evidence: [],
  fix: null,
  durationMs: 10,
};

describe('makeReport', () => {
  it('says there is nothing to report before a system check of this exam', async () => {
    const { ctx } = setup();
    const r = await createReportHandlers(ctx, { latestScan: () => undefined }).makeReport(POM.id, {}, false, 'en');
    expect(r).toMatchObject({ ok: false, problem: { kind: 'no-scan' } });
    const unknown = await createReportHandlers(ctx).makeReport('mitx-nope', {}, false, 'en');
    expect(unknown).toMatchObject({ ok: false, problem: { message: { key: 'viewer:open.unknownProfile' } } });
  });

  it('carries the check, the devices, the checklist ticks and the latest mock exam; personal data out', async () => {
    const { ctx, scan, advance } = setup();
    const checklist = createChecklistHandlers(ctx);
    await checklist.setChecklistItem(POM.id, 'room-phone', true);
    const exam = createExamHandlers(ctx);
    const attempt = await exam.startAttempt(POM.id, { kind: 'extra-minutes', minutes: 30 });
    const first = attempt.sections[0]!;
    await exam.openSection(attempt.id, first.id);
    advance(20 * 60_000);
    await exam.submitSection(attempt.id, first.id);

    const h = createReportHandlers(ctx, { latestScan: (id) => (id === POM.id ? scan : undefined) });
    // results from the window (the old shape) are refused: it cannot add or replace a verdict
    await expect(h.makeReport(POM.id, [windowResult, { ...windowResult, id: 'os.fake', area: 'system' }], false, 'es')).rejects.toThrow();
    await expect(h.makeReport(POM.id, { camera, results: [windowResult] }, false, 'es')).rejects.toThrow();
    const r = await h.makeReport(POM.id, { camera }, false, 'es');
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const report = ReportSchema.parse(JSON.parse(r.value.json));
    expect(report).toMatchObject({
      appVersion: '1.2.3',
      createdAt: new Date(T0 + 20 * 60_000).toISOString(),
      profile: { id: POM.id, version: POM.version },
      redacted: true,
    });
    // only device results are taken from the window: it cannot add or replace system checks
    expect(report.results.map((x) => x.id)).toEqual([...scan.results.map((x) => x.id), 'devices.camera']);
    // judged here from the measurement, which the report carries for re-judging
    expect(report.results.at(-1)).toMatchObject({ id: 'devices.camera', status: 'pass', observed: { key: 'devices:camera.observed' } });
    expect(report.facts.devices.camera).toEqual(camera);
    expect(report.facts.device).toMatchObject({ hostname: '[redacted]', username: '[redacted]' });
    expect(r.value.json).not.toMatch(/LAB-PC-042|student7/);
    expect(report.checklist).toMatchObject({ done: 1, status: 'incomplete' });
    expect(report.checklist!.items.find((i) => i.id === 'room-phone')).toMatchObject({ done: true });
    expect(report.mockExam).toMatchObject({ attemptId: attempt.id, bankId: POM.mockExam!.bankId, accommodation: '+30 min', finished: false });
    expect(report.mockExam!.sections[0]).toMatchObject({ id: first.id, status: 'submitted', usedMs: 20 * 60_000 });
    expect(r.value.fileBase).toBe(`exam-preflight-${POM.id}-${report.checkId}`);
    expect(r.value.html).toContain('<html lang="es">');
    expect(r.value.html).toContain('Último examen de práctica');
    expect(r.value.html).toContain(report.checkId);
  });

  it("names the policy's support contact over the exam's, and keeps personal data on opt-in", async () => {
    const { ctx, scan } = setup();
    const sds = findProfile('mitx-sds-capstone')!;
    const sdsScan = { ...scan, profileId: sds.id, results: evaluate(sds, scan.facts) };
    const plain = await createReportHandlers(ctx, { latestScan: () => sdsScan }).makeReport(sds.id, {}, true, 'en');
    expect(plain.ok && plain.value.report.support).toEqual(sds.support);
    expect(plain.ok && plain.value.report).toMatchObject({ redacted: false, facts: { device: { hostname: 'LAB-PC-042' } } });
    const policy = { name: 'Campus IT help desk', email: 'help@example.edu' };
    const withPolicy = await createReportHandlers(ctx, { latestScan: () => sdsScan, supportContact: policy }).makeReport(sds.id, {}, false, 'en');
    expect(withPolicy.ok && withPolicy.value.report.support).toEqual(policy);
    expect(withPolicy.ok && withPolicy.value.html).toContain('Campus IT help desk · help@example.edu');
  });

  it('PDF: says it needs the desktop app outside it, and hands a safe file name to Electron inside it', async () => {
    const { ctx } = setup();
    expect(await createReportHandlers(ctx).saveReportPdf('<p>x</p>', 'a')).toEqual({ saved: false, file: null, unavailable: true });
    const calls: string[] = [];
    const h = createReportHandlers(ctx, {
      savePdf: async (_html, base) => {
        calls.push(base);
        return { saved: true, file: `/tmp/${base}.pdf` };
      },
    });
    expect(await h.saveReportPdf('<p>x</p>', 'exam-preflight-x-EP-1234-ABCD')).toEqual({ saved: true, file: '/tmp/exam-preflight-x-EP-1234-ABCD.pdf' });
    await expect(h.saveReportPdf('<p>x</p>', '../../etc/passwd')).rejects.toThrow();
    expect(calls).toEqual(['exam-preflight-x-EP-1234-ABCD']);
  });
});
