// Linux states: the session type (proctoring tools' screen capture often fails under Wayland), the
// screen blanking / lock / sleep timeouts (GNOME's gsettings when a GNOME-family desktop runs, else
// X11's `xset q`), a pending restart (Debian and Ubuntu mark it in /var/run/reboot-required), the
// kernel's low-power platform profile and GNOME's "show banners". Without a graphical session
// (a server, a container, CI) there is nothing to read: unknown with that reason, never a pass.
import { OS_STATE_REASONS, type OsStateId, type Observed } from '../../shared/facts';
import type { InspectDeps } from './deps';
import type { ExecResult } from './exec';
import type { OsStateFields } from './os-state-windows';
import { processNames } from './processes';
import { unixRemoteSession } from './remote-desktops';

const TIMEOUT_MS = 2000;
const NO_SESSION = OS_STATE_REASONS.noSession;

/** `gsettings get` answers: "uint32 300", "int32 1200", "true", "'suspend'". */
export function parseGsetting(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  const num = /^(?:u?int(?:32|64)\s+)?(-?\d+)$/.exec(t);
  if (num) return Number(num[1]);
  const str = /^'(.*)'$/.exec(t);
  return str ? str[1]! : null;
}

export interface XsetTimeouts {
  screenSaverSec: number | null;
  dpmsEnabled: boolean | null;
  standby: number | null;
  suspend: number | null;
  off: number | null;
}

/** `xset q`: the Screen Saver block's "timeout:" and the DPMS block's Standby/Suspend/Off and "DPMS is Enabled". */
export function parseXset(text: string): XsetTimeouts {
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  return {
    screenSaverSec: num(/timeout:\s*(\d+)/),
    dpmsEnabled: /DPMS is Enabled/i.test(text) ? true : /DPMS is Disabled/i.test(text) ? false : null,
    standby: num(/Standby:\s*(\d+)/),
    suspend: num(/Suspend:\s*(\d+)/),
    off: num(/Off:\s*(\d+)/),
  };
}

const firstOn = (...secs: Array<number | null>) => secs.filter((s): s is number => s !== null && s > 0).sort((a, b) => a - b)[0] ?? 0;
const minutes = (secs: number) => Math.round(secs / 60);

/** GNOME and the desktops built on its settings keep these keys; others (KDE, Xfce) do not. */
const gnomeFamily = (env: NodeJS.ProcessEnv) =>
  /gnome|unity|ubuntu|budgie|pantheon|cinnamon|pop/i.test(env.XDG_CURRENT_DESKTOP ?? '') && !!env.DBUS_SESSION_BUS_ADDRESS;

/** Wayland compositors and X servers, by process name: what a session started from a text console runs. */
const WAYLAND_COMPOSITORS = new Set([
  'sway',
  'hyprland',
  'weston',
  'kwin_wayland',
  'river',
  'niri',
  'labwc',
  'wayfire',
  'cage',
  'mutter',
  'gamescope',
  'cosmic-comp',
]);
const X_SERVERS = new Set(['xorg', 'x', 'xorg.bin', 'xfree86']);

/**
 * The session type: XDG_SESSION_TYPE, else logind's. Both say "tty" for X started with `startx` or
 * a Wayland compositor started from a text console (logind records the login, not what it ran), so
 * "tty" is checked against the display variables this app was started with, then against the
 * compositors and X servers running.
 */
