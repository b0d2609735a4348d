// What main.ts hands the desktop handlers: Electron's clipboard and folder opener, the log file in
// the OS's log folder, crash dumps kept locally, and the update check (electron-updater, loaded
// only when a check runs). Kept out of main.ts so it is unit-tested with a mocked electron.
import os from 'node:os';
import path from 'node:path';
import type { App, Clipboard, CrashReporter, Shell } from 'electron';
import type { EffectivePolicy } from '../../shared/policy/schema';
import type { DesktopOptions, UpdateCheck } from '../handlers/desktop';
import { createFileLogger, type Logger } from '../log/logger';

/**
 * Crash dumps are written by Electron's crashpad into app.getPath('crashDumps') and stay there:
 * `uploadToServer: false` means nothing is ever sent. The About screen names the folder so a
 * learner can send a dump to support when asked.
 */
export function startLocalCrashReporter(crashReporter: Pick<CrashReporter, 'start'>, app: Pick<App, 'getPath'>): string {
  crashReporter.start({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: false });
  return app.getPath('crashDumps');
}

/** The install's log: <OS log folder>/main.log (Windows %APPDATA%\Exam Preflight\logs, macOS ~/Library/Logs/Exam Preflight). */
export function openAppLog(app: Pick<App, 'getPath'>): Promise<Logger> {
  let username = '';
  try {
    username = os.userInfo().username;
  } catch {
    /* no passwd entry: nothing to redact by name */
  }
  // the home folder's name is often the person's full name on Windows (C:\Users\Maria Silva)
  const homeName = path.basename(os.homedir());
  return createFileLogger(path.join(app.getPath('logs'), 'main.log'), {
    username,
    hostname: os.hostname(),
    names: homeName && homeName !== 'root' ? [homeName] : [],
  });
}

/** The subset of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: { version: string } } | null>;
}

/**
 * Looks at a generic feed (latest.yml …) without downloading or installing anything: the learner
 * is told a newer version exists and installs it their usual way (or IT does).
 */
export function updateCheckWith(load: () => Promise<UpdaterLike>): UpdateCheck {
  return async (feedUrl) => {
    const updater = await load();
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.setFeedURL({ provider: 'generic', url: feedUrl });
    const r = await updater.checkForUpdates();
    // electron-updater skips the check in an app that is not installed (development runs)
    if (!r) throw new Error('update checks run only in an installed app');
    return { version: r.updateInfo.version, newer: r.isUpdateAvailable ?? false };
  };
}

export function desktopOptions(deps: {
  clipboard: Pick<Clipboard, 'writeText'>;
  shell: Pick<Shell, 'openPath'>;
  log: Logger;
  crashDumps: string;
  policy: Pick<EffectivePolicy, 'updateChecks' | 'updateFeedUrl'>;
  loadUpdater: () => Promise<UpdaterLike>;
}): DesktopOptions {
  return {
    clipboard: deps.clipboard,
    openPath: (folder) => deps.shell.openPath(folder),
    log: deps.log,
    crashDumps: deps.crashDumps,
    checkUpdate: updateCheckWith(deps.loadUpdater),
    updatePolicy: { allowed: deps.policy.updateChecks, feedUrl: deps.policy.updateFeedUrl },
  };
}
