// What main.ts hands the desktop handlers: Electron's clipboard and folder opener, the log file in
// the OS's log folder, crash dumps kept locally, and the update check (update-feed.ts). Kept out
// of main.ts so it is unit-tested with a mocked electron.
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

export function desktopOptions(deps: {
  clipboard: Pick<Clipboard, 'writeText'>;
  shell: Pick<Shell, 'openPath'>;
  log: Logger;
  crashDumps: string;
  policy: Pick<EffectivePolicy, 'updateChecks' | 'updateFeedUrl'>;
  /** the update check (electron/main/update-feed.ts: https at every hop, size cap, one deadline) */
  checkUpdate: UpdateCheck;
}): DesktopOptions {
  return {
    clipboard: deps.clipboard,
    openPath: (folder) => deps.shell.openPath(folder),
    log: deps.log,
    crashDumps: deps.crashDumps,
    checkUpdate: deps.checkUpdate,
    updatePolicy: { allowed: deps.policy.updateChecks, feedUrl: deps.policy.updateFeedUrl },
  };
}
