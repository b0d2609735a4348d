// Devices are facts like the others (format 3): a device not measured gives no result at all, a
// report carries what the window measured and re-judges it against another exam, facts of formats
// 1 and 2 still read (no device measured), every value from a file is bounded, and the text and
// HTML outputs say plainly that the devices are measured only in the app.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportHandlers } from '../../../electron/handlers/report';
import { checkIds, DEVICE_CHECK_IDS, evaluate } from '../../../shared/rules';
import { FACTS_SCHEMA_VERSION, FactsSchema, type Facts } from '../../../shared/facts';
import type { DeviceMeasurements } from '../../../shared/devices/measurements';
import { findProfile } from '../../../shared/profile/load';
import { judgeDevices } from '../../../shared/pipeline';
import type { Report } from '../../../shared/report/model';
import type { ScanResult } from '../../../shared/scan';
import { createI18n } from '../../../shared/i18n';
import { renderText } from '../../../shared/report/render-text';
import { renderHtml } from '../../../shared/report/render-html';
import { machines } from '../../fixtures/facts/machines';

const POM = findProfile('mitx-pom-final')!;
const XPRO = findProfile('mitx-xpro-course')!;
const nobody = { faces: [], faceLuma: null, backgroundLuma: 120 };
/** A virtual camera in an empty room, a working microphone, speakers not heard. */
const MEASURED: DeviceMeasurements = {
  camera: { outcome: 'measured', label: 'OBS Virtual Camera', width: 1280, height: 720, fps: 30, brightness: 120, durationMs: 2100 },
  face: { outcome: 'measured', samples: [nobody, nobody, nobody, nobody], durationMs: 4000, detectMs: 40, backend: 'wasm' },
  microphone: { outcome: 'measured', label: 'Built-in Microphone', peak: 60, noiseFloor: 10, clipped: 0, durationMs: 5500 },
  speakers: { heard: false, label: 'Speakers (Realtek)', routed: true },
};
const withDevices = (f: Facts, d: DeviceMeasurements): Facts => ({ ...f, devices: { ...f.devices, ...d } });
const devicesOf = (rs: ReturnType<typeof evaluate>) => Object.fromEntries(rs.filter((r) => r.area === 'devices').map((r) => [r.id, r.status]));

describe('devices in the facts', () => {
  it('a device not measured gives no result; the exam still lists its check', () => {
    const facts = machines.good();
    expect(facts.devices).toEqual({ probe: { status: 'ok', durationMs: 0 } });
    expect(evaluate(POM, facts).filter((r) => r.area === 'devices')).toEqual([]);
    expect(checkIds(POM)).toEqual(expect.arrayContaining([...DEVICE_CHECK_IDS]));
    // one device measured: that one result, the others still absent
    const rs = evaluate(POM, withDevices(facts, { microphone: MEASURED.microphone }));
    expect(devicesOf(rs)).toEqual({ 'devices.microphone': 'pass' });
  });

  it('measured devices are judged by evaluate like any check, with the measurement duration', () => {
    const rs = evaluate(POM, withDevices(machines.good(), MEASURED));
    expect(devicesOf(rs)).toEqual({ 'devices.camera': 'warn', 'devices.face': 'fail', 'devices.microphone': 'pass', 'devices.speakers': 'warn' });
    expect(rs.find((r) => r.id === 'devices.camera')).toMatchObject({ durationMs: 2100, fix: { key: 'devices:camera.fix.virtual' } });
    // judging only the devices (main's judgeDevices) gives the same device results
    expect(judgeDevices(POM, MEASURED, machines.good())).toEqual(rs.filter((r) => r.area === 'devices'));
  });

  it('a camera that would not open is explained with the OS switches of the system check', () => {
    const facts = machines.good();
    facts.device.mediaAccess = {
      camera: { system: 'allowed', apps: 'allowed', desktopApps: 'denied', inUseBy: [], note: null },
      microphone: { system: 'allowed', apps: 'allowed', desktopApps: 'allowed', inUseBy: [], note: null },
      linux: null,
    };
    const failed = { camera: { outcome: 'failed', failure: 'in-use', os: 'windows', detail: 'NotReadableError: x', durationMs: 0 } } as const;
    expect(judgeDevices(POM, failed, facts)[0]).toMatchObject({ status: 'fail', fix: { key: 'devices:failure.os-blocked.fix.windows' } });
    // before any system check the browser's error is taken at its word
    expect(judgeDevices(POM, failed)[0]).toMatchObject({ status: 'fail', fix: { key: 'devices:failure.in-use.fix' } });
  });

  it('facts of formats 1 and 2 read, with no device measured; format 3 without devices is damaged', () => {
    const current = JSON.parse(JSON.stringify(machines.good())) as Record<string, unknown>;
    const v2 = { ...current, schemaVersion: 2, devices: undefined };
    const v1 = { ...v2, schemaVersion: 1, osState: undefined };
    for (const old of [v1, v2]) {
      const f = FactsSchema.parse(old);
      expect(f.schemaVersion).toBe(FACTS_SCHEMA_VERSION);
      expect(f.devices).toEqual({ probe: { status: 'ok', durationMs: 0 } });
      expect(evaluate(POM, f).filter((r) => r.area === 'devices')).toEqual([]);
    }
    expect(FactsSchema.safeParse({ ...current, devices: undefined }).success).toBe(false);
    expect(FactsSchema.parse({ ...current, devices: { probe: { status: 'ok', durationMs: 0 }, ...MEASURED } }).devices).toEqual({
      probe: { status: 'ok', durationMs: 0 },
      ...MEASURED,
    });
  });

  it('every number and string of a measurement is bounded (facts come from files)', () => {
    const base = JSON.parse(JSON.stringify(withDevices(machines.good(), MEASURED))) as Facts;
    const bad: Array<(f: Facts) => void> = [
      (f) => Object.assign(f.devices.camera!, { width: -1 }),
      (f) => Object.assign(f.devices.camera!, { fps: 1e9 }),
      (f) => Object.assign(f.devices.camera!, { brightness: 300 }),
      (f) => Object.assign(f.devices.camera!, { label: 'x'.repeat(501) }),
      (f) => Object.assign(f.devices.microphone!, { peak: 101 }),
      (f) => Object.assign(f.devices.microphone!, { clipped: 2 }),
      (f) => Object.assign(f.devices.speakers!, { label: 'x'.repeat(10_000) }),
      (f) => Object.assign(f.devices.face!, { samples: Array.from({ length: 1001 }, () => nobody) }),
      (f) => Object.assign(f.devices.face!, { backend: 'x'.repeat(51) }),
      (f) => Object.assign(f.devices, { camera: { outcome: 'failed', failure: 'melted', os: 'windows', detail: '', durationMs: 0 } }),
    ];
    expect(FactsSchema.safeParse(base).success).toBe(true);
    for (const [i, spoil] of bad.entries()) {
      const f = structuredClone(base);
      spoil(f);
      expect(FactsSchema.safeParse(f).success, `case ${i}`).toBe(false);
    }
  });
});

