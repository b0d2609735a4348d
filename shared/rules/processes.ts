// Prohibited programs (remote desktop and remote control, screen sharing and recording, messaging),
// matched by executable name against the list the profile carries as data.
import { msg } from '../check';
import { define, failOrWarn } from './template';

export const prohibitedApps = define({
  id: 'security.prohibited-apps',
  area: 'security',
  reads: ['processes'],
  rule: (req) => req.processes,
  judge: (facts, req) => {
    const rule = req.processes!;
    const running = new Set(facts.processes.names.map((n) => n.toLowerCase()));
    const expected = msg('checks:security.prohibited-apps.expected', { apps: rule.prohibited.map((p) => p.label).join(', ') });
    if (running.size === 0) return { status: 'unknown', expected, evidence: [msg('checks:security.prohibited-apps.evidence.noList')], fix: msg('checks:common.fix.rerun') };
    const hits = rule.prohibited
      .map((p) => ({ p, names: p.names.filter((n) => running.has(n.toLowerCase())) }))
      .filter((h) => h.names.length);
    if (!hits.length) return { status: 'pass', observed: msg('checks:security.prohibited-apps.observed.none', { count: running.size }), expected };
    const labels = hits.map((h) => h.p.label).join(', ');
    return {
      status: failOrWarn(rule.required),
      observed: msg('checks:security.prohibited-apps.observed.running', { apps: labels }),
      expected,
      evidence: hits.map((h) => msg('checks:security.prohibited-apps.evidence.running', { process: h.names.join(', '), label: h.p.label, category: `@checks:common.category.${h.p.category}` })),
      fix: msg('checks:security.prohibited-apps.fix', { apps: labels }),
    };
  },
});
