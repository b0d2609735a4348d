// Reports as a file type: installers register `.epreport` (electron-builder `fileAssociations`), so a
// double-click starts the app with the file's path on its command line (Windows, Linux), hands it
// to the running instance (`second-instance`), or sends macOS's `open-file` event. The file's text
// then goes to the report viewer, which judges it like a dropped file. `.json` stays readable.
import path from 'node:path';
import type { Emit } from '../../shared/api';
import type { OpenedReportFile } from '../../shared/api/report';
import type { Logger } from '../log/logger';

export type { OpenedReportFile } from '../../shared/api/report';

export const REPORT_EXTENSION = 'epreport';
const OPENABLE = new RegExp(`\\.(${REPORT_EXTENSION}|json)$`, 'i');
/** the viewer's own limit; a bigger file is refused before it is read */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The report file a double-click passed: the last argument naming a .epreport or .json file.
 * Switches (`--…`) and, when not packaged, Electron's app path are skipped.
 */
export function reportFileFromArgv(argv: readonly string[], isPackaged: boolean): string | null {
  const args = argv.slice(isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  return [...args].reverse().find((a) => OPENABLE.test(a)) ?? null;
}

// `scheme:` of two letters or more (a Windows drive letter "C:" is one): file://, https:, javascript:, data:…
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;
// \\?\UNC\host\share and \\.\UNC\… (Win32 namespace forms of a share), either slash
const NAMESPACE_UNC = /^[\\/]{2}[?.][\\/]UNC[\\/]/i;
// \\?\… and \\.\… : device and long-path namespaces, which no double-click produces
const NAMESPACE = /^[\\/]{2}[?.][\\/]/;
// \\host\share\x, //host/share/x
const UNC = /^[\\/]{2}/;

export type ReportFileRefusal = 'url' | 'unc' | 'not-a-path';

/**
 * Why a command-line or open-file string is not opened, or null. A UNC path is refused unless the
 * admin allows it: on Windows merely looking it up contacts the host and can send the learner's
 * NTLM credentials to it. URLs (file:, https:, javascript:, data: …) are never report files.
 * Give it the resolved path: a relative name inside a share is a share too.
 */
export function reportFileRefusal(file: string, opts: { allowUnc: boolean }): ReportFileRefusal | null {
  if (file.length === 0 || file.length > 4096 || file.includes('\0')) return 'not-a-path';
  if (URL_LIKE.test(file)) return 'url';
  if (NAMESPACE_UNC.test(file)) return opts.allowUnc ? null : 'unc';
  if (NAMESPACE.test(file)) return 'not-a-path';
  if (UNC.test(file)) return opts.allowUnc ? null : 'unc';
  return null;
}

/**
 * The path a second instance was asked to open, made absolute against THAT instance's working
 * folder (Electron passes it to 'second-instance'), not this one's. Windows-style paths are resolved
 * with Windows rules wherever this runs, so the decision does not depend on the test machine.
 */
export function resolveOpenedPath(file: string, cwd: string, platform: NodeJS.Platform = process.platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  return p.resolve(cwd, file);
}

export interface ReportFileDeps {
  /** is it a regular file (not a folder, pipe or device, which are never read) */
  isFile: (file: string) => Promise<boolean>;
  /** the file's text, at most `maxBytes` of it */
  readHead: (file: string, maxBytes: number) => Promise<string>;
  emit: Emit;
  /** the admin's policy allows report files on network shares (UNC paths); awaited, so a file
   *  opened before the policy is read waits for it; absent: refused */
  allowUnc?: () => Promise<boolean>;
  log?: Logger;
}

/**
 * Every opened file is held until the window says it listens (`take`, called by the renderer once
 * its event listener is in place), then each goes to the window exactly once: the held ones as
 * take's answer, later ones as events, in the order they were opened. A file still being read when
 * the window asks is waited for, so nothing depends on which finishes first. When the window goes
 * away (`windowGone`), files are held again for the next one.
 */
export function createReportFileInbox(deps: ReportFileDeps) {
  let held: Promise<OpenedReportFile>[] = [];
  let listening = false;
  // events go out one after another, after whatever take() handed over
  let sent: Promise<unknown> = Promise.resolve();
  const read = async (file: string): Promise<OpenedReportFile> => {
    const refusal = reportFileRefusal(file, { allowUnc: (await deps.allowUnc?.().catch(() => false)) ?? false });
    // path.basename of a URL or share is only its last segment; nothing is looked up
    const fileName = path.basename(file.replace(/\\/g, '/')).slice(0, 255);
    // nothing read: the viewer says why (not "empty"), the log keeps the reason for support
    if (refusal) {
      deps.log?.log('warn', 'report-file-refused', { reason: refusal });
      return { text: '', fileName, refused: refusal };
    }
    try {
      if (!(await deps.isFile(file))) return { text: '', fileName, refused: 'not-a-file' };
      // one byte over the limit is enough for the viewer to say "too large" without reading it all
      return { text: await deps.readHead(file, MAX_REPORT_FILE_BYTES + 1), fileName };
    } catch (err) {
      deps.log?.log('warn', 'report-file-unreadable', { file, error: err instanceof Error ? err.message : String(err) });
      return { text: '', fileName, refused: 'unreadable' };
    }
  };
  return {
    /** resolves once the file is held or sent */
    open(file: string): Promise<void> {
      const reading = read(file).then((f) => {
        deps.log?.log('info', 'report-file-opened', { file: f.fileName, chars: f.text.length });
        return f;
      });
      if (!listening) {
        held.push(reading);
        return reading.then(() => undefined);
      }
      sent = sent.then(() => reading).then((f) => deps.emit('onReportFileOpened', f));
      return sent.then(() => undefined);
    },
    /** the window listens: every file held so far, in order (waiting for any still being read) */
    take(): Promise<OpenedReportFile[]> {
      listening = true;
      const mine = held;
      held = [];
      const all = Promise.all(mine);
      sent = sent.then(() => all);
      return all;
    },
    /** the window closed: hold files again until a new one asks */
    windowGone(): void {
      listening = false;
    },
  };
}
