// macOS states: Low Power Mode and sleep from `pmset -g` (one call, readable by any user), the
// screen saver delay from `defaults`, Focus from its assertion store where macOS lets an app read it
// (from macOS 13 that folder needs Full Disk Access: then unknown, with the System Settings path in
// the fix). The Screen Recording permission lives in the TCC database, readable only with Full Disk
// Access, so it is reported unknown with the reason rather than guessed.
import { OS_STATE_REASONS, type OsStateId } from '../../shared/facts';
import type { InspectDeps } from './deps';
import type { OsStateFields } from './os-state-windows';
import { processNames } from './processes';
import { unixRemoteSession } from './remote-desktops';

const TIMEOUT_MS = 2000;

/**
 * `pmset -g` lines: " name   value (comment)" -> name -> value (the first word). Names are kept
 * as written: "Sleep On Power Button 1" must not be read as the setting "sleep".
 */
export function parsePmset(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+([a-z]\w*)\s+(\S+)/.exec(line);
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** `pmset -g`'s "SleepDisabled" line: true (1), false (0), null (absent: never set). */
export function sleepDisabled(text: string): boolean | null {
  const m = /^[ \t]*SleepDisabled[ \t]+([01])[ \t]*$/m.exec(text);
  return m ? m[1] === '1' : null;
}

/** Focus (macOS 12+): an active Focus is an assertion record in the store. */
export function focusActive(assertionsJson: string): boolean | null {
  try {
    const v = JSON.parse(assertionsJson) as { data?: Array<{ storeAssertionRecords?: unknown[] }> };
    if (!Array.isArray(v.data)) return null;
    return v.data.some((d) => Array.isArray(d.storeAssertionRecords) && d.storeAssertionRecords.length > 0);
  } catch {
    return null;
  }
}

/** Darwin 21 is macOS 12 (Monterey), the first with Focus. */
const darwinMajor = (release: string) => Number(/^(\d+)/.exec(release)?.[1] ?? 0);

export async function macStates(asked: ReadonlySet<OsStateId>, deps: InspectDeps): Promise<OsStateFields> {
  const out: OsStateFields = {};
  const jobs: Promise<void>[] = [];
  let pmset: ReturnType<InspectDeps['exec']> | null = null;
  const pm = () => (pmset ??= deps.exec('pmset', ['-g'], { timeoutMs: TIMEOUT_MS }));

  if (asked.has('powerSaver') || asked.has('idleTimeouts')) {
    jobs.push(
      (async () => {
        const r = await pm();
        const via = 'pmset -g';
        const why = r.detail ?? 'pmset did not answer';
        const v = r.ok ? parsePmset(r.stdout) : null;
        const minutes = (name: string) => {
          const n = v?.get(name);
          return n !== undefined && /^\d+$/.test(n) ? { value: Number(n), via } : { value: null, via, reason: v ? `pmset has no "${name}" setting` : why };
        };
        if (asked.has('powerSaver')) {
          const low = v?.get('lowpowermode') ?? v?.get('powermode');
          // macOS before 12 (and desktops before 13) have no Low Power Mode: it cannot be on
          out.powerSaver = !v
            ? { value: null, via, reason: why }
            : { value: low === '1', via, details: low === undefined ? ['no Low Power Mode on this Mac'] : [`lowpowermode ${low}`] };
        }
        if (asked.has('idleTimeouts')) {
          // "SleepDisabled 1" (pmset disablesleep 1, Amphetamine and the like) switches system sleep off
          // whatever "sleep" says; it is listed under "System-wide power settings", tab-separated
          const disabled = r.ok ? sleepDisabled(r.stdout) : null;
          out.sleepAfterMin = disabled ? { value: 0, via, details: ['SleepDisabled 1: system sleep is switched off'] } : minutes('sleep');
          out.displayOffAfterMin = minutes('displaysleep');
        }
      })(),
    );
  }

  if (asked.has('idleTimeouts')) {
    jobs.push(
      (async () => {
        const via = 'defaults -currentHost read com.apple.screensaver idleTime';
        const r = await deps.exec('defaults', ['-currentHost', 'read', 'com.apple.screensaver', 'idleTime'], { timeoutMs: TIMEOUT_MS });
        const secs = r.ok && /^\d+$/.test(r.stdout.trim()) ? Number(r.stdout.trim()) : null;
        out.lockAfterMin =
          secs !== null
            ? { value: Math.round(secs / 60), via }
            : { value: null, via, reason: r.failure === 'exit' ? 'not set: macOS uses its default' : (r.detail ?? 'no answer') };
      })(),
    );
  }

  if (asked.has('doNotDisturb')) {
    jobs.push(
      (async () => {
        if (darwinMajor(deps.host.release()) >= 21) {
          const file = `${deps.homedir}/Library/DoNotDisturb/DB/Assertions.json`;
          const via = '~/Library/DoNotDisturb/DB/Assertions.json';
          try {
            const active = focusActive(await deps.readFile(file));
            out.doNotDisturb = active === null ? { value: null, via, reason: 'the Focus store has an unknown format' } : { value: active, via };
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            out.doNotDisturb = {
              value: null,
              via,
              reason: code === 'EPERM' || code === 'EACCES' ? OS_STATE_REASONS.fullDiskAccess : `not readable (${code ?? 'error'})`,
            };
          }
          return;
        }
        const via = 'defaults -currentHost read com.apple.notificationcenterui doNotDisturb';
        const r = await deps.exec('defaults', ['-currentHost', 'read', 'com.apple.notificationcenterui', 'doNotDisturb'], { timeoutMs: TIMEOUT_MS });
        out.doNotDisturb = r.ok
          ? { value: r.stdout.trim() === '1', via }
          : r.failure === 'exit'
            ? { value: false, via, details: ['doNotDisturb is not set'] }
            : { value: null, via, reason: r.detail ?? 'no answer' };
      })(),
    );
  }

  if (asked.has('screenRecording')) {
    out.screenRecording = { value: null, via: 'TCC.db', reason: OS_STATE_REASONS.tcc };
  }
  if (asked.has('remoteSession'))
    jobs.push(
      processNames(deps).then(
        (names) => void (out.remoteSession = unixRemoteSession('darwin', names, deps.env)),
        () => void (out.remoteSession = unixRemoteSession('darwin', null, deps.env)),
      ),
    );
  if (asked.has('touchScreen')) out.touchScreen = { value: null, via: 'window', reason: OS_STATE_REASONS.windowTouch };
  if (asked.has('displayScaling')) out.scalePercent = { value: null, via: 'window', reason: OS_STATE_REASONS.windowScale };

  await Promise.all(jobs);
  return out;
}
