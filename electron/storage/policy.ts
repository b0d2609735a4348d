// Reads the IT admin's policy file at start-up (docs/admins.md). Where it looks, in precedence order:
//   1. the machine-wide file — Windows %ProgramData%\ExamPreflight\policy.json,
//      macOS /Library/Application Support/ExamPreflight/policy.json, Linux /etc/exam-preflight/policy.json
//   2. policy.json beside the executable (portable installs), used ONLY when there is no machine-wide file.
// Machine-wide wins because only an administrator can write there: a lock an admin set must not be
// undone by a file a learner drops beside a portable copy. A machine-wide file that is invalid is
// still the one that counts (the app runs with safe defaults and says so) — a broken admin policy
// must not hand control to a user-writable file either.
// All or nothing: any problem (bad JSON, unknown key, wrong type, a profile id that does not exist,
// an unreadable extra-profiles folder) rejects the whole file; a half-applied policy would be a
// state no admin wrote.
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, InvalidInputError, parseJsonText, zodProblems, type InputProblem } from '../../shared/profile/parse-errors';
import { allProfiles, parseProfileText } from '../../shared/profile/load';
import { fileParentReader } from './profile-parent';
import type { Profile } from '../../shared/profile/schema';
import { validateBankText, type QuestionBank } from '../../shared/exam/bank';
import { PolicySchema, SAFE_DEFAULTS, type EffectivePolicy, type PolicyState } from '../../shared/policy/schema';
import { MAC_MANAGED_PLIST, readManagedPolicy, WINDOWS_POLICY_KEY, type ManagedPolicyDeps } from './managed-policy';

export const POLICY_FILE_NAME = 'policy.json';
/** A policy is a few hundred bytes. */
const MAX_POLICY_BYTES = 64 * 1024;

export interface PolicyDeps {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** folder of the running executable (Electron: path.dirname(app.getPath('exe'))) */
  execDir: string;
  /** rejects with code ENOENT when the file does not exist */
  readFile: (file: string) => Promise<string>;
  /** file names in a folder (default: node:fs) */
  readDir?: (dir: string) => Promise<string[]>;
  /** runs reg.exe / plutil for the OS-managed policy (managed-policy.ts); without it only files are read */
  exec?: ManagedPolicyDeps['exec'];
  exists?: ManagedPolicyDeps['exists'];
}

/** The policy and what it brought in; `extraProfiles`/`extraBanks` stay in the main process. */
export interface LoadedPolicy extends PolicyState {
  extraProfiles: Profile[];
  extraBanks: QuestionBank[];
}

const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? path.win32 : path.posix);

/** Machine-wide policy location for this OS. */
export function machinePolicyPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'ExamPreflight', POLICY_FILE_NAME);
  }
  if (platform === 'darwin') return '/Library/Application Support/ExamPreflight/policy.json';
  return '/etc/exam-preflight/policy.json';
}

/**
 * Where a portable copy keeps its policy. electron-builder's portable .exe and an AppImage run from a
 * temporary mount, so the folder the learner sees is taken from the variables they set.
 */
