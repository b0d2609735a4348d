// The headless command under an admin policy: the locked (or default) exam stands in for a missing
// --profile, extra profiles are known by id, network checks obey the switch, and a rejected policy
// is reported on stderr while the check still runs with the app's defaults.
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { type CliIo } from '../../../electron/cli/run';
import { SAFE_DEFAULTS, type EffectivePolicy } from '../../../shared/policy/schema';
import type { LoadedPolicy } from '../../../electron/storage/policy';
import type { InspectRequest } from '../../../shared/facts';
import { parseProfileText } from '../../../shared/profile/load';
import { machines } from '../../fixtures/facts/machines';
import { runInProcess } from './in-process';

const cwd = mkdtempSync(path.join(os.tmpdir(), 'preflight-cli-policy-'));

function loaded(policy: Partial<EffectivePolicy>, extra: Partial<LoadedPolicy> = {}): LoadedPolicy {
  return {
    policy: { ...SAFE_DEFAULTS, ...policy },
    source: '/etc/exam-preflight/policy.json',
    searched: ['/etc/exam-preflight/policy.json'],
    problems: [],
    rejected: false,
    extraProfiles: [],
    extraBanks: [],
    ...extra,
  };
}

async function run(argv: string[], policy?: LoadedPolicy) {
  const requests: InspectRequest[] = [];
  const inspect: CliIo['inspect'] = async (req) => {
    requests.push(req);
    return machines.good();
  };
  return { ...(await runInProcess(argv, { cwd, inspect, loadPolicy: policy ? async () => policy : undefined })), requests };
}

describe('headless command under a policy', () => {
  it('uses the locked exam when --profile is left out, and the default one when nothing is locked', async () => {
    const locked = await run(['check', '--format', 'json'], loaded({ lockedProfile: 'mitx-pom-final', defaultProfile: 'mitx-sds-ml' }));
    expect(locked.code).toBe(0);
    expect(JSON.parse(locked.stdout).profile.id).toBe('mitx-pom-final');
    const byDefault = await run(['check', '--format', 'json'], loaded({ defaultProfile: 'mitx-sds-ml' }));
    expect(JSON.parse(byDefault.stdout).profile.id).toBe('mitx-sds-ml');
  });

  it('without a policy exam, a missing --profile is a usage error (exit 2) saying what to pass', async () => {
    const r = await run(['check'], loaded({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--profile');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect((await run(['check'])).code).toBe(2);
  });

  it('obeys the network switch', async () => {
    const xpro = parseProfileText(
      JSON.stringify({
        id: 'lab-exam',
        version: '1.0.0',
        title: 'Lab',
        program: 'Lab',
        requirements: { network: { endpoints: ['https://exam.example.edu/'] } },
      }),
      'lab.json',
    );
    const off = await run(['check', '--profile', 'lab-exam'], loaded({ networkChecks: false }, { extraProfiles: [xpro] }));
    expect(off.requests[0]).toMatchObject({ networkChecks: false });
    // the endpoints are contacted only when asked (issue 26): --network, or the policy's headless switch
    const notAsked = await run(['check', '--profile', 'lab-exam'], loaded({}, { extraProfiles: [xpro] }));
    expect(notAsked.requests[0]).toMatchObject({ networkChecks: false });
    const on = await run(['check', '--profile', 'lab-exam', '--network'], loaded({}, { extraProfiles: [xpro] }));
    expect(on.requests[0]).toMatchObject({ networkChecks: true });
    const headless = await run(['check', '--profile', 'lab-exam'], loaded({ networkTest: { headless: true } }, { extraProfiles: [xpro] }));
    expect(headless.requests[0]).toMatchObject({ networkChecks: true });
    const offAsked = await run(['check', '--profile', 'lab-exam', '--network'], loaded({ networkChecks: false }, { extraProfiles: [xpro] }));
    expect(offAsked.requests[0]).toMatchObject({ networkChecks: false });
  });

  it('knows the extra profiles of the policy folder by id, in check, evaluate and profiles', async () => {
    const extra = parseProfileText(
      JSON.stringify({ id: 'campus-final', version: '1.0.0', title: 'Campus final', program: 'Campus', requirements: {} }),
      'campus.json',
    );
    const pol = loaded({}, { extraProfiles: [extra] });
    expect((await run(['check', '--profile', 'campus-final', '--format', 'json'], pol)).code).toBe(0);
    const list = await run(['profiles', '--format', 'json'], pol);
    expect(JSON.parse(list.stdout).map((p: { id: string }) => p.id)).toContain('campus-final');
    expect((await run(['check', '--profile', 'campus-final'])).code).toBe(2); // unknown without the policy
  });

  it('a rejected policy is reported on stderr and the check runs with the defaults', async () => {
    const r = await run(
      ['check', '--profile', 'mitx-sds-capstone', '--lang', 'es'],
      loaded({}, { rejected: true, problems: ['/etc/exam-preflight/policy.json:hideMockExams: unknown key'] }),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('se rechazó el archivo de política /etc/exam-preflight/policy.json');
    expect(r.stderr).toContain('policy.json:hideMockExams: unknown key');
  });
});
