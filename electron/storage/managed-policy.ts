// Policy where admins put policy: the same settings as policy.json, read from the OS's own managed
// settings — Windows Group Policy / Intune (HKLM\SOFTWARE\Policies\ExamPreflight\ExamPreflight,
// written by the ADMX template in build/policy/windows) and macOS managed preferences
// (/Library/Managed Preferences/org.exampreflight.app.plist, written by a configuration profile such
// as build/policy/macos/org.exampreflight.app.mobileconfig). Both are only writable by an
// administrator or the MDM, so they come first (precedence in docs/admins.md).
//
// The values become a policy object with policy.json's names, then go through the same strict
// validation as the file: one set of rules, one set of messages.
import { isEmptyDefault, parseRegOutput, runRegQuery, type RegValue } from './reg-query';
import { expandSystemVariables, variablesIn } from './system-variables';
/**
 * What reading policy needs of a program runner: electron/inspect/exec.ts's execProbe is one.
 * Declared here because storage stands below inspect (the caller passes the runner in).
 */
export interface ProgramResult {
  ok: boolean;
  stdout: string;
  /** stdout's raw bytes, when asked for ({ bytes: true }): reg.exe writes in the console's OEM code page */
  stdoutBytes?: Uint8Array;
  /** 'exit': the program ran and exited non-zero (other failures: it could not be run or answer) */
  failure?: 'not-found' | 'timeout' | 'exit' | 'error';
  detail?: string;
}
export type RunProgram = (program: string, args: readonly string[], opts?: { timeoutMs?: number; bytes?: boolean }) => Promise<ProgramResult>;

export const WINDOWS_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight';
export const MAC_BUNDLE_ID = 'org.exampreflight.app';
export const MAC_MANAGED_PLIST = `/Library/Managed Preferences/${MAC_BUNDLE_ID}.plist`;

/** Registry value name → policy.json key (dotted: inside supportContact). */
export const REGISTRY_VALUES = {
  DefaultProfile: 'defaultProfile',
  LockedProfile: 'lockedProfile',
  ExtraProfilesDir: 'extraProfilesDir',
  HideMockExam: 'hideMockExam',
  NetworkChecks: 'networkChecks',
  SupportName: 'supportContact.name',
  SupportEmail: 'supportContact.email',
  SupportUrl: 'supportContact.url',
  UpdateChecks: 'updateChecks',
  UpdateFeedUrl: 'updateFeedUrl',
  ReportFilesFromNetworkShares: 'reportFilesFromNetworkShares',
} as const;
const BOOLEAN_KEYS = new Set(['hideMockExam', 'networkChecks', 'updateChecks', 'reportFilesFromNetworkShares']);

export type { RegValue };

/**
 * `reg query KEY` output: a line with the key's path, then one line per value,
 * "    Name    REG_TYPE    data" (four spaces between the columns; names may contain spaces).
 * The type names are not translated on localised Windows; the key line, errors and the default
 * value's name are. The record has no prototype: a value named "__proto__" or "constructor" is an
 * entry like any other (and is reported as unknown), not a property of every object.
 */
export function parseRegQuery(stdout: string): Record<string, RegValue> {
  const out = Object.create(null) as Record<string, RegValue>;
  for (const key of parseRegOutput(stdout)) for (const [name, v] of key.values) out[name] = v;
  return out;
}

export interface ManagedPolicy {
  /** where it came from, as the About screen and the CLI name it */
  source: string;
  /** the policy object in policy.json's shape, not yet validated */
  value: Record<string, unknown>;
  /** values that could not be turned into a setting (wrong type, unknown name) */
  problems: Array<{ path: string; message: string }>;
}

function setPath(obj: Record<string, unknown>, dotted: string, v: unknown) {
  const [head, tail] = dotted.split('.') as [string, string | undefined];
  if (!tail) obj[head] = v;
  else obj[head] = { ...(obj[head] as Record<string, unknown> | undefined), [tail]: v };
}

/**
 * Registry values → policy object. DWORD 0/1 are booleans; strings stay strings. The key's default
 * value with no data (what `reg add KEY /f` or creating the key in regedit leaves) is no setting.
 */