export async function linuxSessionType(deps: InspectDeps): Promise<Observed<'x11' | 'wayland' | 'tty' | 'other'>> {
  const env = deps.env;
  const known = (t: string) => (t === 'x11' || t === 'wayland' || t === 'tty' ? t : 'other');
  let type = (env.XDG_SESSION_TYPE ?? '').toLowerCase();
  let via = 'XDG_SESSION_TYPE';
  if (!type) {
    const id = env.XDG_SESSION_ID ?? '';
    // the id goes into an argument list (never a shell); still, only a plain session id is passed
    if (/^[\w-]{1,64}$/.test(id)) {
      const r = await deps.exec('loginctl', ['show-session', id, '-p', 'Type'], { timeoutMs: TIMEOUT_MS });
      const t = r.ok ? /^Type=(\S+)/m.exec(r.stdout)?.[1]?.toLowerCase() : undefined;
      if (t) {
        type = t;
        via = 'loginctl show-session -p Type';
      }
    }
  }
  if (type && type !== 'tty') return { value: known(type), via };
  const said = type ? [`${via} says tty: started from a text console`] : [];
  if (env.WAYLAND_DISPLAY) return { value: 'wayland', via: 'WAYLAND_DISPLAY', details: said };
  if (env.DISPLAY) return { value: 'x11', via: 'DISPLAY', details: said };
  if (type) {
    const names = await processNames(deps).catch(() => [] as string[]);
    const compositor = names.find((n) => WAYLAND_COMPOSITORS.has(n));
    if (compositor) return { value: 'wayland', via: 'running programs', details: [...said, `${compositor} is running`] };
    const x = names.find((n) => X_SERVERS.has(n));
    if (x) return { value: 'x11', via: 'running programs', details: [...said, `${x} is running`] };
    return { value: 'tty', via };
  }
  return { value: null, via: 'XDG_SESSION_TYPE, loginctl', reason: NO_SESSION };
}

