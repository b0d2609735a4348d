// The journey adds every step up (issues 14 and 23): "ready" only when every required step is done
// and passed; nothing done yet is "incomplete", never "ready"; steps are data, so a new one counts as
// soon as it is listed; and a required failure the window shows anywhere (the face check, the
// network test) is "not ready", as the report and the CLI judge the same results.
import { describe, expect, it } from 'vitest';
import { attentionOf } from '../../../shared/report/attention';
import { deviceRequiredBy, journeyResults, journeySteps, journeyVerdict, nextRoute, notDone, STEP_DEFS, type JourneyInputs } from '../../../shared/journey';
import type { CheckResult } from '../../../shared/check';
import { checkResult } from '../../fixtures/results';
import type { RouteId } from '../../../renderer/screen';
import type { ChecklistSummary } from '../../../shared/checklist/summary';

const r = checkResult;
const ALL: RouteId[] = ['choose', 'check', 'camera', 'microphone', 'checklists', 'exam', 'summary', 'report', 'about'];
const nothing: JourneyInputs = { scanPhase: 'idle', results: [], devices: {}, checklist: null, attempts: null };
const checklist = (requiredOpen: number, done = 0): ChecklistSummary => ({
  status: requiredOpen ? 'incomplete' : 'complete',
  total: 5,
  done,
  requiredOpen,
  items: [],
  examDate: null,
});
const everything: JourneyInputs = {
  scanPhase: 'done',
  results: [r('os', 'pass'), r('ram', 'warn', false)],
  devices: { 'devices.camera': r('devices.camera', 'pass', true, 'devices'), 'devices.microphone': r('devices.microphone', 'pass', true, 'devices') },
  checklist: checklist(0, 5),
  attempts: [],
};

describe('journey verdict', () => {
  it('nothing done: incomplete, every required step listed as not done', () => {
    const steps = journeySteps(nothing, ALL);
    expect(journeyVerdict(steps)).toBe('incomplete');
    expect(notDone(steps).map((s) => s.route)).toEqual(['check', 'camera', 'microphone', 'checklists', 'exam']);
  });

  it('the network test: listed as not done until a run exists, recommended (never holds "ready" back)', () => {
    const withNetwork: RouteId[] = ['choose', 'check', 'camera', 'microphone', 'network', 'checklists', 'exam', 'summary'];
    expect(journeySteps(everything, withNetwork).find((s) => s.route === 'network')).toEqual({ route: 'network', required: false, state: 'not-started' });
    expect(journeyVerdict(journeySteps(everything, withNetwork))).toBe('ready');
    expect(notDone(journeySteps(nothing, withNetwork)).map((s) => s.route)).toContain('network');
    expect(journeySteps({ ...everything, networkRuns: 2 }, withNetwork).find((s) => s.route === 'network')?.state).toBe('done');
  });

  it('the system check passing alone is not "ready"', () => {
    expect(journeyVerdict(journeySteps({ ...nothing, scanPhase: 'done', results: [r('os', 'pass')] }, ALL))).toBe('incomplete');
  });

  it('every required step done and passed: ready (the mock exam is recommended, not required)', () => {
    const steps = journeySteps(everything, ALL);
    expect(journeyVerdict(steps)).toBe('ready');
    expect(steps.find((s) => s.route === 'exam')).toMatchObject({ required: false, state: 'not-started' });
  });

  it('a required failure anywhere is not ready; a required unknown or open checklist item is incomplete', () => {
    expect(journeyVerdict(journeySteps({ ...everything, results: [r('os', 'fail')] }, ALL))).toBe('not-ready');
    expect(
      journeyVerdict(journeySteps({ ...everything, devices: { ...everything.devices, 'devices.camera': r('devices.camera', 'fail', true, 'devices') } }, ALL)),
    ).toBe('not-ready');
    expect(journeyVerdict(journeySteps({ ...everything, results: [r('os', 'unknown')] }, ALL))).toBe('incomplete');
    const open = journeySteps({ ...everything, checklist: checklist(2, 3) }, ALL);
    expect(journeyVerdict(open)).toBe('incomplete');
    expect(open.find((s) => s.route === 'checklists')).toMatchObject({ state: 'problem', count: 2 });
  });

  it('an optional device that fails is a warning, not a red failure', () => {
    const steps = journeySteps(
      { ...everything, devices: { ...everything.devices, 'devices.microphone': r('devices.microphone', 'fail', false, 'devices') } },
      ALL,
    );
    expect(steps.find((s) => s.route === 'microphone')).toMatchObject({ state: 'problem', problem: 'warn' });
    expect(journeyVerdict(steps)).toBe('ready');
  });

  it('steps are data: one added to the list counts at once; hidden routes drop out', () => {
    const network = { route: 'exam' as const, status: () => ({ required: true, state: 'not-started' as const }) };
    expect(journeyVerdict(journeySteps(everything, ALL, [...STEP_DEFS, network]))).toBe('incomplete');
    expect(
      journeySteps(
        everything,
        ALL.filter((x) => x !== 'exam'),
      ).map((s) => s.route),
    ).not.toContain('exam');
  });
});