export function policyFromRegistry(values: Record<string, RegValue>, source = WINDOWS_POLICY_KEY): ManagedPolicy {
  const value: Record<string, unknown> = {};
  const problems: ManagedPolicy['problems'] = [];
  for (const [name, { type, data }] of Object.entries(values)) {
    if (isEmptyDefault(name, { type, data })) continue;
    const key = Object.hasOwn(REGISTRY_VALUES, name) ? REGISTRY_VALUES[name as keyof typeof REGISTRY_VALUES] : undefined;
    if (!key) {
      problems.push({ path: name, message: `unknown policy value (known: ${Object.keys(REGISTRY_VALUES).join(', ')})` });
      continue;
    }
    if (BOOLEAN_KEYS.has(key)) {
      const n = type === 'REG_DWORD' ? Number.parseInt(data, 16) : Number.NaN;
      if (n === 0 || n === 1) setPath(value, key, n === 1);
      else problems.push({ path: name, message: `a REG_DWORD of 0 or 1 (found ${type} ${data})` });
    } else if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') setPath(value, key, data);
    else problems.push({ path: name, message: `a REG_SZ text (found ${type})` });
  }
  return { source, value, problems };
}

/**
 * ExtraProfilesDir may name variables (the ADMX field is an expandable string: "%ProgramData%\…"):
 * expanded from the machine's registry (system-variables.ts), or a problem saying which variable
 * could not be.
 */
async function expandExtraProfilesDir(policy: ManagedPolicy, run: RunProgram): Promise<ManagedPolicy> {
  const dir = policy.value.extraProfilesDir;
  if (typeof dir !== 'string' || !variablesIn(dir).length) return policy;
  const x = await expandSystemVariables(run, dir);
  if (x.ok) return { ...policy, value: { ...policy.value, extraProfilesDir: x.value } };
  return { ...policy, problems: [...policy.problems, { path: 'ExtraProfilesDir', message: `"${dir}": ${x.problem}` }] };
}

/** Managed preferences (plutil's JSON of the plist) → policy object; the profile's Payload* keys are not settings. */
export function policyFromPlist(json: unknown, source = MAC_MANAGED_PLIST): ManagedPolicy {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { source, value: {}, problems: [{ path: '', message: 'not a dictionary of settings' }] };
  const value = Object.fromEntries(Object.entries(json).filter(([k]) => !k.startsWith('Payload')));
  return { source, value, problems: [] };
}

export interface ManagedPolicyDeps {
  platform: NodeJS.Platform;
  exec?: RunProgram;
  exists?: (file: string) => Promise<boolean>;
}

/**
 * The OS-managed policy, or null when there is none (or it cannot be read here: no exec given).
 * A key or plist that exists but cannot be read is reported as a problem, not skipped: an admin's
 * lock must not silently fall back to a file a learner can write.
 */
export async function readManagedPolicy(deps: ManagedPolicyDeps): Promise<ManagedPolicy | null> {
  if (!deps.exec) return null;
  if (deps.platform === 'win32') {
    const r = await runRegQuery(deps.exec, [WINDOWS_POLICY_KEY], { timeoutMs: 3000 });
    // exit status 1 (its message is translated, so it is not read): no policy set
    if (!r.ok)
      return r.failure === 'exit'
        ? null
        : { source: WINDOWS_POLICY_KEY, value: {}, problems: [{ path: '', message: `cannot be read: ${r.detail ?? r.failure}` }] };
    const values = parseRegQuery(r.stdout);
    const policy = policyFromRegistry(values);
    if (!Object.keys(policy.value).length && !policy.problems.length) return null;
    return expandExtraProfilesDir(policy, deps.exec);
  }
  if (deps.platform === 'darwin') {
    // only a plist that exists is read: plutil's failure then means a damaged or unreadable profile
    if (!deps.exists || !(await deps.exists(MAC_MANAGED_PLIST))) return null;
    const r = await deps.exec('/usr/bin/plutil', ['-convert', 'json', '-o', '-', MAC_MANAGED_PLIST], { timeoutMs: 3000 });
    if (!r.ok) return { source: MAC_MANAGED_PLIST, value: {}, problems: [{ path: '', message: `cannot be read: ${r.detail ?? r.failure}` }] };
    try {
      return policyFromPlist(JSON.parse(r.stdout));
    } catch {
      return { source: MAC_MANAGED_PLIST, value: {}, problems: [{ path: '', message: 'plutil did not return JSON' }] };
    }
  }
  return null;
}
