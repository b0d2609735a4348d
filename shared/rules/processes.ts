// Prohibited programs (remote desktop and remote control, screen sharing and recording, messaging),
// matched by executable name against the list the profile carries as data.
import { msg } from '../check';
import { define, failOrWarn } from './template';

/** Linux reports a process name cut to 15 characters (/proc/<pid>/comm, TASK_COMM_LEN - 1). */
const LINUX_COMM_MAX = 15;

/** Running name `r` is the program `name`: the same, or `name` cut where Linux cuts process names. */
export function sameProgram(r: string, name: string): boolean {
  return r === name || (r.length === LINUX_COMM_MAX && name.length > LINUX_COMM_MAX && name.startsWith(r));
}

export const prohibitedApps = define({
  id: 'security.prohibited-apps',
  area: 'security',
  reads: ['processes'],
  rule: (req) => req.processes,
  judge: (facts, rule) => {
    const running = new Set(facts.processes.names.map((n) => n.toLowerCase()));
    const expected = msg('checks:security.prohibited-apps.expected', { total: rule.prohibited.length });
    if (running.size === 0)
      return { status: 'unknown', expected, evidence: [msg('checks:security.prohibited-apps.evidence.noList')], fix: msg('checks:common.fix.rerun') };
    const hits = rule.prohibited
      .map((p) => ({ p, names: [...running].filter((r) => p.names.some((n) => sameProgram(r, n.toLowerCase()))) }))
      .filter((h) => h.names.length);
    if (!hits.length) return { status: 'pass', observed: msg('checks:security.prohibited-apps.observed.none', { count: running.size }), expected };
    const labels = hits.map((h) => h.p.label).join(', ');
    // one blocking program makes the check fail; programs the profile only frowns on (messaging) warn
    const blocking = hits.some((h) => h.p.required ?? rule.required);
    // the programs that decided cite where they are named: their own source (the edX learner guide
    // names Excel, Word, PowerPoint and Skype) when every one of them has one, else the list's
    const deciding = blocking ? hits.filter((h) => h.p.required ?? rule.required) : hits;
    const own = deciding.every((h) => h.p.source) ? deciding[0]!.p.source : undefined;
    return {
      status: failOrWarn(blocking),
      required: blocking,
      ...(own ? { source: own } : {}),
      observed: msg('checks:security.prohibited-apps.observed.running', { apps: labels }),
      expected,
      evidence: hits.map((h) =>
        msg('checks:security.prohibited-apps.evidence.running', {
          process: h.names.join(', '),
          label: h.p.label,
          '@category': `checks:common.category.${h.p.category}`,
        }),
      ),
      fix: msg('checks:security.prohibited-apps.fix', { apps: labels, count: hits.length }),
    };
  },
});
