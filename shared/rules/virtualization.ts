// Virtual machines: proctoring software refuses to run inside one. The inspector collects signals
// with their strength; the rule shows every signal, so a false positive can be argued with.
import { msg, reported } from '../check';
import type { VmSignal } from '../facts';
import { define, failOrWarn } from './template';

// Inspector messages this rule renders (facts may come from a report file: an unknown key, or a
// parameter that would read as a key ("@…"), falls back to the English detail as data).
const VM_EVIDENCE = /^evidence:vm\.(dmi|mac|cpuFlag|cpuFeatures|containerFile|cgroup|systemd|wsl|reportedVirtual|reportedVirtualHost|macHv)$/;
function evidenceOf(s: VmSignal) {
  const m = s.message;
  // facts only fill values: a parameter NAMED "@…" (a key to translate) from a report file is refused
  const safe = m && VM_EVIDENCE.test(m.key) && Object.keys(m.params ?? {}).every((k) => !k.startsWith('@'));
  return safe
    ? msg(`checks:security.virtual-machine.evidence.${s.strength}`, { ...m.params, '@detail': m.key })
    : msg(`checks:security.virtual-machine.evidence.${s.strength}`, { detail: s.detail });
}

export const virtualMachine = define({
  id: 'security.virtual-machine',
  area: 'security',
  reads: ['virtualization'],
  rule: (req) => (req.virtualization && !req.virtualization.allowed ? req.virtualization : undefined),
  judge: (facts, rule) => {
    const v = facts.virtualization;
    const evidence = v.signals.map(evidenceOf);
    const expected = msg('checks:security.virtual-machine.expected');
    if (v.isVirtual === null) return { status: 'unknown', expected, evidence, fix: msg('checks:common.fix.rerun') };
    if (v.isVirtual) {
      const observed = msg(v.container ? 'checks:security.virtual-machine.observed.container' : 'checks:security.virtual-machine.observed.vm', {
        ...reported('kind', v.kind),
        '@confidence': `checks:common.confidence.${v.confidence}`,
      });
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
