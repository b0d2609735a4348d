// The OS-state rules: verdicts on machines in good and bad states, "not applicable" on platforms
// without the setting, unknown (never pass) for what could not be read or was not collected, and
// every message rendered in every language.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules';
import { countByStatus } from '../../../shared/check';
import { displayMode, idleMinimum } from '../../../shared/rules/os-state';
import { findProfile } from '../../../shared/profile/load';
import { inspectRequestFor } from '../../../shared/profile/load';
import type { Profile } from '../../../shared/profile/schema';
import { FactsSchema, OS_STATE_REASONS, type Facts } from '../../../shared/facts';
import { createI18n, LANGUAGES, renderMsg } from '../../../shared/i18n';
import { machines } from '../../fixtures/facts/machines';
import { ALL_OS_STATE_RULES, osStateMachines, windowsCalm, withOsState } from '../../fixtures/facts/os-state';

const profileWith = (osState = ALL_OS_STATE_RULES): Profile => {
  const p = structuredClone(findProfile('mitx-pom-final')!);
  p.requirements.osState = structuredClone(osState);
  return p;
};
const byId = (facts: Facts, p = profileWith()) =>
  Object.fromEntries(
    evaluate(p, facts)
      .filter((r) => r.id.startsWith('osstate.'))
      .map((r) => [r.id, r]),
  );

