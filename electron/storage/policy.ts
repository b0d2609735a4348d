// Reads the IT admin's policy file at start-up (docs/admins.md). Where it looks, in precedence order:
//   1. the machine-wide file — Windows <ProgramData>\ExamPreflight\policy.json, the folder read from
//      the registry (a learner can set %ProgramData% for their own process: never the variable),
//      macOS /Library/Application Support/ExamPreflight/policy.json, Linux /etc/exam-preflight/policy.json
//   2. policy.json beside the executable (portable installs), used ONLY when there is no machine-wide file.
// Machine-wide wins because only an administrator can write there: a lock an admin set must not be
// undone by a file a learner drops beside a portable copy. A machine-wide file that is invalid is
// still the one that counts (the app runs with safe defaults and says so) — a broken admin policy
// must not hand control to a user-writable file either.
// A machine-wide file that someone other than an administrator can change (icacls on Windows; owner,
// mode and the folders above it elsewhere) is refused, with the reason: an admin's lock anyone can
// edit is no lock, so the app runs with its defaults.
// All or nothing: any problem (bad JSON, unknown key, wrong type, a profile id that does not exist,
// an unreadable extra-profiles folder) rejects the whole file; a half-applied policy would be a
// state no admin wrote.
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, InvalidInputError, parseJsonText, zodProblems, type InputProblem } from '../../shared/parse-errors';
import { allProfiles, parseProfileText, type ReadParent } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import { validateBankText, type QuestionBank } from '../../shared/exam/bank';
import { PolicySchema, SAFE_DEFAULTS, type EffectivePolicy, type PolicyState } from '../../shared/policy/schema';
import { MAC_MANAGED_PLIST, readManagedPolicy, WINDOWS_POLICY_KEY, type ManagedPolicyDeps, type RunProgram } from './managed-policy';
import { readTextFile } from './read-text';
import { regValuesLower, runRegQuery } from './reg-query';

export const POLICY_FILE_NAME = 'policy.json';
/** A policy is a few hundred bytes. */
export const MAX_POLICY_BYTES = 64 * 1024;
/** An extra profile or bank: the same cap as any profile file. */
const MAX_EXTRA_FILE_BYTES = 1024 * 1024;
/** The app waits for the policy before opening its window: never longer than this. */
export const POLICY_DEADLINE_MS = 5000;

export interface PolicyDeps {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** folder of the running executable (Electron: path.dirname(app.getPath('exe'))) */
  execDir: string;
  /** rejects with code ENOENT when the file does not exist */
  readFile: (file: string) => Promise<string>;
  /** file names in a folder (default: node:fs) */
  readDir?: (dir: string) => Promise<string[]>;
  /** reads an extra profile or bank (default: readFile) — these may be larger than a policy */
  readExtraFile?: (file: string) => Promise<string>;
  /** runs `reg query` / `icacls` on Windows (electron/inspect/exec.ts); absent: the defaults are used */
  exec?: RunProgram;
  /** is there a file (the macOS managed plist, read with plutil only when it exists) */
  exists?: ManagedPolicyDeps['exists'];
  /** owner, group and mode of a file or folder (POSIX), to refuse a machine-wide policy ordinary users can change */
  stat?: (file: string) => Promise<{ mode: number; uid: number; gid?: number }>;
}

/** The policy and what it brought in; `extraProfiles`/`extraBanks` stay in the main process. */
export interface LoadedPolicy extends PolicyState {
  extraProfiles: Profile[];
  extraBanks: QuestionBank[];
  /** things an admin should know that do not reject the policy (also listed in `problems`) */
  warnings?: string[];
  /** why a rejected policy was rejected, as problems (`policy validate` prints or returns them one by one) */
  rejectedFor?: InputProblem[];
}

const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? path.win32 : path.posix);

/** Machine-wide policy location for this OS; on Windows `programData` comes from windowsProgramData(). */
export function machinePolicyPath(platform: NodeJS.Platform, programData = 'C:\\ProgramData'): string {
  if (platform === 'win32') return path.win32.join(programData, 'ExamPreflight', POLICY_FILE_NAME);
  if (platform === 'darwin') return '/Library/Application Support/ExamPreflight/policy.json';
  return '/etc/exam-preflight/policy.json';
}

/** The value of `name` in `reg query … /v name` output ("    ProgramData    REG_EXPAND_SZ    %SystemDrive%\ProgramData"). */
export function parseRegQueryValue(output: string, name: string): string | null {
  const v = regValuesLower(output).get(name.toLowerCase());
  return v && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') ? v.data : null;
}

