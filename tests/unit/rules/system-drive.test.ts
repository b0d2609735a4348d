// Free space on the system drive (issue 23's example of adding a machine check): the probe measures
// the volume the OS runs from (%SystemDrive% on Windows, / elsewhere), and the advisory rule warns
// under the exam's minimum, says unknown when the volume could not be read, never blocks "ready".
import { describe, expect, it } from 'vitest';
import { collectDevice, systemDriveRoot } from '../../../electron/inspect/device';
import { judge } from '../../../shared/pipeline';
import { findProfile } from '../../../shared/profile/load';
import type { Facts } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';
import { windowsCalm, withOsState } from '../../fixtures/facts/os-state';
import { fakeDeps } from '../inspect/fake-deps';

const GiB = 1024 ** 3;
const pom = findProfile('mitx-pom-final')!;
const withDrive = (systemDrive: Facts['device']['systemDrive']): Facts => {
  const f = machines.good();
  return { ...f, device: { ...f.device, systemDrive } };
};
const result = (facts: Facts) => judge(pom, { facts }).results.find((r) => r.id === 'hardware.systemDrive');

describe('system drive probe', () => {
  it('measures %SystemDrive% on Windows, / elsewhere; a strange SystemDrive value falls back to C:', () => {
    expect(systemDriveRoot({ platform: 'win32', env: { SystemDrive: 'D:' } })).toBe('D:\\');
    expect(systemDriveRoot({ platform: 'win32', env: {} })).toBe('C:\\');
    expect(systemDriveRoot({ platform: 'win32', env: { SystemDrive: 'C:\\..\\x' } })).toBe('C:\\');
    expect(systemDriveRoot({ platform: 'darwin', env: {} })).toBe('/');
  });

  it('asks the volume of the system root besides the data folder, and says which could not be read', async () => {
    const asked: string[] = [];
    const deps = { ...fakeDeps({ platform: 'linux' }), homedir: '/home/ana' };
    deps.volume = async (dir) => {
      asked.push(dir);
      if (dir === '/') throw new Error('EACCES');
      return { totalBytes: 500e9, freeBytes: 100e9 };
    };
    const d = await collectDevice(deps);
    expect(asked.sort()).toEqual(['/', '/home/ana']);
    expect(d.systemDrive).toEqual({ path: null, freeBytes: null, totalBytes: null });
    expect(d.disk.freeBytes).toBe(100e9);
    expect(d.probe.error).toContain('system drive');
  });
});

describe('system drive rule', () => {
  it('is advisory in the MITx exams: 5 GB, warn below, never a reason for "not ready"', () => {
    expect(result(withDrive({ path: 'C:\\', freeBytes: 40 * GiB, totalBytes: 500 * GiB }))).toMatchObject({ status: 'pass', required: false });
    const low = withDrive({ path: 'C:\\', freeBytes: 1.5 * GiB, totalBytes: 128 * GiB });
    expect(result(low)).toMatchObject({
      status: 'warn',
      required: false,
      observed: { key: 'checks:hardware.systemDrive.observed', params: { free: 1.5, drive: 'C:\\' } },
      fix: { key: 'checks:hardware.systemDrive.fix', params: { min: 5 } },
    });
    // its OS states read and calm (format-1 facts never read S mode, required since issue 24)
    expect(judge(pom, { facts: withOsState(low, windowsCalm()) }).verdict).toBe('ready');
  });

  it('unknown, never pass, when the volume was not read or the facts are from before it was collected', () => {
    expect(result(withDrive({ path: null, freeBytes: null, totalBytes: null }))?.status).toBe('unknown');
    expect(result(withDrive(undefined))?.status).toBe('unknown');
  });
});