describe('continue to the next step', () => {
  it('follows the journey order and skips hidden steps', () => {
    expect(nextRoute('microphone', ALL)).toBe('checklists');
    expect(nextRoute('checklists', ALL)).toBe('exam');
    expect(
      nextRoute(
        'checklists',
        ALL.filter((x) => x !== 'exam'),
      ),
    ).toBe('summary');
    expect(nextRoute('summary', ALL)).toBe('report');
  });
});

describe('what the window shows decides, as in the report', () => {
  const face = (status: CheckResult['status']) => r('devices.face', status, true, 'devices');
  it('a required face check that fails is the camera step failing: not ready (the summary once said "ready" here)', () => {
    const steps = journeySteps({ ...everything, devices: { ...everything.devices, 'devices.face': face('fail') } }, ALL);
    expect(steps.find((s) => s.route === 'camera')).toMatchObject({ state: 'problem', problem: 'fail', count: 1 });
    expect(journeyVerdict(steps)).toBe('not-ready');
    expect(attentionOf(journeyResults(steps)).first[0]?.id).toBe('devices.face');
  });
  it('the camera step has not started until the camera itself was measured', () => {
    const steps = journeySteps(
      { ...everything, devices: { 'devices.face': face('pass'), 'devices.microphone': everything.devices['devices.microphone']! } },
      ALL,
    );
    expect(steps.find((s) => s.route === 'camera')?.state).toBe('not-started');
  });
  it('the network test never holds "ready" back, but its required findings count once it ran', () => {
    const withNetwork: RouteId[] = [...ALL, 'network'];
    const net = (status: CheckResult['status']) => [r('network.services', status, true, 'network'), r('network.download', 'warn', false, 'network')];
    expect(journeyVerdict(journeySteps({ ...everything, networkRuns: 1, network: net('fail') }, withNetwork))).toBe('not-ready');
    expect(journeyVerdict(journeySteps({ ...everything, networkRuns: 1, network: net('unknown') }, withNetwork))).toBe('incomplete');
    expect(journeyVerdict(journeySteps({ ...everything, networkRuns: 1, network: net('pass') }, withNetwork))).toBe('ready');
    // an advisory warning (slow download) leaves the step done, as a warning never blocks
    expect(journeySteps({ ...everything, networkRuns: 1, network: net('pass') }, withNetwork).find((s) => s.route === 'network')).toMatchObject({
      required: false,
      state: 'done',
    });
  });
});

describe('one state per step (issue 29)', () => {
  it('optional checks that could not be read leave the system check done, not a problem', () => {
    const steps = journeySteps({ ...everything, results: [r('os', 'pass'), r('sleep', 'unknown', false), r('touch', 'unknown', false)] }, ALL);
    expect(steps.find((s) => s.route === 'check')).toMatchObject({ state: 'done' });
    expect(journeyVerdict(steps)).toBe('ready');
  });

  it('a camera test left while the face check ran is "not started, unfinished": never a problem, and "ready" waits for it', () => {
    const steps = journeySteps({ ...everything, unfinished: ['camera'] }, ALL);
    expect(steps.find((s) => s.route === 'camera')).toMatchObject({ state: 'not-started', unfinished: true });
    expect(notDone(steps).map((s) => s.route)).toContain('camera');
    expect(journeyVerdict(steps)).toBe('incomplete');
  });
});

describe('what to fix first', () => {
  // issue 29: what decides the verdict comes first — a required unknown before an optional failure
  it('puts required failures first, then required unknowns, then optional failures and warnings; drops passes', () => {
    const order = attentionOf([r('w', 'warn', false), r('p', 'pass'), r('u', 'unknown'), r('fo', 'fail', false), r('fr', 'fail')]).first;
    expect(order.map((x) => x.id)).toEqual(['fr', 'u', 'fo', 'w']);
  });
});

describe('device steps follow the exam', () => {
  const withSpeakers: RouteId[] = [...ALL, 'speakers'];
  it('a device the exam only advises is recommended: not tested, "ready" does not wait for it', () => {
    const advised = { camera: true, microphone: false, speakers: false };
    const steps = journeySteps({ ...everything, devices: { 'devices.camera': everything.devices['devices.camera']! }, deviceRequired: advised }, withSpeakers);
    expect(steps.find((s) => s.route === 'microphone')).toMatchObject({ required: false, state: 'not-started' });
    expect(journeyVerdict(steps)).toBe('ready');
    // the camera the exam requires still holds it back until tested
    expect(journeyVerdict(journeySteps({ ...everything, devices: {}, deviceRequired: advised }, withSpeakers))).toBe('incomplete');
  });
  it("while the exam's rules are not read yet, every device step counts as required", () => {
    const steps = journeySteps({ ...everything, deviceRequired: null }, withSpeakers);
    expect(steps.find((s) => s.route === 'speakers')).toMatchObject({ required: true, state: 'not-started' });
    expect(journeyVerdict(steps)).toBe('incomplete');
  });
  it('reads the rules as the device checks do: a camera the exam does not name is advice; a required face check makes the step required', () => {
    expect(deviceRequiredBy({ camera: null, microphone: null })).toEqual({ camera: false, microphone: false, speakers: false });
    expect(deviceRequiredBy({ camera: { required: false, face: { required: true } }, microphone: { required: true }, speakers: { required: false } })).toEqual({
      camera: true,
      microphone: true,
      speakers: false,
    });
  });
});