const isDrivePath = (s: string) => /^[A-Za-z]:\\[^%]*$/.test(s);

/**
 * The real ProgramData folder, from the registry (HKLM, only administrators can change it): the
 * ProfileList's ProgramData value, normally "%SystemDrive%\ProgramData". %SystemDrive% is taken from
 * the registry's SystemRoot ("C:\WINDOWS" → "C:"), never from the environment; when anything is
 * missing or odd, the Windows default C:\ProgramData.
 */
export async function windowsProgramData(exec: RunProgram | undefined): Promise<string> {
  const fallback = 'C:\\ProgramData';
  if (!exec) return fallback;
  const q = await runRegQuery(exec, ['HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList', '/v', 'ProgramData'], { timeoutMs: 2000 });
  const raw = q.ok ? parseRegQueryValue(q.stdout, 'ProgramData') : null;
  if (!raw) return fallback;
  let drive = 'C:';
  if (/%SystemDrive%/i.test(raw)) {
    const r = await runRegQuery(exec, ['HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', '/v', 'SystemRoot'], { timeoutMs: 2000 });
    const root = r.ok ? parseRegQueryValue(r.stdout, 'SystemRoot') : null;
    const m = root ? /^([A-Za-z]:)\\/.exec(root) : null;
    if (m) drive = m[1]!.toUpperCase();
  }
  const expanded = raw.replace(/%SystemDrive%/gi, drive);
  return isDrivePath(expanded) ? expanded.replace(/\\+$/, '') : fallback;
}

/** Principals every ordinary user belongs to, as icacls prints them (English names, or the SID when unresolved). */
const ORDINARY =
  /^(Everyone|BUILTIN\\Users|NT AUTHORITY\\Authenticated Users|NT AUTHORITY\\INTERACTIVE|\*S-1-1-0|\*S-1-5-32-545|\*S-1-5-11|\*S-1-5-4|[^\\]+\\Domain Users|\*S-1-5-21-\d+-\d+-\d+-513)$/i;
/** An account's SID that icacls could not name: a user (RID 1000 and up) of this machine or its domain. */
const USER_SID = /^\*S-1-5-21-\d+-\d+-\d+-(\d+)$/i;
/**
 * Who may change a machine-wide file: SYSTEM, the Administrators group, TrustedInstaller (system
 * files carry it), a domain's Domain Admins and Enterprise Admins (members of Administrators on every
 * joined machine) — by English name or SID.
 */
const ADMINS =
  /^(NT AUTHORITY\\SYSTEM|BUILTIN\\Administrators|NT SERVICE\\TrustedInstaller|\*S-1-5-18|\*S-1-5-32-544|\*S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464|[^\\]+\\(Domain|Enterprise) Admins|\*S-1-5-21-\d+-\d+-\d+-(512|519))$/i;
/** "CREATOR OWNER" on a file grants nothing to anyone (it is a template for new children). */
const TEMPLATE = /^(CREATOR OWNER|CREATOR GROUP|\*S-1-3-[01])$/i;
/** Rights that let a user change the file's content or its permissions. */
const WRITE_RIGHTS = /^(F|M|W|WD|AD|WDAC|WO|GA|GW|D)$/;

export interface IcaclsReading {
  /**
   * 'writable': someone other than an administrator can change the file (a group every user is in,
   * Domain Users, a named account, a user's SID); 'admins-only': the entries were understood and only
   * administrators can; 'unknown': not understood (a localised Windows names its groups in its own
   * language: then an unrecognised name may be its Administrators group, and we claim nothing).
   */
  verdict: 'writable' | 'admins-only' | 'unknown';
  /** the principals that can change it, as icacls names them (for the reason given to the admin) */
  writers: string[];
}

