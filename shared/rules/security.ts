// Security: virtual machines and prohibited programs (remote desktop, screen sharing, messaging).
import { msg } from '../check';
import { define, failOrWarn } from './template';

export const virtualMachine = define({
  id: 'security.virtual-machine',
  area: 'security',
  reads: ['virtualization'],
  rule: (req) => (req.virtualization && !req.virtualization.allowed ? req.virtualization : undefined),
  judge: (facts, req) => {
    const v = facts.virtualization;
    const rule = req.virtualization!;
    const evidence = v.signals.map((s) => msg(`checks:security.virtual-machine.evidence.${s.strength}`, { detail: s.detail }));
    const expected = msg('checks:security.virtual-machine.expected');
    if (v.isVirtual === null) return { status: 'unknown', expected, evidence, fix: msg('checks:common.fix.rerun') };
    if (v.isVirtual) {
      const observed = msg(v.container ? 'checks:security.virtual-machine.observed.container' : 'checks:security.virtual-machine.observed.vm', { kind: v.kind ?? '?', confidence: `@checks:common.confidence.${v.confidence}` });
      return { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg('checks:security.virtual-machine.fix') };
    }
    return {
      status: 'pass',
      observed: msg('checks:security.virtual-machine.observed.physical'),
      expected,
      // a single weak signal is shown, so a learner or support can see why it was not enough
      evidence: v.confidence === 'low' ? [...evidence, msg('checks:security.virtual-machine.evidence.notEnough')] : evidence,
    };
  },
});

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
