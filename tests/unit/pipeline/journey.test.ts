// The overall verdict of the learner's journey, as the summary screen shows it.
import { describe, expect, it } from 'vitest';
import { fixOrder, missingSteps, overallVerdict } from '../../../shared/journey';
import { checkResult } from '../../fixtures/results';

const r = checkResult;
const checklist = (status: 'complete' | 'incomplete') =>
  ({ status, done: 1, total: 2, requiredOpen: status === 'incomplete' ? 1 : 0, items: [], examDate: null }) as never;

describe('journey', () => {
  it('lists unfinished steps in journey order', () => {
    expect(missingSteps({ scanDone: false, devices: {}, checklist: checklist('incomplete') })).toEqual(['check', 'camera', 'microphone', 'checklists']);
    expect(
      missingSteps({
        scanDone: true,
        devices: { 'devices.camera': r('devices.camera', 'pass'), 'devices.microphone': r('devices.microphone', 'warn') },
        checklist: checklist('complete'),
      }),
    ).toEqual([]);
    expect(missingSteps({ scanDone: true, devices: { 'devices.camera': r('devices.camera', 'pass') }, checklist: null })).toEqual(['microphone']);
  });
  it('a required failure decides; otherwise unfinished steps make it incomplete; warnings never block', () => {
    expect(overallVerdict([r('a', 'fail')], ['camera'])).toBe('not-ready');
    expect(overallVerdict([r('a', 'pass')], ['camera'])).toBe('incomplete');
    expect(overallVerdict([r('a', 'pass'), r('b', 'warn')], [])).toBe('ready');
    expect(overallVerdict([r('a', 'unknown')], [])).toBe('incomplete');
    expect(overallVerdict([r('a', 'fail', false)], [])).toBe('ready');
  });
  it('orders what to fix: required fails, advisory fails, required unknowns, … and leaves passes out', () => {
    expect(fixOrder([r('w', 'warn', false), r('p', 'pass'), r('u', 'unknown'), r('fo', 'fail', false), r('fr', 'fail')]).map((x) => x.id)).toEqual([
      'fr',
      'fo',
      'u',
      'w',
    ]);
  });
});