/** Reads `icacls <file>` output (see IcaclsReading). */
export function readIcacls(output: string, file: string): IcaclsReading {
  const lines = output
    .split(/\r?\n/)
    .map((l, i) => (i === 0 && l.toLowerCase().startsWith(file.toLowerCase()) ? l.slice(file.length) : l).trim())
    .filter(Boolean);
  let understood = false;
  const sure: string[] = [];
  const named: string[] = [];
  for (const line of lines) {
    const m = /^(.+?):((?:\([A-Z,]+\))+)$/.exec(line);
    if (!m) continue;
    const who = m[1]!;
    const flags = [...m[2]!.matchAll(/\(([A-Z,]+)\)/g)].flatMap((x) => x[1]!.split(','));
    // a deny takes rights away; an inherit-only entry does not apply to the file itself
    if (flags.includes('DENY') || flags.includes('IO')) continue;
    if (ADMINS.test(who)) {
      understood = true;
      continue;
    }
    if (TEMPLATE.test(who) || !flags.some((r) => WRITE_RIGHTS.test(r))) continue;
    const rid = USER_SID.exec(who)?.[1];
    if (ORDINARY.test(who) || (rid !== undefined && Number(rid) >= 1000)) sure.push(who);
    else named.push(who);
  }
  // a named account is an ordinary one when the output names the administrators in a way we know
  const writers = understood ? [...sure, ...named] : sure;
  if (writers.length) return { verdict: 'writable', writers };
  return { verdict: understood && !named.length ? 'admins-only' : 'unknown', writers: [] };
}

/** The verdict alone (see readIcacls). */
export function parseIcacls(output: string, file: string): IcaclsReading['verdict'] {
  return readIcacls(output, file).verdict;
}

/** What the permissions of the machine-wide policy say: a reason to refuse it, or a warning. */
type PermissionFinding = { refuse: string } | { warn: string } | null;

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

/**
 * Whether someone other than an administrator can change the machine-wide policy — the file, or
 * (POSIX) the folders above it, whose owner or writers can replace it. An admin policy anyone can
 * edit is no policy: it is refused, with the reason, and the app runs unlocked with its defaults.
 * When that cannot be told (a localised icacls), a warning.
 */
async function permissionFinding(file: string, deps: PolicyDeps): Promise<PermissionFinding> {
  try {
    if (deps.platform === 'win32') {
      if (!deps.exec) return null;
      const r = await deps.exec('icacls', [file], { timeoutMs: 2000 });
      const { verdict, writers } = r.ok ? readIcacls(r.stdout, file) : { verdict: 'unknown' as const, writers: [] };
      if (verdict === 'writable')
        return {
          refuse: `${file}: ${writers.join(', ')} can change this file (icacls shows write access), so it is not applied; make it writable by administrators only, e.g. icacls "${file}" /inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F *S-1-5-32-545:RX`,
        };
      if (verdict === 'unknown')
        return {
          warn: `${file}: could not tell whether ordinary users can change this file (icacls output not understood); check that only administrators can write it`,
        };
      return null;
    }
    if (!deps.stat) return null;
    const st = await deps.stat(file);
    if (st.uid !== 0)
      return {
        refuse: `${file}: the file is owned by user id ${st.uid}, not root: that user can change the policy, so it is not applied; make root the owner`,
      };
    if (st.mode & 0o002 || (st.mode & 0o020 && (st.gid ?? 0) !== 0))
      return { refuse: `${file}: the file can be changed by users other than root (mode ${octal(st.mode)}), so it is not applied; use mode 644 or stricter` };
    // every folder above it: its owner, or anyone who may write in it, can put another file in its place
    const p = path.posix;
    for (let dir = p.dirname(file); ; dir = p.dirname(dir)) {
      const d = await deps.stat(dir);
      const sticky = (d.mode & 0o1000) !== 0;
      if (d.uid !== 0)
        return { refuse: `${file}: its folder ${dir} is owned by user id ${d.uid}, not root: that user can replace the policy, so it is not applied` };
      if (!sticky && (d.mode & 0o002 || (d.mode & 0o020 && (d.gid ?? 0) !== 0)))
        return {
          refuse: `${file}: its folder ${dir} can be written by users other than root (mode ${octal(d.mode)}): anyone can replace the policy, so it is not applied; use mode 755`,
        };
      if (sticky && d.mode & 0o002)
        return { warn: `${file}: its folder ${dir} is writable by everyone (mode 1${octal(d.mode)}); keep the policy in a folder only root can write` };
      if (dir === '/' || p.dirname(dir) === dir) return null;
    }
  } catch {
    return null;
  }
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
  const machine = machinePolicyPath(deps.platform, deps.platform === 'win32' ? await windowsProgramData(deps.exec) : undefined);
  const searched = [...(deps.exec ? managedAt : []), machine, portablePolicyPath(deps)];
  const none: LoadedPolicy = { policy: { ...SAFE_DEFAULTS }, source: null, searched, problems: [], rejected: false, extraProfiles: [], extraBanks: [] };
  // 1. the OS's managed settings (Group Policy / Intune registry, macOS configuration profile)
  const managed = await readManagedPolicy(deps);
  if (managed) {
    if (managed.problems.length)
      return reject(
        none,
        managed.source,
        managed.problems.map((p) => ({ file: managed.source, ...p })),
      );
    return applyPolicyValue(managed.value, managed.source, deps, none, true);
  }
  // 2. the machine-wide file, 3. the portable one
  for (const file of searched.filter((f) => !managedAt.includes(f))) {
    let text: string;
    try {
      text = await deps.readFile(file);
    } catch (err) {
      if (isMissing(err)) continue;
      // present but unreadable (permissions, a pipe, too large): it exists, so it is the policy that counts — rejected
      return reject(none, file, [{ file, path: '', message: `cannot be read: ${(err as Error).message}` }]);
    }
    try {
      // an admin policy that ordinary users can change is refused before it is even parsed
      const finding = file === machine ? await permissionFinding(file, deps) : null;
      if (finding && 'refuse' in finding) return { ...none, source: file, rejected: true, problems: [finding.refuse] };
      const loaded = await applyPolicyText(text, file, deps, none);
      return finding ? { ...loaded, warnings: [finding.warn], problems: [...loaded.problems, finding.warn] } : loaded;
    } catch (err) {
      // a bug or an unforeseen input must not stop the app or the CLI: the policy is rejected, and says why
      return reject(none, file, [{ file, path: '', message: `could not be applied: ${(err as Error)?.message ?? String(err)}` }]);
    }
  }
  return none;
}

