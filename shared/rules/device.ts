// Device: models that do not work (Microsoft Surface laptops), tablets and phones.
import { msg, reported } from '../check';
import { PLATFORM_NAMES } from './os';
import { anyRequired, define, failOrWarn, matches } from './template';
import { makerAndModel } from './fact-labels';

const deviceName = (f: { manufacturer: string | null; model: string | null }) => makerAndModel(f.manufacturer, f.model) || null;

export const deviceModel = define({
  id: 'device.model',
  area: 'system',
  reads: ['device'],
  rule: (req) => {
    const blocked = req.device?.blockedModels ?? [];
    const ref = anyRequired(blocked);
    return ref && { ...ref, blocked };
  },
  judge: (facts, { blocked }) => {
    const d = facts.device;
    const observed = msg('checks:device.model.observed', reported('device', deviceName(d)));
    // one model can need several patterns (maker written or not): name it once
    const labels = [...new Set(blocked.map((b) => b.label))].join(', ');
    const expected = msg('checks:device.model.expected', { blocked: labels });
    if (!d.model && !d.manufacturer)
      return {
        status: 'unknown',
        observed,
        expected,
        evidence: [msg('checks:device.model.evidence.notReported')],
        fix: msg('checks:device.model.fix.verify', { blocked: labels }),
      };
    for (const b of blocked) {
      if (matches(b.manufacturer, d.manufacturer) && matches(b.model, d.model)) {
        return {
          status: failOrWarn(b.required),
          required: b.required,
          observed,
          expected,
          evidence: [msg('checks:device.model.evidence.match', { model: d.model ?? '', maker: d.manufacturer ?? '', label: b.label })],
          fix: msg('checks:device.model.fix.other', { label: b.label }),
        };
      }
    }
    return {
      status: 'pass',
      observed,
      expected,
      evidence: [msg('checks:device.model.evidence.ok', { ...reported('model', d.model), ...reported('maker', d.manufacturer) })],
    };
  },
});

export const deviceFormFactor = define({
  id: 'device.form-factor',
  area: 'system',
  reads: ['device', 'os'],
  rule: (req) => req.device?.blockedFormFactors,
  judge: (facts, rule) => {
    const ff = facts.device.formFactor;
    const observed = msg('checks:device.form-factor.observed', { '@formFactor': `checks:common.formFactor.${ff}`, chassis: facts.device.chassis ?? '—' });
    const expected = msg('checks:device.form-factor.expected');
    if (facts.os.mobile)
      return {
        status: failOrWarn(rule.required),
        observed,
        expected,
        evidence: [msg('checks:device.form-factor.evidence.mobileOs', { platform: PLATFORM_NAMES[facts.os.platform] })],
        fix: msg('checks:device.form-factor.fix'),
      };
    if ((rule.formFactors as string[]).includes(ff))
      return {
        status: failOrWarn(rule.required),
        observed,
        expected,
        evidence: [msg('checks:device.form-factor.evidence.chassis', { chassis: facts.device.chassis ?? ff })],
        fix: msg('checks:device.form-factor.fix'),
      };
    // A desktop OS rules out phones and iPads; a Windows tablet is the remaining case, and without a
    // chassis type we cannot tell — say so (advisory), rather than pass.
    if (ff === 'unknown')
      return {
        status: 'unknown',
        required: false,
        observed,
        expected,
        evidence: [msg('checks:device.form-factor.evidence.noChassis', { platform: PLATFORM_NAMES[facts.os.platform] })],
        fix: msg('checks:device.form-factor.fix'),
      };
    return { status: 'pass', observed, expected, evidence: [msg('checks:device.form-factor.evidence.chassis', { chassis: facts.device.chassis ?? ff })] };
  },
});
