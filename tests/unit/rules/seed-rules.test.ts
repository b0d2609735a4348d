// Every rule the exam FAQs give, on facts of machines we do not have.
import { describe, expect, it } from 'vitest';
import { evaluate, checkIds } from '../../../shared/rules';
import { findProfile } from '../../../shared/profile/load';
import { verdictOf, type CheckResult } from '../../../shared/check';
import { createI18n, renderMsg } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';
import { osStateMachines } from '../../fixtures/facts/os-state';

const profile = (id: string) => findProfile(id)!;
const en = createI18n('en');
const check = (results: CheckResult[], id: string) => {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id} in ${results.map((x) => x.id).join(', ')}`);
  return r;
};
const evidenceText = (r: CheckResult) => r.evidence.map((e) => renderMsg(en, e)).join(' | ');

describe('seed rules (MITx SDS capstone unless stated)', () => {
  const sds = profile('mitx-sds-capstone');

  it('a good Windows laptop (its OS settings calm too) is ready for every built-in exam', () => {
    for (const id of ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final', 'mitx-xpro-course']) {
      const results = evaluate(profile(id), osStateMachines.windowsCalm());
      expect(
        results.filter((r) => r.status !== 'pass' && r.status !== 'not-applicable').map((r) => `${r.id}:${r.status}`),
        id,
      ).toEqual([]);
      expect(verdictOf(results)).toBe('ready');
    }
  });

  it('rejects Windows XP, naming the version', () => {
    const r = check(evaluate(sds, machines.windowsXp()), 'os.supported');
    expect(r.status).toBe('fail');
    expect(r.required).toBe(true);
    expect(evidenceText(r)).toContain("'5.1.2600' is Windows XP");
    expect(r.source?.quote).toMatch(/Windows XP/);
  });

  it('warns (does not fail) below the recommended Windows 10', () => {
    const r = check(evaluate(sds, machines.windows7()), 'os.supported');
    expect(r.status).toBe('warn');
    expect(r.required).toBe(false);
  });

  it('rejects a Microsoft Surface laptop with the model and maker as evidence', () => {
    const r = check(evaluate(sds, machines.surfaceLaptop()), 'device.model');
    expect(r.status).toBe('fail');
    expect(evidenceText(r)).toBe("System model 'Surface Laptop 5', maker 'Microsoft Corporation' matches Microsoft Surface");
    expect(renderMsg(en, r.fix)).toMatch(/different computer/);
  });

  it('rejects tablets and phones, by chassis and by operating system', () => {
    expect(check(evaluate(sds, machines.windowsTablet()), 'device.form-factor').status).toBe('fail');
    for (const m of [machines.ipad(), machines.androidPhone()]) {
      const results = evaluate(sds, m);
      expect(check(results, 'os.supported').status).toBe('fail');
      expect(check(results, 'device.form-factor').status).toBe('fail');
      expect(verdictOf(results)).toBe('not-ready');
    }
  });

  it('fails SDS without R or Python, with the install step', () => {
    const results = evaluate(sds, machines.noPythonNoR());
    expect(check(results, 'software.python').status).toBe('fail');
    expect(check(results, 'software.r').status).toBe('fail');
    expect(renderMsg(en, check(results, 'software.r').fix)).toContain('cran.r-project.org');
    // the xPRO course asks for neither
    expect(evaluate(profile('mitx-xpro-course'), machines.noPythonNoR()).map((r) => r.id)).not.toContain('software.python');
  });

  it('fails the ML profile without PyTorch, but only warns the capstone about an optional package', () => {
    const ml = check(evaluate(profile('mitx-sds-ml'), machines.noTorch()), 'software.python-packages');
    expect(ml.status).toBe('fail');
    expect(renderMsg(en, ml.fix)).toContain('pip install torch');
    const cap = evaluate(sds, machines.noTorch());
    expect(cap.find((r) => r.id === 'software.python-packages')?.status).toBe('pass'); // capstone asks only numpy
  });

  it('an old browser fails where a current one is required (xPRO) and warns where advisory', () => {
    const xpro = check(evaluate(profile('mitx-xpro-course'), machines.oldBrowser()), 'browsers.supported');
    expect(xpro.status).toBe('fail');
    expect(evidenceText(xpro)).toContain('Chrome 109.0.5414.120 is older than Chrome 140');
    expect(check(evaluate(sds, machines.oldBrowser()), 'browsers.supported').status).toBe('warn');
    const relatives = check(evaluate(profile('mitx-xpro-course'), machines.chromiumOnly()), 'browsers.supported');
    expect(relatives.status).toBe('fail');
    expect(evidenceText(relatives)).toMatch(/Only related browsers/);
  });

  it('fails a virtual machine with its evidence (issue 24: the proctoring software the FAQ binds to refuses VMs)', () => {
    const r = check(evaluate(sds, machines.virtualBox()), 'security.virtual-machine');
    expect([r.status, r.required]).toEqual(['fail', true]);
    expect(r.source?.quote).toMatch(/virtual machine/);
    expect(evidenceText(r)).toContain("DMI vendor 'innotek GmbH'");
    expect(evidenceText(r)).toContain('08:00:27');
  });

  it('does not call a machine virtual on one weak signal, and shows the signal', () => {
    const r = check(evaluate(sds, machines.good()), 'security.virtual-machine');
    expect(r.status).toBe('pass');
    expect(evidenceText(r)).toMatch(/Weak signal: hypervisor flag.*single weak signal is not enough/);
  });

  it('flags a running remote-desktop app with the process name', () => {
    const r = check(evaluate(sds, machines.teamViewer()), 'security.prohibited-apps');
    expect(r.status).toBe('fail');
    expect(evidenceText(r)).toContain(
      "Process 'teamviewer.exe, teamviewer_service.exe, tv_w32.exe, tv_x64.exe' is running (TeamViewer, remote desktop or remote control)",
    );
    expect(renderMsg(en, r.fix)).toContain('Quit TeamViewer');
  });

  it('two monitors fail (issue 24: the edX learner guide "must not have more than one display or monitor")', () => {
    const r = check(evaluate(profile('mitx-pom-final'), machines.twoMonitors()), 'displays.count');
    expect(r.status).toBe('fail');
    expect(r.source?.quote).toBe('The computer you are using to take the exam must not have more than one display or monitor.');
    expect(renderMsg(en, r.observed)).toBe('2 displays: 1920×1200 ●, 3840×2160');
  });

  it('a probe that timed out or failed is unknown with the reason, never pass, and blocks "ready"', () => {
    const results = evaluate(sds, machines.probeTimeouts());
    for (const id of ['software.python', 'software.r', 'security.virtual-machine']) {
      const r = check(results, id);
      expect(r.status).toBe('unknown');
      expect(r.evidence.length).toBeGreaterThan(0);
    }
    expect(evidenceText(check(results, 'software.python'))).toBe('Reading the installed software took too long: no answer within 8000 ms');
    expect(verdictOf(results)).toBe('incomplete');
  });

  it('is deterministic and can evaluate one check alone', () => {
    const f = machines.teamViewer();
    expect(evaluate(sds, f)).toEqual(evaluate(sds, f));
    expect(evaluate(sds, f, { only: ['security.prohibited-apps'] }).map((r) => r.id)).toEqual(['security.prohibited-apps']);
    // the camera, microphone and speakers the app has always tested for every exam (shared/rules/devices.ts)
    expect(checkIds(profile('mitx-xpro-course'))).toEqual([
      'browsers.supported',
      'network.connection',
      'devices.camera',
      'devices.microphone',
      'devices.speakers',
    ]);
  });

  it('renders every result of every fixture in every language without a raw key', () => {
    for (const lang of ['en', 'es', 'pt'] as const) {
      const i18n = createI18n(lang);
      for (const [name, m] of Object.entries(machines)) {
        for (const id of ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final', 'mitx-xpro-course']) {
          for (const r of evaluate(profile(id), m())) {
            for (const msg of [r.title, r.observed, r.expected, r.fix, ...r.evidence]) {
              if (!msg) continue;
              const text = renderMsg(i18n, msg);
              expect(text, `${lang} ${name} ${r.id} ${msg.key}`).not.toMatch(/checks:|common:|\{\{|^$/);
              expect(i18n.exists(msg.key, msg.params), `${lang} ${msg.key}`).toBe(true);
            }
          }
        }
      }
    }
  });
});