/**
 * loadPolicy that always answers, within `ms`: a policy that cannot be read in time (a hung network
 * share, a registry query that does not return) is reported and the app's defaults apply.
 */
export async function loadPolicyBounded(deps: PolicyDeps, ms = POLICY_DEADLINE_MS): Promise<LoadedPolicy> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<LoadedPolicy>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          policy: { ...SAFE_DEFAULTS },
          source: null,
          searched: [],
          problems: [`the policy could not be read within ${ms} ms; running with the app's defaults`],
          rejected: true,
          extraProfiles: [],
          extraBanks: [],
        }),
      ms,
    );
  });
  const work = loadPolicy(deps).catch(
    (err: unknown) =>
      ({
        policy: { ...SAFE_DEFAULTS },
        source: null,
        searched: [],
        problems: [`the policy could not be read: ${(err as Error)?.message ?? String(err)}`],
        rejected: true,
        extraProfiles: [],
        extraBanks: [],
      }) as LoadedPolicy,
  );
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The real file system, registry and permissions: what the app and the bin pass to loadPolicyBounded. */
export function realPolicyDeps(execDir: string, exec?: RunProgram): PolicyDeps {
  return {
    platform: process.platform,
    env: process.env,
    execDir,
    readFile: (f) => readTextFile(f, MAX_POLICY_BYTES),
    readDir: (d) => fs.readdir(d),
    readExtraFile: (f) => readTextFile(f, MAX_EXTRA_FILE_BYTES),
    ...(exec ? { exec } : {}),
    exists: (f) =>
      fs.access(f).then(
        () => true,
        () => false,
      ),
    stat: async (f) => {
      const st = await fs.stat(f);
      return { mode: st.mode, uid: st.uid, gid: st.gid };
    },
  };
}

/**
 * A policy's text checked and applied exactly as at start-up (`exam-preflight policy validate`):
 * `file` is where it is (its extra-profiles folder is relative to it).
 */
export function checkPolicyText(text: string, file: string, deps: PolicyDeps): Promise<LoadedPolicy> {
  const none: LoadedPolicy = { policy: { ...SAFE_DEFAULTS }, source: null, searched: [file], problems: [], rejected: false, extraProfiles: [], extraBanks: [] };
  return applyPolicyText(text, file, deps, none);
}