export function portablePolicyPath(deps: Pick<PolicyDeps, 'platform' | 'env' | 'execDir'>): string {
  const p = pathFor(deps.platform);
  const dir = deps.env.PORTABLE_EXECUTABLE_DIR ?? (deps.env.APPIMAGE ? p.dirname(deps.env.APPIMAGE) : deps.execDir);
  return p.join(dir, POLICY_FILE_NAME);
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT' || (err as NodeJS.ErrnoException | null)?.code === 'ENOTDIR';

export async function loadPolicy(deps: PolicyDeps): Promise<LoadedPolicy> {
  const managedAt = deps.platform === 'win32' ? [WINDOWS_POLICY_KEY] : deps.platform === 'darwin' ? [MAC_MANAGED_PLIST] : [];
  const searched = [...(deps.exec ? managedAt : []), machinePolicyPath(deps.platform, deps.env), portablePolicyPath(deps)];
  const none: LoadedPolicy = { policy: { ...SAFE_DEFAULTS }, source: null, searched, problems: [], rejected: false, extraProfiles: [], extraBanks: [] };
  // 1. the OS's managed settings (Group Policy / Intune registry, macOS configuration profile)
  const managed = await readManagedPolicy(deps);
  if (managed) {
    if (managed.problems.length) return reject(none, managed.source, managed.problems.map((p) => ({ file: managed.source, ...p })));
    return applyPolicyValue(managed.value, managed.source, deps, none, true);
  }
  // 2. the machine-wide file, 3. the portable one
  for (const file of searched.filter((f) => !managedAt.includes(f))) {
    let text: string;
    try {
      text = await deps.readFile(file);
    } catch (err) {
      if (isMissing(err)) continue;
      // present but unreadable (permissions): it exists, so it is the policy that counts — rejected
      return reject(none, file, [{ file, path: '', message: `cannot be read: ${(err as Error).message}` }]);
    }
    return applyPolicyText(text, file, deps, none);
  }
  return none;
}

async function applyPolicyText(text: string, file: string, deps: PolicyDeps, none: LoadedPolicy): Promise<LoadedPolicy> {
  try {
    if (text.length > MAX_POLICY_BYTES) throw new InvalidInputError([{ file, path: '', message: `file is too large for a policy (${text.length} bytes; the limit is ${MAX_POLICY_BYTES})` }]);
    return await applyPolicyValue(parseJsonText(text, file), file, deps, none, false);
  } catch (err) {
    if (err instanceof InvalidInputError) return reject(none, file, err.problems);
    throw err;
  }
}

/** `managed`: from the registry or managed preferences, which have no folder to resolve a relative path against. */
async function applyPolicyValue(value: unknown, file: string, deps: PolicyDeps, none: LoadedPolicy, managed: boolean): Promise<LoadedPolicy> {
  try {
    const r = PolicySchema.safeParse(value);
    if (!r.success) throw new InvalidInputError(zodProblems(file, r.error));
    const p = pathFor(deps.platform);
    if (managed && r.data.extraProfilesDir && !p.isAbsolute(r.data.extraProfilesDir)) throw new InvalidInputError([{ file, path: 'extraProfilesDir', message: 'a full folder path (a managed policy has no folder of its own to start from)' }]);
    const extraDir = r.data.extraProfilesDir ? p.resolve(p.dirname(file), r.data.extraProfilesDir) : null;
    const extras = extraDir ? await loadExtraProfiles(extraDir, deps.readDir, deps.readFile) : { profiles: [], banks: [], problems: [] };
    if (extras.folderProblem) throw new InvalidInputError([{ file, path: 'extraProfilesDir', message: extras.folderProblem }]);
    const known = allProfiles(extras.profiles).map((x) => x.id);
    const unknownIds: InputProblem[] = (['defaultProfile', 'lockedProfile'] as const)
      .filter((k) => r.data[k] !== undefined && !known.includes(r.data[k]!))
      .map((k) => ({ file, path: k, message: `no exam profile "${r.data[k]}" (known: ${known.join(', ')})` }));
    if (unknownIds.length) throw new InvalidInputError(unknownIds);
    const policy: EffectivePolicy = {
      defaultProfile: r.data.defaultProfile ?? null,
      lockedProfile: r.data.lockedProfile ?? null,
      extraProfilesDir: extraDir,
      hideMockExam: r.data.hideMockExam ?? SAFE_DEFAULTS.hideMockExam,
      networkChecks: r.data.networkChecks ?? SAFE_DEFAULTS.networkChecks,
      supportContact: r.data.supportContact ?? null,
      updateChecks: r.data.updateChecks ?? SAFE_DEFAULTS.updateChecks,
      updateFeedUrl: r.data.updateFeedUrl ?? null,
    };
    // bad files in the extra folder do not reject the policy: the good ones are used, the bad ones listed
    return { ...none, policy, source: file, problems: extras.problems, extraProfiles: extras.profiles, extraBanks: extras.banks };
  } catch (err) {
    if (err instanceof InvalidInputError) return reject(none, file, err.problems);
    throw err;
  }
}

function reject(none: LoadedPolicy, file: string, problems: InputProblem[]): LoadedPolicy {
  return { ...none, source: file, rejected: true, problems: problems.map(formatProblem) };
}

export interface ExtraProfiles {
  profiles: Profile[];
  banks: QuestionBank[];
  /** one line per bad file ("file: at path: problem"); those files are skipped */
  problems: string[];
  /** set when the folder itself cannot be listed */
  folderProblem?: string;
}

/**
 * Every *.json in `dir`: a file with top-level "sections" is a question bank, anything else an exam
 * profile. Bad files are reported and skipped; good ones kept. Two files with the same id: the
 * first in name order is kept and the other reported (ids must be unique to be chosen).
 */
export async function loadExtraProfiles(
  dir: string,
  readDir: (dir: string) => Promise<string[]> = (d) => fs.readdir(d),
  readFile: (file: string) => Promise<string> = (f) => fs.readFile(f, 'utf8'),
): Promise<ExtraProfiles> {
  const out: ExtraProfiles = { profiles: [], banks: [], problems: [] };
  let names: string[];
  try {
    names = (await readDir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (err) {
    out.folderProblem = isMissing(err) ? `folder "${dir}" does not exist` : `folder "${dir}" cannot be read: ${(err as Error).message}`;
    return out;
  }
  const join = dir.includes('\\') && !dir.includes('/') ? path.win32.join : path.join;
  for (const name of names) {
    const file = join(dir, name);
    try {
      const text = await readFile(file);
      if (looksLikeBank(text)) {
        const r = validateBankText(text, file);
        if (!r.ok) throw new InvalidInputError(r.problems.map((p) => ({ file: p.file, path: p.path, message: p.message })));
        if (out.banks.some((b) => b.id === r.bank.id)) throw new InvalidInputError([{ file, path: 'id', message: `another bank in this folder already has id "${r.bank.id}"` }]);
        out.banks.push(r.bank);
      } else {
        // `extends` may name a built-in or another file of this folder (never outside it)
        const profile = parseProfileText(text, file, { readParent: fileParentReader({ cwd: dir, within: dir }) });
        if (out.profiles.some((x) => x.id === profile.id)) throw new InvalidInputError([{ file, path: 'id', message: `another profile in this folder already has id "${profile.id}"` }]);
        out.profiles.push(profile);
      }
    } catch (err) {
      if (err instanceof InvalidInputError) out.problems.push(...err.problems.map(formatProblem));
      else out.problems.push(`${file}: cannot be read: ${(err as Error).message}`);
    }
  }
  return out;
}

function looksLikeBank(text: string): boolean {
  try {
    const v = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    return !!v && typeof v === 'object' && !Array.isArray(v) && 'sections' in v && !('requirements' in v);
  } catch {
    return false; // the profile parser reports the JSON error with its position
  }
}

/** What the renderer may see (no profile/bank contents). */
export function publicPolicyState(p: LoadedPolicy): PolicyState {
  return { policy: p.policy, source: p.source, searched: p.searched, problems: p.problems, rejected: p.rejected };
}