describe('a report carries the measurements and re-judges them', () => {
  const made = async () => {
    const ctx = {
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'preflight-devices-')),
      appVersion: '1.2.3',
      emit: () => {},
      now: () => Date.parse('2026-11-23T10:00:00Z'),
    };
    const facts = machines.good();
    const scan: ScanResult = { profileId: POM.id, profileVersion: POM.version, startedAt: '', finishedAt: '', facts, results: evaluate(POM, facts) };
    const h = createReportHandlers(ctx, { latestScan: () => scan });
    const r = await h.makeReport(POM.id, MEASURED, false, 'en');
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    return { h, json: r.value.json, report: r.value.report };
  };

  it('re-evaluated against another exam, the devices are judged by that exam', async () => {
    const { h, json, report } = await made();
    expect(report.facts.devices).toMatchObject({ camera: MEASURED.camera, speakers: MEASURED.speakers });
    expect(devicesOf(report.results)).toEqual({ 'devices.camera': 'warn', 'devices.face': 'fail', 'devices.microphone': 'pass', 'devices.speakers': 'warn' });
    expect(report.verdict).toBe('not-ready');
    // the same exam: the same device verdicts
    const same = await h.reevaluateReport(json, 'r.json', POM.id);
    expect(same.ok && devicesOf(same.value.results)).toEqual(devicesOf(report.results));
    // xPRO asks for no face and flags no virtual camera: the empty room and OBS no longer count
    const other = await h.reevaluateReport(json, 'r.json', XPRO.id);
    if (!other.ok) throw new Error(JSON.stringify(other.problem));
    expect(devicesOf((other.value as Report).results)).toEqual({ 'devices.camera': 'pass', 'devices.microphone': 'pass', 'devices.speakers': 'warn' });
  });
});

describe('the CLI says the devices are measured only in the app', () => {
  const en = createI18n('en');
  const report = (facts: Facts) => ({
    results: [],
    verdict: 'ready' as const,
    profile: { id: POM.id, version: POM.version, title: 'x' },
    checkId: 'EP-1',
    facts,
  });

  it('text: one line naming the devices the exam asks for that were not measured', () => {
    const text = renderText(report(machines.good()), en, { profile: POM });
    expect(text).toContain('Not measured: Camera, Your face on camera, Microphone, Speakers.');
    expect(text).toContain('tested only in the Exam Preflight app');
    const some = renderText(report(withDevices(machines.good(), { camera: MEASURED.camera, speakers: MEASURED.speakers })), createI18n('es'), { profile: POM });
    expect(some).toContain('Sin medir: Tu cara en la cámara, Micrófono.');
    expect(renderText(report(withDevices(machines.good(), MEASURED)), en, { profile: POM })).not.toContain('Not measured');
  });

  it('HTML: the same line, in the reader’s language', async () => {
    const { json } = await (async () => {
      const facts = machines.good();
      const scan: ScanResult = { profileId: POM.id, profileVersion: POM.version, startedAt: '', finishedAt: '', facts, results: evaluate(POM, facts) };
      const ctx = { dataDir: mkdtempSync(path.join(os.tmpdir(), 'preflight-devices-')), appVersion: '1.2.3', emit: () => {}, now: () => 0 };
      const r = await createReportHandlers(ctx, { latestScan: () => scan }).makeReport(POM.id, { microphone: MEASURED.microphone }, false, 'en');
      if (!r.ok) throw new Error('no report');
      return r.value;
    })();
    const html = renderHtml(JSON.parse(json) as Report, createI18n('pt'));
    expect(html).toContain('Não medidos: Câmera, Seu rosto na câmera, Alto-falantes.');
  });
});
