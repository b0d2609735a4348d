// Reports as a file type: installers register `.epreport` (electron-builder `fileAssociations`), so a
// double-click starts the app with the file's path on its command line (Windows, Linux), hands it
// to the running instance (`second-instance`), or sends macOS's `open-file` event. The file's text
// then goes to the report viewer, which judges it like a dropped file. `.json` stays readable.
import path from 'node:path';
import type { Emit } from '../../shared/api';
import type { Logger } from '../log/logger';

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

export interface ReportFileDeps {
  /** is it a regular file (not a folder, pipe or device, which are never read) */
  isFile: (file: string) => Promise<boolean>;
  /** the file's text, at most `maxBytes` of it */
  readHead: (file: string, maxBytes: number) => Promise<string>;
  emit: Emit;
  log?: Logger;
}

/**
 * Holds a report file opened before the window could listen (at start-up) until the window asks
 * for it; afterwards files go straight to the window as events.
 */
export function createReportFileInbox(deps: ReportFileDeps) {
  let pending: { text: string; fileName: string } | null = null;
  let windowListening = false;
  const read = async (file: string) => {
    const fileName = path.basename(file);
    try {
      if (!(await deps.isFile(file))) return { text: '', fileName };
      // one byte over the limit is enough for the viewer to say "too large" without reading it all
      return { text: await deps.readHead(file, MAX_REPORT_FILE_BYTES + 1), fileName };
    } catch (err) {
      deps.log?.log('warn', 'report-file-unreadable', { file, error: err instanceof Error ? err.message : String(err) });
      return { text: '', fileName };
    }
  };
  return {
    async open(file: string): Promise<void> {
      const { text, fileName } = await read(file);
      deps.log?.log('info', 'report-file-opened', { file: fileName, chars: text.length });
      if (windowListening) deps.emit('onReportFileOpened', { text, fileName });
      else pending = { text, fileName };
    },
    /** the window asks once it listens: the file opened before, if any */
    take(): { text: string; fileName: string } | null {
      windowListening = true;
      const p = pending;
      pending = null;
      return p;
    },
  };
}