export async function linuxStates(asked: ReadonlySet<OsStateId>, deps: InspectDeps): Promise<OsStateFields> {
  const out: OsStateFields = {};
  const env = deps.env;
  const graphical = !!(env.WAYLAND_DISPLAY || env.DISPLAY || /^(x11|wayland|mir)$/.test(env.XDG_SESSION_TYPE ?? ''));
  const gs = (schema: string, key: string) => deps.exec('gsettings', ['get', schema, key], { timeoutMs: TIMEOUT_MS });
  const gsValue = (r: ExecResult) => (r.ok ? parseGsetting(r.stdout) : null);
  const jobs: Promise<void>[] = [];

  if (asked.has('sessionType')) {
    jobs.push(
      (async () => {
        out.sessionType = await linuxSessionType(deps);
      })(),
    );
  }

  if (asked.has('idleTimeouts')) {
    jobs.push(
      (async () => {
        if (!graphical) {
          const none = (via: string): Observed<number> => ({ value: null, via, reason: NO_SESSION });
          out.sleepAfterMin = none('gsettings');
          out.displayOffAfterMin = none('xset q');
          out.lockAfterMin = none('gsettings');
          return;
        }
        if (gnomeFamily(env)) {
          const [idle, lock, acTimeout, acType, batTimeout, batType] = await Promise.all([
            gs('org.gnome.desktop.session', 'idle-delay'),
            gs('org.gnome.desktop.screensaver', 'lock-enabled'),
            gs('org.gnome.settings-daemon.plugins.power', 'sleep-inactive-ac-timeout'),
            gs('org.gnome.settings-daemon.plugins.power', 'sleep-inactive-ac-type'),
            gs('org.gnome.settings-daemon.plugins.power', 'sleep-inactive-battery-timeout'),
            gs('org.gnome.settings-daemon.plugins.power', 'sleep-inactive-battery-type'),
          ]);
          const idleSec = gsValue(idle);
          const via = 'gsettings get org.gnome.desktop.session idle-delay';
          out.displayOffAfterMin = typeof idleSec === 'number' ? { value: minutes(idleSec), via } : { value: null, via, reason: idle.detail ?? 'no answer' };
          const lockOn = gsValue(lock);
          const lockVia = 'gsettings get org.gnome.desktop.screensaver lock-enabled';
          out.lockAfterMin =
            typeof lockOn !== 'boolean' || typeof idleSec !== 'number'
              ? { value: null, via: lockVia, reason: lock.detail ?? 'no answer' }
              : { value: lockOn ? minutes(idleSec) : 0, via: lockVia };
          const sleepVia = 'gsettings get org.gnome.settings-daemon.plugins.power sleep-inactive-{ac,battery}-{timeout,type}';
          const side = (t: ExecResult, k: ExecResult) => {
            const secs = gsValue(t);
            const type = gsValue(k);
            return typeof secs === 'number' ? (type === 'nothing' ? 0 : secs) : null;
          };
          const ac = side(acTimeout, acType);
          const bat = side(batTimeout, batType);
          out.sleepAfterMin =
            ac === null && bat === null
              ? { value: null, via: sleepVia, reason: acTimeout.detail ?? 'no answer' }
              : {
                  value: minutes(firstOn(ac, bat)),
                  via: sleepVia,
                  details: [`AC ${ac === null ? '?' : minutes(ac)} min`, `battery ${bat === null ? '?' : minutes(bat)} min`],
                };
          return;
        }
        if (env.DISPLAY) {
          const r = await deps.exec('xset', ['q'], { timeoutMs: TIMEOUT_MS });
          const via = 'xset q';
          if (!r.ok) {
            out.displayOffAfterMin = { value: null, via, reason: r.detail ?? 'no answer' };
            out.lockAfterMin = { value: null, via, reason: r.detail ?? 'no answer' };
          } else {
            const x = parseXset(r.stdout);
            out.displayOffAfterMin =
              x.dpmsEnabled === null
                ? { value: null, via, reason: 'xset reported no DPMS block' }
                : {
                    value: x.dpmsEnabled ? minutes(firstOn(x.standby, x.suspend, x.off)) : 0,
                    via,
                    details: [`DPMS ${x.dpmsEnabled ? 'enabled' : 'disabled'}`],
                  };
            out.lockAfterMin =
              x.screenSaverSec === null ? { value: null, via, reason: 'xset reported no screen saver block' } : { value: minutes(x.screenSaverSec), via };
          }
          out.sleepAfterMin = { value: null, via: 'xset q', reason: OS_STATE_REASONS.notGnomeSleep };
          return;
        }
        const reason = OS_STATE_REASONS.otherDesktop;
        out.sleepAfterMin = { value: null, via: 'env', reason };
        out.displayOffAfterMin = { value: null, via: 'env', reason };
        out.lockAfterMin = { value: null, via: 'env', reason };
      })(),
    );
  }

  if (asked.has('restartPending')) {
    jobs.push(
      (async () => {
        const flag = '/var/run/reboot-required';
        if (await deps.exists(flag)) {
          const pkgs = await deps.readFile(`${flag}.pkgs`).catch(() => '');
          out.restartPending = { value: true, via: flag, details: pkgs.split(/\r?\n/).filter(Boolean).slice(0, 10) };
        } else if (await deps.exists('/etc/debian_version')) {
          out.restartPending = { value: false, via: flag };
        } else {
          out.restartPending = { value: null, via: flag, reason: OS_STATE_REASONS.noRebootFlag };
        }
      })(),
    );
  }

  if (asked.has('powerSaver')) {
    jobs.push(
      (async () => {
        const file = '/sys/firmware/acpi/platform_profile';
        const profile = await deps.readFile(file).then(
          (s) => s.trim(),
          () => null,
        );
        out.powerSaver = profile
          ? { value: /^(low-power|quiet|cool)$/.test(profile), via: file, details: [profile.slice(0, 40)] }
          : { value: null, via: file, reason: OS_STATE_REASONS.noPowerProfile };
      })(),
    );
  }

  if (asked.has('doNotDisturb')) {
    jobs.push(
      (async () => {
        const via = 'gsettings get org.gnome.desktop.notifications show-banners';
        if (!graphical) {
          out.doNotDisturb = { value: null, via, reason: NO_SESSION };
          return;
        }
        if (!gnomeFamily(env)) {
          out.doNotDisturb = { value: null, via, reason: OS_STATE_REASONS.otherDesktopNotifications };
          return;
        }
        const r = await gs('org.gnome.desktop.notifications', 'show-banners');
        const v = gsValue(r);
        out.doNotDisturb = typeof v === 'boolean' ? { value: !v, via } : { value: null, via, reason: r.detail ?? 'no answer' };
      })(),
    );
  }

  if (asked.has('remoteSession'))
    jobs.push(
      processNames(deps).then(
        (names) => void (out.remoteSession = unixRemoteSession('linux', names, env)),
        () => void (out.remoteSession = unixRemoteSession('linux', null, env)),
      ),
    );
  if (asked.has('touchScreen')) out.touchScreen = { value: null, via: 'window', reason: OS_STATE_REASONS.windowTouch };
  if (asked.has('displayScaling')) out.scalePercent = { value: null, via: 'window', reason: OS_STATE_REASONS.windowScale };

  await Promise.all(jobs);
  return out;
}
