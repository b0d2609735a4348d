// Virtual machines: proctoring software refuses to run inside one. The inspector collects signals
// with their strength; the rule shows every signal, so a false positive can be argued with.
import { msg } from '../check';
import { define, failOrWarn } from './template';

export const virtualMachine = define({
  id: 'security.virtual-machine',
  area: 'security',
  reads: ['virtualization'],
  rule: (req) => (req.virtualization && !req.virtualization.allowed ? req.virtualization : undefined),
  judge: (facts, rule) => {
    const v = facts.virtualization;
    const evidence = v.signals.map((s) => msg(`checks:security.virtual-machine.evidence.${s.strength}`, { detail: s.detail }));
    const expected = msg('checks:security.virtual-machine.expected');
    if (v.isVirtual === null) return { status: 'unknown', expected, evidence, fix: msg('checks:common.fix.rerun') };
    if (v.isVirtual) {
      const observed = msg(v.container ? 'checks:security.virtual-machine.observed.container' : 'checks:security.virtual-machine.observed.vm', { kind: v.kind ?? '?', '@confidence': `checks:common.confidence.${v.confidence}` });
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
