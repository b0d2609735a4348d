// Windows states that break proctored sessions, read with reg.exe, powercfg.exe and one PowerShell
// call, each through deps.exec (no shell, a timeout, capped output). Parsing never relies on a
// translated label: `reg query` prints value names and types untranslated (only the default value's
// name, "(Default)" / "(Standard)" / "(Predeterminado)" / "(Padrão)", and "(value not set)" are
// translated, so key existence is read from the exit status), and powercfg's captions are
// translated ("Current AC Power Setting Index" / "Index der aktuellen Wechselstromeinstellung"), so
// its values are taken by position: the last two 0x… numbers of a setting are AC, then DC.
import { OS_STATE_REASONS, type OsStateFacts, type OsStateId, type Observed } from '../../shared/facts';
import type { InspectDeps } from './deps';
import type { ExecResult } from './exec';
import { regValuesLower, runRegQuery, type RegValue } from '../storage/reg-query';

/** The states one platform's collector fills in (the probe block is added by os-state.ts). */
export type OsStateFields = Omit<OsStateFacts, 'probe'>;

const REG_TIMEOUT_MS = 2000;
/** the licensing query enumerates products in WMI: seconds on a slow laptop, so it gets its own room */
const POWERSHELL_TIMEOUT_MS = 6000;

export type { RegValue };

/** `reg query` value lines (storage/reg-query.ts): names lower-cased. */
export const parseRegValues = regValuesLower;

/** REG_DWORD data is printed as hex ("0x1"); REG_SZ numbers as decimal text. */
export function regNumber(v: RegValue | undefined): number | null {
  if (!v) return null;
  const n = /^0x[0-9a-f]+$/i.test(v.data) ? parseInt(v.data, 16) : /^\d+$/.test(v.data) ? Number(v.data) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The AC and DC values of one powercfg setting, in its own units (seconds for the idle timeouts). */
export function parsePowercfgSetting(text: string, settingGuid: string): { ac: number; dc: number } | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.toLowerCase().includes(settingGuid.toLowerCase()));
  if (start < 0) return null;
  const hex: number[] = [];
  for (const line of lines.slice(start + 1)) {
    // the next setting or subgroup starts with another GUID
    if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(line)) break;
    const m = /0x([0-9a-f]{1,8})\s*$/i.exec(line.trim());
    if (m) hex.push(parseInt(m[1]!, 16));
  }
  if (hex.length < 2) return null;
  return { ac: hex[hex.length - 2]!, dc: hex[hex.length - 1]! };
}

/** The shorter of two timeouts that are on; 0 when both are "never". */
export const shorterTimeout = (a: number, b: number): number => (a && b ? Math.min(a, b) : a || b);

const STANDBYIDLE = '29f6c1db-86da-48c5-9fdb-f2b67b1f44da';
const VIDEOIDLE = '3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e';

const HKCU_DESKTOP = 'HKCU\\Control Panel\\Desktop';
const reason = (r: ExecResult) => r.detail ?? r.stderr.trim().slice(0, 200) ?? 'no answer';
/** reg.exe exits 1 for a key or value that does not exist (its message is translated; the status is not). */
const absent = (r: ExecResult) => r.failure === 'exit';

/** Where Group Policy puts the screen lock (read before the user's own setting, which they override). */
export const LOCK_POLICY_KEYS = [
  // "Interactive logon: Machine inactivity limit": the computer locks after this many seconds
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
  // "Screen saver timeout" / "Enable screen saver" / "Force specific screen saver" (user policy; some tools write the machine's)
  'HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop',
  'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop',
] as const;

/**
 * Minutes until the screen locks: the screen saver (the user's setting, each part overridden by a
 * policy that sets it) and the machine inactivity limit, whichever comes first; 0 = never.
 * `policies` are the answers for LOCK_POLICY_KEYS, in order (exit 1: the key does not exist).
 */
