// Device: models that do not work (Microsoft Surface laptops), tablets and phones, hardware minimums.
import { msg } from '../check';
import { PLATFORM_NAMES } from './os';
import { define, failOrWarn, gb } from './template';

const deviceName = (f: { manufacturer: string | null; model: string | null }) => [f.manufacturer, f.model].filter(Boolean).join(' ') || '?';

export const deviceModel = define({
  id: 'device.model',
  area: 'system',
  reads: ['device'],
  rule: (req) => {
    const m = req.device?.blockedModels ?? [];
    return m.length ? { required: m.some((r) => r.required), source: m.find((r) => r.source)?.source } : undefined;
  },
  judge: (facts, req) => {
    const d = facts.device;
    const blocked = req.device!.blockedModels;
    const observed = msg('checks:device.model.observed', { device: deviceName(d) });
    const expected = msg('checks:device.model.expected', { blocked: blocked.map((b) => b.label).join(', ') });
    if (!d.model && !d.manufacturer) return { status: 'unknown', observed, expected, evidence: [msg('checks:device.model.evidence.notReported')], fix: msg('checks:device.model.fix.verify', { blocked: blocked.map((b) => b.label).join(', ') }) };
    for (const b of blocked) {
      if (new RegExp(b.manufacturer, 'i').test(d.manufacturer ?? '') && new RegExp(b.model, 'i').test(d.model ?? '')) {
        return { status: failOrWarn(b.required), required: b.required, observed, expected, evidence: [msg('checks:device.model.evidence.match', { model: d.model ?? '', maker: d.manufacturer ?? '', label: b.label })], fix: msg('checks:device.model.fix.other', { label: b.label }) };
      }
    }
    return { status: 'pass', observed, expected, evidence: [msg('checks:device.model.evidence.ok', { model: d.model ?? '?', maker: d.manufacturer ?? '?' })] };
  },
});

export const deviceFormFactor = define({
  id: 'device.form-factor',
  area: 'system',
  reads: ['device', 'os'],
  rule: (req) => req.device?.blockedFormFactors,
  judge: (facts, req) => {
    const rule = req.device!.blockedFormFactors!;
    const ff = facts.device.formFactor;
    const observed = msg('checks:device.form-factor.observed', { formFactor: `@checks:common.formFactor.${ff}`, chassis: facts.device.chassis ?? '—' });
    const expected = msg('checks:device.form-factor.expected');
    if (facts.os.mobile) return { status: failOrWarn(rule.required), observed, expected, evidence: [msg('checks:device.form-factor.evidence.mobileOs', { platform: PLATFORM_NAMES[facts.os.platform] })], fix: msg('checks:device.form-factor.fix') };
    if ((rule.formFactors as string[]).includes(ff)) return { status: failOrWarn(rule.required), observed, expected, evidence: [msg('checks:device.form-factor.evidence.chassis', { chassis: facts.device.chassis ?? ff })], fix: msg('checks:device.form-factor.fix') };
    // A desktop OS rules out phones and iPads; a Windows tablet is the remaining case, and without a
    // chassis type we cannot tell — say so (advisory), rather than pass.
    if (ff === 'unknown') return { status: 'unknown', required: false, observed, expected, evidence: [msg('checks:device.form-factor.evidence.noChassis', { platform: PLATFORM_NAMES[facts.os.platform] })], fix: msg('checks:device.form-factor.fix') };
    return { status: 'pass', observed, expected, evidence: [msg('checks:device.form-factor.evidence.chassis', { chassis: facts.device.chassis ?? ff })] };
  },
});

export const hardwareMemory = define({
  id: 'hardware.memory',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minMemoryGB,
  judge: (facts, req) => {
    const min = req.hardware!.minMemoryGB!;
    const total = facts.device.memory.totalBytes;
    const expected = msg('checks:hardware.memory.expected', { min: min.value });
    if (total === null) return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:common.fix.rerun') };
    const observed = msg('checks:hardware.memory.observed', { total: gb(total) });
    return gb(total) + 0.25 >= min.value // "4 GB" machines report a little less than 4 GiB
      ? { status: 'pass', observed, expected }
      : { status: failOrWarn(min.required), observed, expected, fix: msg('checks:hardware.memory.fix') };
  },
});

export const hardwareDisk = define({
  id: 'hardware.disk',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minFreeDiskGB,
  judge: (facts, req) => {
    const min = req.hardware!.minFreeDiskGB!;
    const free = facts.device.disk.freeBytes;
    const expected = msg('checks:hardware.disk.expected', { min: min.value });
    if (free === null) return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:common.fix.rerun') };
    const observed = msg('checks:hardware.disk.observed', { free: gb(free) });
    return gb(free) >= min.value ? { status: 'pass', observed, expected } : { status: failOrWarn(min.required), observed, expected, fix: msg('checks:hardware.disk.fix', { min: min.value }) };
  },
});

export const hardwareCpu = define({
  id: 'hardware.cpu',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minCpuCores,
  judge: (facts, req) => {
    const min = req.hardware!.minCpuCores!;
    const cores = facts.device.cpu.cores;
    const expected = msg('checks:hardware.cpu.expected', { count: min.value });
    if (cores === null) return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:common.fix.rerun') };
    const observed = msg('checks:hardware.cpu.observed', { count: cores, brand: [facts.device.cpu.manufacturer, facts.device.cpu.brand].filter(Boolean).join(' ') });
    return cores >= min.value ? { status: 'pass', observed, expected } : { status: failOrWarn(min.required), observed, expected, fix: msg('checks:hardware.cpu.fix') };
  },
});

export const hardwarePower = define({
  id: 'hardware.power',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.onACPower,
  judge: (facts, req) => {
    const rule = req.hardware!.onACPower!;
    const b = facts.device.battery;
    const expected = msg('checks:hardware.power.expected');
    if (b.present === false) return { status: 'pass', observed: msg('checks:hardware.power.observed.noBattery'), expected };
    if (b.present === null || b.onAC === null) return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:hardware.power.fix') };
    const observed = msg(b.onAC ? 'checks:hardware.power.observed.plugged' : 'checks:hardware.power.observed.battery', { percent: b.percent ?? '?' });
    return b.onAC ? { status: 'pass', observed, expected } : { status: failOrWarn(rule.required), observed, expected, fix: msg('checks:hardware.power.fix') };
  },
});
