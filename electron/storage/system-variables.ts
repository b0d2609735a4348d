// %Variables% in a machine policy value (the ADMX's ExtraProfilesDir takes them: "%ProgramData%\
// ExamPreflight\profiles") expanded the way Windows would for the machine, from the registry that
// only administrators write — never from this process's environment, which a learner can set
// (`set ProgramData=C:\Users\me\fake` before starting the app must not move an admin's folder).
// Where Windows keeps each machine-wide variable:
// - HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment: the system variables
//   (windir, ComSpec, TEMP, OS, and any an admin added), some themselves holding %SystemRoot%;
// - HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion SystemRoot (SystemRoot, windir, SystemDrive);
// - HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList ProgramData, Public;
// - HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion ProgramFilesDir, ProgramFilesDir (x86),
//   CommonFilesDir.
import { regValuesLower, runRegQuery, type RegRunner } from './reg-query';

const SESSION_ENV = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
const NT_CURRENT = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const PROFILE_LIST = `${NT_CURRENT}\\ProfileList`;
const CURRENT = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';

/** variable (lower case) → [key, value name] where Windows keeps it for the whole machine */
const KNOWN: Readonly<Record<string, readonly [string, string]>> = {
  systemroot: [NT_CURRENT, 'SystemRoot'],
  windir: [NT_CURRENT, 'SystemRoot'],
  programdata: [PROFILE_LIST, 'ProgramData'],
  allusersprofile: [PROFILE_LIST, 'ProgramData'],
  public: [PROFILE_LIST, 'Public'],
  programfiles: [CURRENT, 'ProgramFilesDir'],
  'programfiles(x86)': [CURRENT, 'ProgramFilesDir (x86)'],
  programw6432: [CURRENT, 'ProgramFilesDir'],
  commonprogramfiles: [CURRENT, 'CommonFilesDir'],
};

/** Variables that belong to the signed-in user: a machine policy cannot mean them. */
const PER_USER = new Set(['userprofile', 'appdata', 'localappdata', 'homedrive', 'homepath', 'username', 'userdomain', 'onedrive', 'temp', 'tmp']);

/** The %NAME% references in a text (names without spaces or %, at most 64 characters). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(/%([^%\s\\]{1,64})%/g)].map((m) => m[1]!);
}

export type Expansion = { ok: true; value: string } | { ok: false; problem: string };

/**
 * Expands every %NAME% in `text` from the machine's registry. A per-user or unknown variable, or
 * one the registry does not answer for, is a problem that says which and why.
 */
export async function expandSystemVariables(run: RegRunner, text: string): Promise<Expansion> {
  const keys = new Map<string, Promise<Map<string, string> | null>>();
  const valuesOf = (key: string) => {
    let p = keys.get(key);
    if (!p) {
      p = runRegQuery(run, [key], { timeoutMs: 2000 }).then((r) =>
        r.ok ? new Map([...regValuesLower(r.stdout)].map(([name, v]) => [name, v.data] as [string, string])) : null,
      );
      keys.set(key, p);
    }
    return p;
  };
  const lookup = async (name: string): Promise<string | null> => {
    const lower = name.toLowerCase();
    if (lower === 'systemdrive') {
      const root = await lookup('SystemRoot');
      return root && /^[A-Za-z]:\\/.test(root) ? root.slice(0, 2).toUpperCase() : null;
    }
    const known = KNOWN[lower];
    if (known) return (await valuesOf(known[0]))?.get(known[1].toLowerCase()) ?? null;
    return (await valuesOf(SESSION_ENV))?.get(lower) ?? null;
  };
  let value = text;
  // a value may name another (%ProgramData% → %SystemDrive%\ProgramData): a few rounds, never a loop
  for (let round = 0; round < 4; round++) {
    const names = [...new Set(variablesIn(value))];
    if (!names.length) return { ok: true, value };
    for (const name of names) {
      if (PER_USER.has(name.toLowerCase()))
        return {
          ok: false,
          problem: `%${name}% belongs to each signed-in user, not to the computer: name a folder every learner shares (e.g. %ProgramData%\\…)`,
        };
      const v = await lookup(name);
      if (v === null)
        return {
          ok: false,
          problem: `%${name}% could not be expanded: it is not a system environment variable (${SESSION_ENV}) nor a Windows folder variable the registry records`,
        };
      value = value.split(`%${name}%`).join(v);
    }
  }
  return { ok: false, problem: `"${text}" names variables that name each other without end` };
}