export function lockAfter(desk: ExecResult, policies: readonly ExecResult[]): Observed<number> {
  const via = `reg query ${HKCU_DESKTOP} (ScreenSaveActive, ScreenSaveTimeOut, SCRNSAVE.EXE), HKLM\\…\\Policies\\System (InactivityTimeoutSecs), HKCU and HKLM\\…\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop`;
  const broken = [desk, ...policies].find((r) => !r.ok && !absent(r));
  if (broken) return { value: null, via, reason: reason(broken) };
  const [system, userPolicy, machinePolicy] = policies.map((r) => (r.ok ? parseRegValues(r.stdout) : new Map<string, RegValue>()));
  const user = desk.ok ? parseRegValues(desk.stdout) : new Map<string, RegValue>();
  const details: string[] = [];
  // a policy value wins over the user's; the machine's policy over the user's policy
  const pick = (name: string) => {
    for (const [where, values] of [
      ['policy (HKLM)', machinePolicy],
      ['policy (HKCU)', userPolicy],
    ] as const) {
      const v = values?.get(name);
      if (v) {
        details.push(`${name} ${v.data.slice(0, 60)} by ${where}`);
        return v;
      }
    }
    return user.get(name);
  };
  const activeValue = pick('screensaveactive');
  const exe = pick('scrnsave.exe');
  const secs = regNumber(pick('screensavetimeout'));
  const saverOn = regNumber(activeValue) === 1 && (exe?.data ?? '') !== '';
  const inactivity = regNumber(system?.get('inactivitytimeoutsecs'));
  if (inactivity) details.push(`InactivityTimeoutSecs ${inactivity} by policy (HKLM)`);
  if (saverOn && secs === null && !inactivity) return { value: null, via, reason: 'ScreenSaveTimeOut is not set' };
  const saverMin = saverOn && secs ? Math.round(secs / 60) : 0;
  const lockMin = inactivity ? Math.max(1, Math.round(inactivity / 60)) : 0;
  const value = shorterTimeout(saverMin, lockMin);
  if (!value && !details.length) details.push('no screen saver');
  return { value, via, ...(details.length ? { details } : {}) };
}

/**
 * Is this a remote session? Windows names the session after the listener that accepted it:
 * "Console" at the computer itself; "RDP-Tcp#3" over Remote Desktop; "ICA-tcp#0" / "ICA-CGP#1"
 * under Citrix; Azure Virtual Desktop's reverse-connect listener gives a hexadecimal name with
 * "#N". VMware Horizon sessions run on the virtual machine's console but set ViewClient_* variables.
 */
