// Hardware minimums: memory, free disk, CPU cores, and mains power for laptops. Exams rarely state
// these; built-in profiles mark them advisory (a warning), never a reason to call a machine not ready.
import { msg } from '../check';
import { define, failOrWarn, gb } from './template';

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
