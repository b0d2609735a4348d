// Issue 11 §3, the profile and rule data items: each test here failed before its fix (Surface names
// as firmware reports them, the new Teams and incoming RDP, Safari 18 in November 2026, ChromeOS).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import type { CheckResult } from '../../../shared/check';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { loadFixture } from '../../fixtures/facts/machines';
import type { Facts } from '../../../shared/facts';

const en = createI18n('en');
const run = (profileId: string, facts: Facts, id: string): CheckResult | undefined => evaluate(findProfile(profileId)!, facts).find((r) => r.id === id);
const text = (r: CheckResult | undefined) => (r ? [r.observed, ...r.evidence, r.fix].map((m) => renderMsg(en, m)).join(' | ') : '');
const device = (manufacturer: string | null, model: string | null) => {
  const f = loadFixture('windows-laptop-good');
  Object.assign(f.device, { manufacturer, model });
  return f;
};

describe('Microsoft Surface as the firmware reports it', () => {
  const surfaces: Array<[string | null, string]> = [
    ['Microsoft Corporation', 'Microsoft Surface Pro, 11th Edition'],
    ['Microsoft Corporation', 'Microsoft Surface Laptop, 7th Edition'],
    ['Microsoft Corporation', 'Surface Laptop 5'],
    ['Microsoft Corporation', 'Surface Book 3'],
    ['Microsoft Corporation', 'Surface Go 4'],
    ['Microsoft', 'Surface Pro 9'],
    [null, 'Microsoft Surface Laptop, 7th Edition'], // maker not reported: the model's own prefix says Microsoft
  ];
  for (const [maker, model] of surfaces) {
    it(`${maker ?? '(no maker)'} / ${model}: fails the SDS exams, warns for PoM`, () => {
      expect(run('mitx-sds-capstone', device(maker, model), 'device.model')).toMatchObject({ status: 'fail', required: true });
      expect(run('mitx-sds-ml', device(maker, model), 'device.model')).toMatchObject({ status: 'fail', required: true });
      expect(run('mitx-pom-final', device(maker, model), 'device.model')).toMatchObject({ status: 'warn', required: false });
    });
  }
  it('never a non-Microsoft model that merely contains the word', () => {
    for (const [maker, model] of [
      ['Dell Inc.', 'Surface 15'],
      ['Acme', 'Microsoft Surface Dock'],
      ['LENOVO', 'ThinkPad Surface Edition'],
      ['Microsoft Corporation', 'Xbox Series X'],
    ] as const) {
      expect(run('mitx-sds-capstone', device(maker, model), 'device.model')?.status, `${maker} ${model}`).toBe('pass');
    }
  });
  it('names the blocked model once in what the exam asks', () => {
    expect(renderMsg(en, run('mitx-sds-capstone', device('LENOVO', 'T14'), 'device.model')!.expected)).toBe(
      "Not a Microsoft Surface — the exam's rules say you must",
    );
  });
});

describe('prohibited programs as they run today', () => {
  const running = (...names: string[]) => {
    const f = loadFixture('mac-good');
    f.processes.names = ['finder', 'dock', ...names];
    return f;
  };
  it('the new Microsoft Teams on macOS (MSTeams) and on Windows (ms-teams.exe)', () => {
    for (const n of ['msteams', 'ms-teams.exe']) {
      const r = run('mitx-sds-capstone', running(n), 'security.prohibited-apps');
      expect(r?.status, n).toBe('fail');
      expect(text(r)).toContain('Microsoft Teams');
    }
  });
  it('an incoming Windows Remote Desktop session (rdpclip.exe), but not the RDP client', () => {
    expect(text(run('mitx-pom-final', running('rdpclip.exe'), 'security.prohibited-apps'))).toContain('Remote Desktop session (incoming)');
    expect(run('mitx-pom-final', running('mstsc.exe'), 'security.prohibited-apps')?.status).toBe('pass');
  });
});

describe('Safari in November 2026', () => {
  const safari = (version: string) => {
    const f = loadFixture('mac-good');
    f.browsers.browsers = [{ id: 'safari', name: 'Safari', version, path: '/Applications/Safari.app', via: 'app-bundle' }];
    return f;
  };
  it('Safari 18 is no longer current for xPRO (26 and 27 followed); Safari 26 still is', () => {
    const old = run('mitx-xpro-course', safari('18.1.1'), 'browsers.supported')!;
    expect(old.status).toBe('fail');
    expect(text(old)).toContain('Safari 18.1.1 is 2 major versions behind the current Safari 27 on November 20, 2026');
    expect(run('mitx-xpro-course', safari('26.1'), 'browsers.supported')?.status).toBe('pass');
  });
});

describe('ChromeOS cannot install the software the FAQ says learners download', () => {
  const chromebook = () => {
    const f = loadFixture('linux-good');
    Object.assign(f.os, { platform: 'chromeos', name: 'ChromeOS', distro: null, version: '142.0', mobile: false });
    return f;
  };
  it('warns, with the reason, for the SDS and PoM exams; the xPRO course (browser only) is not affected', () => {
    for (const id of ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final']) {
      const r = run(id, chromebook(), 'os.supported')!;
      expect([r.status, r.required], id).toEqual(['warn', false]);
      expect(text(r)).toContain('ChromeOS cannot install the desktop software');
      expect(r.source?.quote).toMatch(/download/);
    }
    expect(run('mitx-xpro-course', chromebook(), 'os.supported')).toBeUndefined();
  });
});
