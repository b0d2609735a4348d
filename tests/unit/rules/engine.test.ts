// Properties of the evaluation engine that must hold for every check, not just the seed rules:
// a probe that failed never passes, results are deterministic and pure, every message renders.
import { describe, expect, it } from 'vitest';
import { CHECKS, areasForCheck, checkIds, checksForArea, evaluate } from '../../../shared/rules';
import { builtinProfiles, findProfile } from '../../../shared/profile/load';
import { CheckResultSchema, verdictOf, type CheckResult } from '../../../shared/check';
import { FACT_AREAS, type FactArea, type Facts } from '../../../shared/facts';
import type { DeviceMeasurements } from '../../../shared/devices/measurements';
import { createI18n, renderMsg, LANGUAGES } from '../../../shared/i18n';
import { FIXTURE_NAMES, loadFixture } from '../../fixtures/facts/machines';
import { ALL_OS_STATE_RULES, osStateMachines } from '../../fixtures/facts/os-state';

/** Every check a profile can ask for, on: a profile that asks for all of them. */
const everything = () => {
  const p = structuredClone(findProfile('mitx-sds-ml')!);
  p.requirements.displays = { ...p.requirements.displays, minResolution: { width: 1280, height: 720, required: false } };
  p.requirements.network = { ...p.requirements.network!, endpoints: ['https://example.org/'], maxLatencyMs: 800 };
  p.requirements.osState = ALL_OS_STATE_RULES;
  return p;
};

/** Every device the window measures, measured (they give results only when measured). */
const MEASURED_DEVICES: DeviceMeasurements = {
  camera: { outcome: 'measured', label: 'cam', width: 1280, height: 720, fps: 30, brightness: 120, durationMs: 1 },
  face: { outcome: 'measured', samples: [], durationMs: 1, detectMs: null, backend: null },
  microphone: { outcome: 'measured', label: 'mic', peak: 60, noiseFloor: 10, clipped: 0, durationMs: 1 },
  speakers: { heard: true, label: 'out', routed: false },
};

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