describe('OS-state rules', () => {
  it('a calm Windows laptop passes every state it has (Wayland and Screen Recording do not apply)', () => {
    const r = byId(osStateMachines.windowsCalm());
    const notWindows = ['osstate.wayland', 'osstate.screenrecording'];
    for (const [id, res] of Object.entries(r)) expect(res.status, id).toBe(notWindows.includes(id) ? 'not-applicable' : 'pass');
    expect(Object.keys(r)).toHaveLength(14);
  });

  it('a troubled Windows laptop warns on each advisory state, with the fix', () => {
    const r = byId(osStateMachines.windowsTroubled());
    for (const id of [
      'osstate.smode',
      'osstate.restart',
      'osstate.notifications',
      'osstate.idle',
      'osstate.powersaver',
      'osstate.activation',
      'osstate.testsigning',
      'osstate.remote',
      'osstate.touch',
      'osstate.scaling',
      'osstate.displaymode',
    ]) {
      expect(r[id]!.status, id).toBe('warn');
      expect(r[id]!.required, id).toBe(false);
      expect(r[id]!.fix, id).not.toBeNull();
    }
    expect(r['osstate.idle']!.evidence.map((e) => e.key)).toEqual([
      'osstate:idle.evidence.sleep',
      'osstate:idle.evidence.display',
      'osstate:idle.evidence.lock',
    ]);
    expect(r['osstate.displaymode']!.observed).toEqual({ key: 'osstate:displaymode.observed.extended', params: { window: 2, connected: 1 } });
  });

  it('a required rule fails (and blocks) where an exam states it', () => {
    const p = profileWith({ sMode: { required: true } });
    const [r] = evaluate(p, osStateMachines.windowsTroubled(), { only: ['osstate.smode'] });
    expect(r).toMatchObject({ status: 'fail', required: true });
  });

  it('states a platform does not have are not applicable (never a pass), saying why', () => {
    const mac = withOsState(machines.mac(), { probe: { status: 'ok', durationMs: 1 } });
    const r = byId(
      mac,
      profileWith({ sMode: { required: false }, activation: { required: false }, testSigning: { required: false }, waylandSession: { required: false } }),
    );
    for (const id of ['osstate.smode', 'osstate.activation', 'osstate.testsigning', 'osstate.wayland']) {
      expect(r[id]!.status, id).toBe('not-applicable');
      expect(r[id]!.evidence[0]!, id).toEqual({ key: 'checks:common.notApplicable', params: { platform: 'macOS', platforms: expect.any(String) } });
      expect(r[id]!.fix, id).toBeNull();
    }
    // left out of the counts and of the verdict
    expect(countByStatus(Object.values(r)).pass).toBe(0);
  });

  it('unreadable states are unknown with the reason and the manual fix, never pass', () => {
    const linux = withOsState(machines.linux(), {
      probe: { status: 'ok', durationMs: 1 },
      sessionType: { value: null, via: 'XDG_SESSION_TYPE', reason: 'no graphical session' },
      sleepAfterMin: { value: null, via: 'gsettings', reason: 'no graphical session' },
      displayOffAfterMin: { value: null, via: 'xset q', reason: 'no graphical session' },
      lockAfterMin: { value: null, via: 'gsettings', reason: 'no graphical session' },
    });
    const r = byId(linux, profileWith({ waylandSession: { required: true }, idleTimeouts: { required: true } }));
    expect(r['osstate.wayland']).toMatchObject({ status: 'unknown', fix: { key: 'osstate:wayland.fix.linux' } });
    expect(r['osstate.wayland']!.evidence[0]).toEqual({
      key: 'osstate:common.unreadable',
      params: { via: 'XDG_SESSION_TYPE', reason: 'no graphical session' },
    });
    expect(r['osstate.idle']).toMatchObject({ status: 'unknown', fix: { key: 'osstate:idle.fix.linux' } });
    const mac = withOsState(machines.mac(), {
      probe: { status: 'ok', durationMs: 1 },
      screenRecording: { value: null, via: 'TCC.db', reason: 'needs Full Disk Access' },
    });
    expect(byId(mac)['osstate.screenrecording']).toMatchObject({ status: 'unknown', fix: { key: 'osstate:screenrecording.fix.macos' } });
  });

  it("the collectors' common reasons read in the learner's language; any other reason as written", () => {
    const linux = withOsState(machines.linux(), {
      probe: { status: 'ok', durationMs: 1 },
      sessionType: { value: null, via: 'XDG_SESSION_TYPE', reason: OS_STATE_REASONS.noSession },
      doNotDisturb: { value: null, via: 'gsettings', reason: 'gsettings: exit 1' },
    });
    const r = byId(linux, profileWith({ waylandSession: { required: false }, doNotDisturb: { required: false } }));
    const es = createI18n('es');
    expect(renderMsg(es, r['osstate.wayland']!.evidence[0])).toBe(
      'No se pudo leer (XDG_SESSION_TYPE): no hay sesión gráfica (nada que leer en un servidor o en una consola de texto)',
    );
    expect(renderMsg(es, r['osstate.notifications']!.evidence[0])).toBe('No se pudo leer (gsettings): gsettings: exit 1');
  });

  it('Wayland warns, X11 passes, a text console is unknown', () => {
    const at = (value: 'wayland' | 'x11' | 'tty') =>
      byId(
        withOsState(machines.linux(), { probe: { status: 'ok', durationMs: 1 }, sessionType: { value, via: 'XDG_SESSION_TYPE' } }),
        profileWith({ waylandSession: { required: false } }),
      )['osstate.wayland']!.status;
    expect(at('wayland')).toBe('warn');
    expect(at('x11')).toBe('pass');
    expect(at('tty')).toBe('unknown');
  });

  it('facts from before osState (format 1) open, and their states are unknown, not pass', () => {
    const old = JSON.parse(JSON.stringify(machines.good())) as Record<string, unknown>;
    delete old.osState;
    old.schemaVersion = 1;
    const f = FactsSchema.parse(old);
    expect(f.schemaVersion).toBe(3);
    expect(f.osState.probe.status).toBe('error');
    // Wayland and Screen Recording do not exist on this Windows machine: not applicable, whatever the file lacks
    const absent = ['osstate.wayland', 'osstate.screenrecording'];
    expect(f.os.platform).toBe('windows');
    for (const r of Object.values(byId(f)))
      if (r.id !== 'osstate.proctoringos') expect(r.status, r.id).toBe(absent.includes(r.id) ? 'not-applicable' : 'unknown');
    // a format-2 file without osState is damaged, not old
    expect(FactsSchema.safeParse({ ...old, schemaVersion: 2 }).success).toBe(false);
  });

  it('facts collected for another exam say the state was not collected', () => {
    const f = withOsState(machines.good(), { probe: { status: 'ok', durationMs: 1 } });
    const r = byId(f, profileWith({ restartPending: { required: false } }));
    expect(r['osstate.restart']).toMatchObject({ status: 'unknown', evidence: [{ key: 'osstate:common.notCollected' }] });
  });

  it('rdpclip.exe running means a Remote Desktop session even without SESSIONNAME', () => {
    const f = withOsState(machines.good(), { ...windowsCalm(), remoteSession: { value: null, via: 'SESSIONNAME', reason: 'SESSIONNAME is not set' } });
    f.processes.names.push('rdpclip.exe');
    expect(byId(f)['osstate.remote']).toMatchObject({ status: 'warn', evidence: [{ key: 'osstate:remote.evidence.rdpclip' }, { key: 'osstate:common.via' }] });
  });

  it('idle timeouts: the exam\'s longest section unless the rule names minutes; "never" is fine', () => {
    const p = findProfile('mitx-pom-final')!;
    expect(idleMinimum({ required: false }, p)).toBe(Math.max(...p.mockExam!.sections.map((s) => s.timeLimitMinutes)));
    expect(idleMinimum({ minMinutes: 30, required: false }, p)).toBe(30);
    expect(idleMinimum({ required: false }, { ...p, mockExam: undefined })).toBe(60);
    const f = withOsState(machines.good(), {
      ...windowsCalm(),
      sleepAfterMin: { value: 0, via: 'powercfg' },
      displayOffAfterMin: { value: 0, via: 'powercfg' },
      lockAfterMin: { value: 0, via: 'reg' },
    });
    expect(byId(f)['osstate.idle']!.status).toBe('pass');
  });

  it("mirrored vs extended: the window's displays merged with the inspector's", () => {
    const base = machines.twoMonitors();
    const one = windowsCalm().windowDisplays!.displays![0]!;
    expect(displayMode(withOsState(base, { probe: { status: 'ok', durationMs: 1 }, windowDisplays: { displays: [one] } }))).toMatchObject({
      mode: 'mirrored',
      window: 1,
      connected: 2,
    });
    expect(displayMode(withOsState(base, { probe: { status: 'ok', durationMs: 1 }, windowDisplays: { displays: [one, { ...one, id: 2 }] } }))?.mode).toBe(
      'mirrored',
    );
    expect(
      displayMode(withOsState(base, { probe: { status: 'ok', durationMs: 1 }, windowDisplays: { displays: [one, { ...one, id: 2, x: 1920 }] } }))?.mode,
    ).toBe('extended');
    expect(displayMode(withOsState(machines.good(), { probe: { status: 'ok', durationMs: 1 }, windowDisplays: { displays: [one] } }))?.mode).toBe('single');
    const cli = withOsState(base, { probe: { status: 'ok', durationMs: 1 }, windowDisplays: { displays: null, reason: 'no window' } });
    expect(byId(cli)['osstate.displaymode']).toMatchObject({ status: 'unknown', fix: { key: 'osstate:displaymode.fix.noWindow' } });
  });

  it("the proctoring software's minimum: advisory, per platform", () => {
    const old = structuredClone(machines.mac());
    old.os.version = '11.7';
    expect(byId(old)['osstate.proctoringos']).toMatchObject({ status: 'warn', fix: { key: 'osstate:proctoringos.fix' } });
    expect(byId(machines.mac())['osstate.proctoringos']!.status).toBe('pass');
    expect(byId(machines.linux())['osstate.proctoringos']!.evidence[0]!.key).toBe('osstate:proctoringos.evidence.noMinimum');
  });

  it('values from the machine are data: a detail starting with "@" is never read as a message key', () => {
    const f = withOsState(machines.good(), {
      ...windowsCalm(),
      restartPending: { value: true, via: '@checks:common.fix.rerun', details: ['@osstate:smode.title'] },
    });
    const r = byId(f)['osstate.restart']!;
    const i18n = createI18n('en');
    const text = r.evidence.map((e) => renderMsg(i18n, e)).join(' ');
    expect(text).toContain('checks:common.fix.rerun');
    expect(text).not.toContain('Close other programs');
    expect(text).not.toContain('Windows S mode');
  });

  it('every message of every state, on every platform and outcome, renders in en, es and pt with no raw key', () => {
    const facts = [
      osStateMachines.windowsCalm(),
      osStateMachines.windowsTroubled(),
      withOsState(machines.mac(), {
        probe: { status: 'ok', durationMs: 1 },
        screenRecording: { value: null, via: 'TCC.db', reason: 'x' },
        doNotDisturb: { value: false, via: 'x' },
        powerSaver: { value: true, via: 'pmset -g' },
        touchScreen: { value: true, via: 'w' },
        scalePercent: { value: 300, via: 'w' },
        restartPending: { value: true, via: 'x' },
        remoteSession: { value: true, via: 'x' },
        sleepAfterMin: { value: 5, via: 'x' },
      }),
      withOsState(machines.linux(), {
        probe: { status: 'ok', durationMs: 1 },
        sessionType: { value: 'tty', via: 'x' },
        doNotDisturb: { value: false, via: 'x' },
        powerSaver: { value: true, via: 'x' },
        touchScreen: { value: true, via: 'w' },
        scalePercent: { value: 300, via: 'w' },
        restartPending: { value: true, via: 'x' },
        remoteSession: { value: true, via: 'x' },
        sleepAfterMin: { value: null, via: 'x', reason: 'r' },
        windowDisplays: { displays: null, reason: 'r' },
      }),
      withOsState(machines.ipad(), {
        probe: { status: 'ok', durationMs: 1 },
        touchScreen: { value: true, via: 'w' },
        scalePercent: { value: 300, via: 'w' },
        sleepAfterMin: { value: 5, via: 'x' },
      }),
      FactsSchema.parse({ ...JSON.parse(JSON.stringify(machines.good())), schemaVersion: 1, osState: undefined }),
    ];
    for (const lang of LANGUAGES) {
      const i18n = createI18n(lang);
      for (const f of facts) {
        for (const r of Object.values(byId(f))) {
          for (const m of [r.title, r.observed, r.expected, r.fix, ...r.evidence]) {
            if (!m) continue;
            expect(i18n.exists(m.key, { fallbackLng: [] }), `${lang} ${m.key}`).toBe(true);
            expect(renderMsg(i18n, m), `${lang} ${r.id} ${m.key}`).not.toMatch(/osstate:|checks:|@|\{\{|^\s*$/);
          }
        }
      }
    }
  });

  it('the built-in proctored exams ask about OS states, all advisory but S mode: no FAQ in docs/sources names them', () => {
    for (const id of ['mitx-sds-capstone', 'mitx-sds-ml', 'mitx-pom-final']) {
      const os = findProfile(id)!.requirements.osState!;
      expect(Object.keys(os).length, id).toBeGreaterThan(10);
      for (const [k, rule] of Object.entries(os)) {
        // issue 24: S mode cannot install the proctoring software learners download (edX's setup page)
        if (k === 'sMode') {
          expect(rule).toMatchObject({ required: true, source: { source: 'edx-proctoring-setup' } });
          continue;
        }
        expect(rule!.required, `${id} ${k}`).toBe(false);
        expect('source' in rule!, `${id} ${k}`).toBe(false);
      }
    }
    // the online course is not proctored: nothing is probed
    expect(findProfile('mitx-xpro-course')!.requirements.osState).toBeUndefined();
  });

  it('the scan asks the inspectors only for the states a profile names', () => {
    expect(inspectRequestFor(profileWith({ waylandSession: { required: false }, displayMode: { required: false } })).osStates).toEqual([
      'sessionType',
      'windowDisplays',
    ]);
    const p = structuredClone(findProfile('mitx-pom-final')!);
    delete p.requirements.osState;
    expect(inspectRequestFor(p).osStates).toEqual([]);
  });
});
