// Hardware minimums: memory, free disk, CPU cores, and mains power for laptops. Exams rarely state
// these; built-in profiles mark them advisory (a warning), never a reason to call a machine not ready.
import { msg, reported } from '../check';
import { defineMinimum } from './minimum';
import { define, failOrWarn, gb } from './template';
import { makerAndModel } from './fact-labels';

export const hardwareMemory = defineMinimum({
  id: 'hardware.memory',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minMemoryGB,
  measure: (facts) => (facts.device.memory.totalBytes === null ? null : gb(facts.device.memory.totalBytes)),
  meets: (have, min) => have + 0.25 >= min, // "4 GB" machines report a little less than 4 GiB
  expected: (rule) => msg('checks:hardware.memory.expected', { min: rule.value }),
  observed: (total) => msg('checks:hardware.memory.observed', { total }),
  fix: () => msg('checks:hardware.memory.fix'),
});

export const hardwareDisk = defineMinimum({
  id: 'hardware.disk',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minFreeDiskGB,
  measure: (facts) => (facts.device.disk.freeBytes === null ? null : gb(facts.device.disk.freeBytes)),
  expected: (rule) => msg('checks:hardware.disk.expected', { min: rule.value }),
  observed: (free) => msg('checks:hardware.disk.observed', { free }),
  fix: (rule) => msg('checks:hardware.disk.fix', { min: rule.value }),
});

// No exam source states it: advisory wherever a profile asks. A nearly full system drive stops
// Windows updates and the proctoring software's install, and slows the whole machine.
export const hardwareSystemDrive = defineMinimum({
  id: 'hardware.systemDrive',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minSystemDriveFreeGB,
  measure: (facts) => (facts.device.systemDrive?.freeBytes == null ? null : gb(facts.device.systemDrive.freeBytes)),
  expected: (rule) => msg('checks:hardware.systemDrive.expected', { min: rule.value }),
  observed: (free, facts) => msg('checks:hardware.systemDrive.observed', { free, ...reported('drive', facts.device.systemDrive?.path) }),
  fix: (rule) => msg('checks:hardware.systemDrive.fix', { min: rule.value }),
});

export const hardwareCpu = defineMinimum({
  id: 'hardware.cpu',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.minCpuCores,
  measure: (facts) => facts.device.cpu.cores,
  expected: (rule) => msg('checks:hardware.cpu.expected', { count: rule.value }),
  observed: (count, facts) => msg('checks:hardware.cpu.observed', { count, brand: makerAndModel(facts.device.cpu.manufacturer, facts.device.cpu.brand) }),
  fix: () => msg('checks:hardware.cpu.fix'),
});

export const hardwarePower = define({
  id: 'hardware.power',
  area: 'system',
  reads: ['device'],
  rule: (req) => req.hardware?.onACPower,
  judge: (facts, rule) => {
    const b = facts.device.battery;
    const expected = msg('checks:hardware.power.expected');
    if (b.present === false) return { status: 'pass', observed: msg('checks:hardware.power.observed.noBattery'), expected };
    if (b.present === null || b.onAC === null)
      return { status: 'unknown', expected, evidence: [msg('checks:common.notReported')], fix: msg('checks:hardware.power.fix') };
    const observed = msg(b.onAC ? 'checks:hardware.power.observed.plugged' : 'checks:hardware.power.observed.battery', reported('percent', b.percent));
    return b.onAC ? { status: 'pass', observed, expected } : { status: failOrWarn(rule.required), observed, expected, fix: msg('checks:hardware.power.fix') };
  },
});

/** The hardware checks in display order (the registry lists these as one block). */
export const HARDWARE_CHECKS = [hardwareMemory, hardwareDisk, hardwareSystemDrive, hardwareCpu, hardwarePower];
