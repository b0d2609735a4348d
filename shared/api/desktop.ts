// Desktop part of the renderer <-> main contract: what support staff and admins expect of a desktop
// tool — copy the check id, the log and crash-dump folders, the opt-in update check. The renderer
// has no clipboard or shell permission; main does these on its behalf, with bounded arguments.
import { z } from 'zod';
import type { OpenedReportFile } from './report';

/** The clipboard takes a check id and a one-line summary, never a file's worth of text. */
export const MAX_CLIPBOARD_CHARS = 2000;
export const CopyTextSchema = z.string().min(1).max(MAX_CLIPBOARD_CHARS);

export type UpdateStatus =
  | { state: 'off'; reason: 'not-opted-in' | 'policy' | 'no-feed' | 'unavailable' }
  | { state: 'not-checked' }
  | { state: 'checking' }
  | { state: 'current'; version: string; checkedAt: string }
  | { state: 'available'; version: string; current: string; checkedAt: string }
  | { state: 'failed'; detail: string; checkedAt: string };

export interface Diagnostics {
  /** the rotating log file of this install (null where logging is off, e.g. the browser harness) */
  logFile: string | null;
  /** where Electron keeps crash dumps (never uploaded) */
  crashDumps: string | null;
  /** what the OS folder opener can do here (false in the browser harness) */
  canOpenFolders: boolean;
  updates: UpdateStatus;
  /** the learner's choice to look for updates (off by default; a policy can forbid it) */
  updateChecksOptIn: boolean;
  /** the admin's policy forbids update checks, or sets where they look */
  updatePolicy: { allowed: boolean; feedUrl: string | null };
}

export interface DesktopApi {
  /** writes text to the OS clipboard (main process); false when there is no clipboard here */
  copyText(text: string): Promise<{ ok: boolean }>;
  getDiagnostics(): Promise<Diagnostics>;
  /** opens the log or crash-dump folder in the OS file manager */
  openFolder(which: 'logs' | 'crashDumps'): Promise<{ ok: boolean }>;
  /** the learner turns update checks on or off (saved); returns the new diagnostics */
  setUpdateChecks(on: boolean): Promise<Diagnostics>;
  /** looks for a newer version now (only when opted in and allowed) */
  checkForUpdates(): Promise<UpdateStatus>;
  /** the last lines of the log, redacted, for a report the learner chooses to attach it to */
  readLogTail(): Promise<string[]>;
  /**
   * The window listens for onReportFileOpened: every report file opened until now (double-click on
   * a .epreport, at start-up or before this window existed), in order, each once; later ones arrive
   * as onReportFileOpened. Call it after the listener is in place.
   */
  takeOpenedReportFiles(): Promise<OpenedReportFile[]>;
}

export const desktopInvoke = {
  copyText: 'preflight:desktop-copy-text',
  getDiagnostics: 'preflight:desktop-diagnostics',
  openFolder: 'preflight:desktop-open-folder',
  setUpdateChecks: 'preflight:desktop-set-update-checks',
  checkForUpdates: 'preflight:desktop-check-updates',
  readLogTail: 'preflight:desktop-log-tail',
  takeOpenedReportFiles: 'preflight:desktop-take-opened-reports',
} as const;

export const desktopEvents = {} as const;