describe('evaluation engine', () => {
  it('the registry has unique ids, each mapped to a check area and the facts it reads', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expectedArea: Record<string, string> = {
      os: 'system',
      device: 'system',
      hardware: 'system',
      displays: 'system',
      browsers: 'browsers',
      software: 'software',
      security: 'security',
      network: 'network',
      osstate: 'system',
      devices: 'devices',
    };
    for (const c of CHECKS) expect(c.area, c.id).toBe(expectedArea[c.id.split('.')[0]!]);
    expect(areasForCheck('security.virtual-machine')).toEqual(['virtualization']);
    expect(areasForCheck('software.python-packages')).toEqual(['software']);
    expect(areasForCheck('device.form-factor')).toEqual(['device', 'os']);
    expect(areasForCheck('no.such-check')).toEqual([]);
    expect(checksForArea('processes')).toEqual(['security.prohibited-apps', 'osstate.remote']);
    expect(checkIds(everything())).toEqual(ids);
  });

  it('a failed, timed-out or unsupported probe makes every check reading it unknown, with the reason — never pass', () => {
    const profile = everything();
    for (const area of FACT_AREAS) {
      for (const status of ['error', 'timeout', 'unsupported'] as const) {
        const f: Facts = osStateMachines.windowsCalm();
        // a device not measured gives no result at all: measured ones are what a failed probe must not pass
        if (area === 'devices') Object.assign(f.devices, MEASURED_DEVICES);
        f[area].probe = { status, error: `reason-${area}`, durationMs: 5 };
        const results = evaluate(profile, f);
        const affected = results.filter((r) => areasForCheck(r.id).includes(area));
        expect(affected.length, area).toBeGreaterThan(0);
        // a state this platform does not have (Wayland on Windows) stays not applicable, whatever
        // else failed — unless the OS probe itself failed, when the platform is not known
        const absent = area === 'os' ? [] : affected.filter((r) => r.status === 'not-applicable');
        for (const r of absent) expect(['osstate.screenrecording', 'osstate.wayland'], `${r.id} ${area} ${status}`).toContain(r.id);
        for (const r of absent) expect(r.fix).toBeNull();
        for (const r of affected.filter((x) => !absent.includes(x))) {
          expect(r.status, `${r.id} ${area} ${status}`).toBe('unknown');
          expect(renderMsg(createI18n('en'), r.evidence[0])).toContain(`reason-${area}`);
          expect(r.fix).not.toBeNull();
        }
        if (affected.some((r) => r.required)) expect(verdictOf(results)).not.toBe('ready');
      }
    }
  });

  it('missing values are unknown, not pass', () => {
    const f = loadFixture('windows-laptop-good');
    f.device.memory.totalBytes = null;
    f.device.manufacturer = null;
    f.device.model = null;
    f.processes.names = [];
    f.os.version = null;
    const rs = evaluate(everything(), f);
    for (const id of ['hardware.memory', 'device.model', 'security.prohibited-apps', 'os.supported', 'network.endpoints']) {
      expect(rs.find((r) => r.id === id)?.status, id).toBe('unknown');
    }
    expect(verdictOf(rs)).toBe('incomplete');
  });

  it('is pure and deterministic: frozen inputs, equal outputs, durations from the probes', () => {
    const profile = deepFreeze(everything());
    for (const name of FIXTURE_NAMES) {
      const facts = deepFreeze(loadFixture(name));
      const a = evaluate(profile, facts);
      expect(JSON.stringify(evaluate(profile, facts)), name).toBe(JSON.stringify(a));
      for (const r of a) {
        expect(CheckResultSchema.safeParse(r).success, `${name} ${r.id}`).toBe(true);
        expect(r.durationMs).toBe(Math.max(0, ...areasForCheck(r.id).map((x: FactArea) => facts[x].probe.durationMs)));
        if (r.status === 'pass' || r.status === 'not-applicable') expect(r.fix).toBeNull();
        else expect(r.fix, `${name} ${r.id} has a fix`).not.toBeNull();
      }
    }
  });

  it('`only` evaluates just the asked checks, in registry order', () => {
    const rs = evaluate(everything(), loadFixture('linux-good'), { only: ['software.r', 'os.supported', 'not.a-check'] });
    expect(rs.map((r) => r.id)).toEqual(['os.supported', 'software.r']);
  });

  it('every message of every result renders in en, es and pt with no raw key or placeholder', () => {
    const profiles = [...builtinProfiles(), everything()];
    const seen = new Set<string>();
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      for (const name of FIXTURE_NAMES) {
        for (const p of profiles) {
          for (const r of evaluate(p, loadFixture(name)) as CheckResult[]) {
            for (const m of [r.title, r.observed, r.expected, r.fix, ...r.evidence]) {
              if (!m) continue;
              seen.add(m.key);
              expect(i18n.exists(m.key, { ...m.params, fallbackLng: [] }), `${lang} ${m.key}`).toBe(true);
              const text = renderMsg(i18n, m);
              expect(text, `${lang} ${name} ${r.id} ${m.key}`).not.toMatch(/checks:|@|\{\{|^\s*$/);
            }
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });

  // issue 29: "Encontrado ?", "Chromium ?" — a value the computer did not report is said in words
  it('a value the computer did not report is never shown as a bare "?"', () => {
    const placeholder = /(^|[\s(:×])\?($|[\s),.;:·×])/;
    const profiles = [...builtinProfiles(), everything()];
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      const words = i18n.t('common:notReported');
      let saidInWords = 0;
      for (const name of FIXTURE_NAMES) {
        const f = structuredClone(loadFixture(name));
        // what a computer may leave out: make and model, versions, battery level, display sizes, the VM kind
        f.device.manufacturer = null;
        f.device.model = null;
        f.os.version = null;
        f.device.battery.percent = null;
        for (const b of f.browsers.browsers) b.version = null;
        for (const p of [...f.software.python, ...f.software.r]) p.version = null;
        for (const d of f.displays.displays) Object.assign(d, { width: null, height: null, model: null });
        f.virtualization.kind = null;
        for (const p of profiles)
          for (const r of evaluate(p, f) as CheckResult[])
            for (const m of [r.title, r.observed, r.expected, r.fix, ...r.evidence]) {
              const text = renderMsg(i18n, m);
              expect(text, `${lang} ${name} ${r.id} ${m?.key}`).not.toMatch(placeholder);
              if (text.includes(words)) saidInWords++;
            }
      }
      expect(saidInWords, lang).toBeGreaterThan(0);
    }
  });

  it('every check has a title in every language', () => {
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      for (const c of CHECKS) expect(i18n.exists(c.titleKey ?? `checks:${c.id}.title`, { fallbackLng: [] }), `${lang} ${c.id}`).toBe(true);
    }
  });
});
