// Remote desktops on macOS and Linux. Neither marks a session as remote the way Windows' SESSIONNAME
// does, so the witnesses are the programs that serve one: when one of these runs, someone elsewhere
// can watch or control this screen (proctoring software refuses that), and a shell reached over
// SSH means the learner is not at this computer at all. Process names are compared lower-cased,
// as collectProcesses lists them (Linux: /proc/<pid>/comm, completed past 15 characters).
import { OS_STATE_REASONS, type Observed } from '../../shared/facts';

/** executable name → what a learner would call it */
export const REMOTE_DESKTOP_PROGRAMS: Readonly<Record<string, string>> = {
  // macOS Screen Sharing and Apple Remote Desktop (Remote Management)
  screensharingd: 'macOS Screen Sharing',
  applevncserver: 'macOS Screen Sharing (VNC)',
  ardagent: 'Apple Remote Desktop',
  // VNC servers
  vncserver: 'VNC server',
  xvnc: 'VNC server (Xvnc)',
  x11vnc: 'VNC server (x11vnc)',
  xtigervnc: 'TigerVNC',
  xtightvnc: 'TightVNC',
  'vncserver-x11': 'RealVNC Server',
  'vncserver-x11-core': 'RealVNC Server',
  'vncserver-virtuald': 'RealVNC Server',
  'vino-server': 'GNOME screen sharing (Vino)',
  'gnome-remote-desktop-daemon': 'GNOME Remote Desktop',
  krfb: 'KDE Desktop Sharing (krfb)',
  wayvnc: 'VNC server (wayvnc)',
  // RDP servers
  xrdp: 'xrdp',
  'xrdp-sesman': 'xrdp',
  // NoMachine
  nxserver: 'NoMachine',
  'nxserver.bin': 'NoMachine',
  nxnode: 'NoMachine',
  'nxnode.bin': 'NoMachine',
  nxd: 'NoMachine',
  // Chrome Remote Desktop host (Linux; macOS runs remoting_me2me_host inside ChromeRemoteDesktopHost.app)
  'chrome-remote-desktop-host': 'Chrome Remote Desktop',
  remoting_me2me_host: 'Chrome Remote Desktop',
  chromeremotedesktophost: 'Chrome Remote Desktop',
};

/**
 * The remote-session state from the running programs (null: they could not be listed) and the
 * environment. Found: true, naming each program; none: false, saying what was looked for.
 */
export function unixRemoteSession(platform: 'darwin' | 'linux', names: readonly string[] | null, env: NodeJS.ProcessEnv): Observed<boolean> {
  const via = 'running programs, SSH_CONNECTION';
  if (env.SSH_CONNECTION || env.SSH_CLIENT)
    return { value: true, via: 'SSH_CONNECTION', details: ['this app was started from an SSH session: the learner is not at this computer'] };
  if (names === null) return { value: null, via, reason: platform === 'darwin' ? OS_STATE_REASONS.macRemote : OS_STATE_REASONS.linuxRemote };
  // own keys only: a program called "constructor" is not a remote desktop
  const known = (n: string) => (Object.hasOwn(REMOTE_DESKTOP_PROGRAMS, n) ? REMOTE_DESKTOP_PROGRAMS[n] : undefined);
  const found = [...new Set(names.map((n) => known(n.toLowerCase())).filter((x): x is string => x !== undefined))];
  return found.length
    ? { value: true, via, details: found.map((f) => `${f} is running`) }
    : { value: false, via, details: ['no Screen Sharing, VNC, xrdp, NoMachine or Chrome Remote Desktop server is running'] };
}
