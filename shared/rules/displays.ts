// Displays: how many, and how large.
import { msg, type Msg, reported } from '../check';
import type { Facts } from '../facts';
import type { Requirements } from '../profile/requirements';
import { define, failOrWarn, type CheckDef, type RuleRef, type Verdict } from './template';

type Display = Facts['displays']['displays'][number];

/**
 * A display check. A machine always has a screen: when the OS reported none this check can use
 * (no session, e.g.), the OS did not tell us, and every display check says so in the same words.
 */
function displaysCheck<R extends RuleRef, T>(
  name: 'count' | 'resolution',
  def: {
    rule: (req: Requirements) => R | undefined;
    expected: (rule: R) => Msg;
    /** what the check judges, from the reported displays; null when they hold nothing for it */
    usable: (list: readonly Display[]) => T | null;
    judge: (seen: T, rule: R, expected: Msg) => Verdict;
  },
): CheckDef {
  return define<R>({
    id: `displays.${name}`,
    area: 'system',
    reads: ['displays'],
    rule: def.rule,
    judge: (facts, rule) => {
      const expected = def.expected(rule);
      const seen = def.usable(facts.displays.displays);
      if (seen === null)
        return { status: 'unknown', expected, evidence: [msg('checks:displays.count.evidence.none')], fix: msg('checks:displays.count.noneFix') };
      return def.judge(seen, rule, expected);
    },
  });
}

export const displaysCount = displaysCheck('count', {
  rule: (req) => req.displays?.maxCount,
  expected: (max) => msg('checks:displays.count.expected', { count: max.value }),
  usable: (list) => (list.length ? list : null),
  judge: (list, max, expected) => {
    const observed = msg('checks:displays.count.observed', {
      count: list.length,
      sizes: list.map((d) => `${d.width ?? '–'}×${d.height ?? '–'}${d.internal ? ' ●' : ''}`).join(', '),
    });
    return list.length <= max.value
      ? { status: 'pass', observed, expected }
      : {
          status: failOrWarn(max.required),
          observed,
          expected,
          evidence: list.map((d) =>
            msg('checks:displays.count.evidence.display', { ...reported('model', d.model), ...reported('width', d.width), ...reported('height', d.height) }),
          ),
          fix: msg('checks:displays.count.fix', { count: max.value }),
        };
  },
});

/** The main display's size (the first one when the OS names no main display), when the OS reported it. */
const mainSize = (list: readonly Display[]): { width: number; height: number } | null => {
  const main = list.find((d) => d.main) ?? list[0];
  return main && main.width !== null && main.height !== null ? { width: main.width, height: main.height } : null;
};

export const displaysResolution = displaysCheck('resolution', {
  rule: (req) => req.displays?.minResolution,
  expected: (min) => msg('checks:displays.resolution.expected', { width: min.width, height: min.height }),
  usable: mainSize,
  judge: (main, min, expected) => {
    const observed = msg('checks:displays.resolution.observed', { width: main.width, height: main.height });
    return main.width >= min.width && main.height >= min.height
      ? { status: 'pass', observed, expected }
      : { status: failOrWarn(min.required), observed, expected, fix: msg('checks:displays.resolution.fix') };
  },
});
