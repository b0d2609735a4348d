// Displays: how many, and how large.
import { msg } from '../check';
import { define, failOrWarn } from './template';

export const displaysCount = define({
  id: 'displays.count',
  area: 'system',
  reads: ['displays'],
  rule: (req) => req.displays?.maxCount,
  judge: (facts, max) => {
    const list = facts.displays.displays;
    const expected = msg('checks:displays.count.expected', { count: max.value });
    // A machine always has a screen; none reported means the OS did not tell us (e.g. no session).
    if (list.length === 0)
      return { status: 'unknown', expected, evidence: [msg('checks:displays.count.evidence.none')], fix: msg('checks:displays.count.noneFix') };
    const observed = msg('checks:displays.count.observed', {
      count: list.length,
      sizes: list.map((d) => `${d.width ?? '?'}×${d.height ?? '?'}${d.internal ? ' ●' : ''}`).join(', '),
    });
    return list.length <= max.value
      ? { status: 'pass', observed, expected }
      : {
          status: failOrWarn(max.required),
          observed,
          expected,
          evidence: list.map((d) => msg('checks:displays.count.evidence.display', { model: d.model ?? '?', width: d.width ?? '?', height: d.height ?? '?' })),
          fix: msg('checks:displays.count.fix', { count: max.value }),
        };
  },
});

export const displaysResolution = define({
  id: 'displays.resolution',
  area: 'system',
  reads: ['displays'],
  rule: (req) => req.displays?.minResolution,
  judge: (facts, min) => {
    const main = facts.displays.displays.find((d) => d.main) ?? facts.displays.displays[0];
    const expected = msg('checks:displays.resolution.expected', { width: min.width, height: min.height });
    if (!main || main.width === null || main.height === null)
      return { status: 'unknown', expected, evidence: [msg('checks:displays.count.evidence.none')], fix: msg('checks:displays.count.noneFix') };
    const observed = msg('checks:displays.resolution.observed', { width: main.width, height: main.height });
    return main.width >= min.width && main.height >= min.height
      ? { status: 'pass', observed, expected }
      : { status: failOrWarn(min.required), observed, expected, fix: msg('checks:displays.resolution.fix') };
  },
});