export function windowsRemoteSession(env: NodeJS.ProcessEnv): Observed<boolean> {
  const name = env.SESSIONNAME;
  const via = 'SESSIONNAME';
  const horizon = env.ViewClient_Protocol ?? env.VIEWCLIENT_PROTOCOL;
  if (horizon) return { value: true, via: 'ViewClient_Protocol', details: [`VMware Horizon (${horizon.slice(0, 20)})`] };
  if (!name) return { value: null, via, reason: 'SESSIONNAME is not set' };
  const details = [`SESSIONNAME=${name.slice(0, 40)}`];
  if (/^console$/i.test(name)) return { value: false, via, details };
  if (/^(RDP|ICA)-/i.test(name) || /#\d{1,4}$/.test(name)) return { value: true, via, details };
  return { value: null, via, reason: `SESSIONNAME=${name.slice(0, 40)} is not a session name Windows is known to use`, details };
}

/** The PowerShell script: fixed text, no input from anywhere. Each part is asked only when its state is. */
export function powershellScript(parts: { saver: boolean; license: boolean }): string {
  const lines = ['$o=[ordered]@{}'];
  if (parts.saver)
    lines.push('try{$o.saver=[int][Windows.System.Power.PowerManager,Windows.System.Power,ContentType=WindowsRuntime]::EnergySaverStatus}catch{}');
  if (parts.license)
    lines.push(
      'try{$o.license=@(Get-CimInstance -ClassName SoftwareLicensingProduct -Filter "ApplicationID=\'55c92734-d682-4d71-983e-d6ec3f16059f\' AND PartialProductKey IS NOT NULL" -Property LicenseStatus -ErrorAction Stop|ForEach-Object{[int]$_.LicenseStatus})}catch{}',
    );
  lines.push('$o|ConvertTo-Json -Compress');
  return lines.join(';');
}

export function parsePowershellAnswer(stdout: string): { saver?: number; license?: number[] } | null {
  try {
    const v = JSON.parse(stdout.trim()) as { saver?: unknown; license?: unknown };
    const license = Array.isArray(v.license)
      ? v.license.filter((x): x is number => typeof x === 'number')
      : typeof v.license === 'number'
        ? [v.license]
        : undefined;
    return { ...(typeof v.saver === 'number' ? { saver: v.saver } : {}), ...(license ? { license } : {}) };
  } catch {
    return null;
  }
}

/** Windows 11 is build 22000 and later (os.release() gives "10.0.22631"). */
export const windowsBuild = (release: string): number | null => Number(/^\d+\.\d+\.(\d+)/.exec(release)?.[1] ?? NaN) || null;

export async function windowsStates(asked: ReadonlySet<OsStateId>, deps: InspectDeps): Promise<OsStateFields> {
  const reg = (args: string[]): Promise<ExecResult> => runRegQuery(deps.exec, args, { timeoutMs: REG_TIMEOUT_MS }).then((r) => ({ stderr: '', ...r }));
  let desktop: Promise<ExecResult> | null = null;
  const desktopKey = () => (desktop ??= reg([HKCU_DESKTOP]));
  const out: OsStateFields = {};
  const jobs: Promise<void>[] = [];

  if (asked.has('sMode')) {
    jobs.push(
      (async () => {
        const via = 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\CI\\Policy /v SkuPolicyRequired';
        const r = await reg(['HKLM\\SYSTEM\\CurrentControlSet\\Control\\CI\\Policy', '/v', 'SkuPolicyRequired']);
        out.sMode = r.ok
          ? { value: regNumber(parseRegValues(r.stdout).get('skupolicyrequired')) === 1, via }
          : absent(r)
            ? { value: false, via, details: ['SkuPolicyRequired is not set'] }
            : { value: null, via, reason: reason(r) };
      })(),
    );
  }

  if (asked.has('restartPending')) {
    jobs.push(
      (async () => {
        const keys = [
          'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
          'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
        ];
        const session = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
        // /ve prints only the default value (translated name, "(value not set)"): small output; the exit status says whether the key exists
        const [cbs, wu, rename] = await Promise.all([reg([keys[0]!, '/ve']), reg([keys[1]!, '/ve']), reg([session, '/v', 'PendingFileRenameOperations'])]);
        const via =
          'reg query …\\Component Based Servicing\\RebootPending, …\\WindowsUpdate\\Auto Update\\RebootRequired, …\\Session Manager /v PendingFileRenameOperations';
        const broken = [cbs, wu, rename].find((r) => !r.ok && !absent(r));
        if (broken) {
          out.restartPending = { value: null, via, reason: reason(broken) };
          return;
        }
        const details: string[] = [];
        if (cbs.ok) details.push('Component Based Servicing\\RebootPending');
        if (wu.ok) details.push('WindowsUpdate\\Auto Update\\RebootRequired');
        if (rename.ok && (parseRegValues(rename.stdout).get('pendingfilerenameoperations')?.data ?? '') !== '')
          details.push('Session Manager\\PendingFileRenameOperations');
        out.restartPending = { value: details.length > 0, via, details };
      })(),
    );
  }

  if (asked.has('doNotDisturb')) {
    jobs.push(
      (async () => {
        const via = 'reg query HKCU\\…\\Notifications\\Settings /v NOC_GLOBAL_SETTING_TOASTS_ENABLED, HKCU\\…\\PushNotifications /v ToastEnabled';
        const [global, toast] = await Promise.all([
          reg(['HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings', '/v', 'NOC_GLOBAL_SETTING_TOASTS_ENABLED']),
          reg(['HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\PushNotifications', '/v', 'ToastEnabled']),
        ]);
        const broken = [global, toast].find((r) => !r.ok && !absent(r));
        if (broken) {
          out.doNotDisturb = { value: null, via, reason: reason(broken) };
          return;
        }
        const dnd = global.ok && regNumber(parseRegValues(global.stdout).get('noc_global_setting_toasts_enabled')) === 0;
        const toastsOff = toast.ok && regNumber(parseRegValues(toast.stdout).get('toastenabled')) === 0;
        const build = windowsBuild(deps.host.release());
        if (dnd || toastsOff) out.doNotDisturb = { value: true, via, details: [dnd ? 'Do not disturb is on' : 'notifications are turned off'] };
        else if (build !== null && build >= 22000) out.doNotDisturb = { value: false, via };
        else out.doNotDisturb = { value: null, via, reason: OS_STATE_REASONS.focusAssist };
      })(),
    );
  }

  if (asked.has('idleTimeouts')) {
    jobs.push(
      (async () => {
        const [sleep, video, desk, policies] = await Promise.all([
          deps.exec('powercfg', ['/q', 'SCHEME_CURRENT', 'SUB_SLEEP', 'STANDBYIDLE'], { timeoutMs: REG_TIMEOUT_MS }),
          deps.exec('powercfg', ['/q', 'SCHEME_CURRENT', 'SUB_VIDEO', 'VIDEOIDLE'], { timeoutMs: REG_TIMEOUT_MS }),
          desktopKey(),
          Promise.all(LOCK_POLICY_KEYS.map((k) => reg([k]))),
        ]);
        const timeout = (r: ExecResult, guid: string, via: string): Observed<number> => {
          if (!r.ok) return { value: null, via, reason: reason(r) };
          const v = parsePowercfgSetting(r.stdout, guid);
          if (!v) return { value: null, via, reason: "the setting was not in powercfg's answer" };
          return { value: Math.round(shorterTimeout(v.ac, v.dc) / 60), via, details: [`AC ${Math.round(v.ac / 60)} min`, `DC ${Math.round(v.dc / 60)} min`] };
        };
        out.sleepAfterMin = timeout(sleep, STANDBYIDLE, 'powercfg /q SCHEME_CURRENT SUB_SLEEP STANDBYIDLE');
        out.displayOffAfterMin = timeout(video, VIDEOIDLE, 'powercfg /q SCHEME_CURRENT SUB_VIDEO VIDEOIDLE');
        out.lockAfterMin = lockAfter(desk, policies);
      })(),
    );
  }

  if (asked.has('powerSaver') || asked.has('activation')) {
    jobs.push(
      (async () => {
        const via = 'powershell: PowerManager.EnergySaverStatus, SoftwareLicensingProduct.LicenseStatus';
        const r = await deps.exec(
          'powershell',
          [
            '-NoProfile',
            '-NonInteractive',
            '-ExecutionPolicy',
            'Bypass',
            '-Command',
            powershellScript({ saver: asked.has('powerSaver'), license: asked.has('activation') }),
          ],
          { timeoutMs: POWERSHELL_TIMEOUT_MS },
        );
        const answer = r.ok ? parsePowershellAnswer(r.stdout) : null;
        const why = r.ok ? 'PowerShell did not answer with JSON' : reason(r);
        if (asked.has('powerSaver')) {
          // EnergySaverStatus: 0 disabled (on AC power), 1 off, 2 on
          out.powerSaver =
            answer?.saver !== undefined
              ? { value: answer.saver === 2, via }
              : { value: null, via, reason: answer ? 'this Windows does not report battery saver' : why };
        }
        if (asked.has('activation')) {
          // LicenseStatus 1 = licensed; 0 unlicensed, 2–6 grace periods and notification mode
          out.activated = answer?.license?.length
            ? { value: answer.license.includes(1), via, details: answer.license.map((s) => `LicenseStatus ${s}`) }
            : { value: null, via, reason: answer ? 'no Windows licence with a product key was listed' : why };
        }
      })(),
    );
  }

  if (asked.has('testSigning')) {
    jobs.push(
      (async () => {
        // the options Windows booted with; readable without admin rights (bcdedit needs them)
        const via = 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control /v SystemStartOptions';
        const r = await reg(['HKLM\\SYSTEM\\CurrentControlSet\\Control', '/v', 'SystemStartOptions']);
        const opts = r.ok ? (parseRegValues(r.stdout).get('systemstartoptions')?.data ?? null) : null;
        out.testSigning =
          opts !== null
            ? { value: /\bTESTSIGNING\b/i.test(opts), via, details: [opts.slice(0, 200)] }
            : { value: null, via, reason: r.ok ? 'SystemStartOptions is not set' : reason(r) };
      })(),
    );
  }

  if (asked.has('remoteSession')) out.remoteSession = windowsRemoteSession(deps.env);

  if (asked.has('displayScaling')) {
    jobs.push(
      (async () => {
        const via = `reg query ${HKCU_DESKTOP} (LogPixels)`;
        const r = await desktopKey();
        const dpi = r.ok ? regNumber(parseRegValues(r.stdout).get('logpixels')) : null;
        // only set when the learner chose a custom scale; per-monitor scaling is not stored here
        out.scalePercent = dpi
          ? { value: Math.round((dpi / 96) * 100), via }
          : { value: null, via, reason: r.ok ? 'LogPixels is not set (each monitor keeps its own scale)' : reason(r) };
      })(),
    );
  }

  if (asked.has('touchScreen')) out.touchScreen = { value: null, via: 'window', reason: OS_STATE_REASONS.windowTouch };

  await Promise.all(jobs);
  return out;
}