async function applyPolicyText(text: string, file: string, deps: PolicyDeps, none: LoadedPolicy): Promise<LoadedPolicy> {
  try {
    if (text.length > MAX_POLICY_BYTES)
      throw new InvalidInputError([{ file, path: '', message: `file is too large for a policy (${text.length} bytes; the limit is ${MAX_POLICY_BYTES})` }]);
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
    if (!r.success) throw new InvalidInputError(zodProblems(file, r.error, PolicySchema));
    const p = pathFor(deps.platform);
    if (managed && r.data.extraProfilesDir && !p.isAbsolute(r.data.extraProfilesDir))
      throw new InvalidInputError([
        {
          file,
          path: 'extraProfilesDir',
          message: `a full folder path, such as \\\\server\\share\\profiles or %ProgramData%\\ExamPreflight\\profiles ("${r.data.extraProfilesDir}" is relative, and a managed policy has no folder of its own to start from)`,
        },
      ]);
    const caFile = r.data.networkTest?.caFile;
    if (managed && caFile && !p.isAbsolute(caFile))
      throw new InvalidInputError([
        { file, path: 'networkTest.caFile', message: 'a full file path (a managed policy has no folder of its own to start from)' },
      ]);
    const extraDir = r.data.extraProfilesDir ? p.resolve(p.dirname(file), r.data.extraProfilesDir) : null;
    const extras = extraDir ? await loadExtraProfiles(extraDir, deps.readDir, deps.readExtraFile ?? deps.readFile) : { profiles: [], banks: [], problems: [] };
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
      // the extra CA file is read (and checked) when the network is measured: a clear error there names it
      networkTest: r.data.networkTest ? { ...r.data.networkTest, ...(caFile ? { caFile: p.resolve(p.dirname(file), caFile) } : {}) } : null,
      updateChecks: r.data.updateChecks ?? SAFE_DEFAULTS.updateChecks,
      updateFeedUrl: r.data.updateFeedUrl ?? null,
      reportFilesFromNetworkShares: r.data.reportFilesFromNetworkShares ?? false,
    };
    // bad files in the extra folder do not reject the policy: the good ones are used, the bad ones listed
    return { ...none, policy, source: file, problems: extras.problems, extraProfiles: extras.profiles, extraBanks: extras.banks };
  } catch (err) {
    if (err instanceof InvalidInputError) return reject(none, file, err.problems);
    throw err;
  }
}

function reject(none: LoadedPolicy, file: string, problems: InputProblem[]): LoadedPolicy {
  return { ...none, source: file, rejected: true, problems: problems.map(formatProblem), rejectedFor: problems };
}

export interface ExtraProfiles {
  profiles: Profile[];
  banks: QuestionBank[];
  /** one line per bad file ("file:path: problem"); those files are skipped */
  problems: string[];
  /** set when the folder itself cannot be listed */
  folderProblem?: string;
}

/**
 * Every *.json in `dir`: a file with top-level "sections" is a question bank, anything else an exam
 * profile (a name starting with "_" is a part that profiles of the folder `extends`, not an exam). Bad files are reported and skipped; good ones kept. Two files with the same id: the
 * first in name order is kept and the other reported (ids must be unique to be chosen).
 */
export async function loadExtraProfiles(
  dir: string,
  readDir: (dir: string) => Promise<string[]> = (d) => fs.readdir(d),
  readFile: (file: string) => Promise<string> = (f) => readTextFile(f, MAX_EXTRA_FILE_BYTES),
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
  // read every file first: a profile may `extends` another file of this folder (and nothing outside it)
  const texts = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    try {
      texts.set(name, await readFile(file));
    } catch (err) {
      out.problems.push(`${file}: cannot be read: ${(err as Error).message}`);
    }
  }
  const readParent: ReadParent = (ref, from) => {
    const name = ref.replace(/^\.[\\/]/, '');
    const text = /[\\/]/.test(name) ? undefined : texts.get(name);
    if (text === undefined)
      throw new InvalidInputError([
        { file: from, path: 'extends', message: `"${ref}" is not a file of this profiles folder (a profile here may extend a built-in or a sibling *.json)` },
      ]);
    return { file: join(dir, name), text };
  };
  for (const [name, text] of texts) {
    // "_base.json": a part other profiles of the folder extend, not an exam of its own
    if (name.startsWith('_')) continue;
    const file = join(dir, name);
    try {
      if (looksLikeBank(text)) {
        const r = validateBankText(text, file);
        if (!r.ok) throw new InvalidInputError(r.problems.map((p) => ({ file: p.file, path: p.path, message: p.message })));
        if (out.banks.some((b) => b.id === r.bank.id))
          throw new InvalidInputError([{ file, path: 'id', message: `another bank in this folder already has id "${r.bank.id}"` }]);
        out.banks.push(r.bank);
      } else {
        const profile = parseProfileText(text, file, { readParent });
        if (out.profiles.some((x) => x.id === profile.id))
          throw new InvalidInputError([{ file, path: 'id', message: `another profile in this folder already has id "${profile.id}"` }]);
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
