// Main-process implementation of DesktopApi: the clipboard, the log and crash-dump folders, and the
// opt-in update check. Every OS touch is passed in (Electron's clipboard and shell.openPath in the
// app, fakes in the browser harness and tests), so this file runs in plain Node.
import path from 'node:path';
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import { CopyTextSchema, type Diagnostics, type desktopInvoke, type UpdateStatus } from '../../shared/api/desktop';
import { JsonStore } from '../storage/json-store';
import { nullLogger, readLogTail, type Logger } from '../log/logger';
import type { HandlerContext } from './context';

export type DesktopHandlers = Pick<Handlers, keyof typeof desktopInvoke>;

/** Looks at a feed for a newer version than `current` (electron-updater in the app). */
export type UpdateCheck = (feedUrl: string) => Promise<{ version: string; newer: boolean }>;

export interface DesktopOptions {
  clipboard?: { writeText(text: string): void };
  /** Electron's shell.openPath: resolves to '' on success, else the OS's error text */
  openPath?: (folder: string) => Promise<string>;
  log?: Logger;
  crashDumps?: string | null;
  checkUpdate?: UpdateCheck;
  /** from the admin's policy */
  updatePolicy?: { allowed: boolean; feedUrl: string | null };
  /** report files the app was opened with (electron/main/report-file.ts) */
  reportInbox?: { take(): Promise<{ text: string; fileName: string }[]> };
}

const DesktopPrefsSchema = z.object({ updateChecks: z.boolean() }).strict();
// a learner's clipboard is theirs: no terminal or layout control characters from a report's values

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function createDesktopHandlers(ctx: HandlerContext, opts: DesktopOptions = {}): DesktopHandlers {
  const prefs = new JsonStore(path.join(ctx.dataDir, 'desktop.json'), DesktopPrefsSchema, () => ({ updateChecks: false }));
  const log = opts.log ?? nullLogger;
  const updatePolicy = opts.updatePolicy ?? { allowed: true, feedUrl: null };
  let last: UpdateStatus | null = null;

  const offReason = (optIn: boolean): UpdateStatus | null => {
    if (!updatePolicy.allowed) return { state: 'off', reason: 'policy' };
    if (!opts.checkUpdate) return { state: 'off', reason: 'unavailable' };
    if (!updatePolicy.feedUrl) return { state: 'off', reason: 'no-feed' };
    if (!optIn) return { state: 'off', reason: 'not-opted-in' };
    return null;
  };
  const diagnostics = async (): Promise<Diagnostics> => {
    const optIn = (await prefs.load()).value.updateChecks;
    return {
      logFile: log.file,
      crashDumps: opts.crashDumps ?? null,
      canOpenFolders: Boolean(opts.openPath),
      updates: offReason(optIn) ?? last ?? { state: 'not-checked' },
      updateChecksOptIn: optIn && updatePolicy.allowed,
      updatePolicy,
    };
  };

  return {
    async copyText(text: unknown) {
      const value = CopyTextSchema.parse(text).replace(CONTROL, ' ');
      if (!opts.clipboard) return { ok: false };
      opts.clipboard.writeText(value);
      return { ok: true };
    },
    getDiagnostics: diagnostics,
    async openFolder(which: unknown) {
      const w = z.enum(['logs', 'crashDumps']).parse(which);
      const folder = w === 'logs' ? (log.file ? path.dirname(log.file) : null) : (opts.crashDumps ?? null);
      if (!folder || !opts.openPath) return { ok: false };
      const error = await opts.openPath(folder);
      if (error) log.log('warn', 'open-folder-failed', { which: w, error });
      return { ok: !error };
    },
    async setUpdateChecks(on: unknown) {
      const value = z.boolean().parse(on);
      await prefs.save({ updateChecks: value && updatePolicy.allowed });
      if (!value) last = null;
      return diagnostics();
    },
    async checkForUpdates() {
      const off = offReason((await prefs.load()).value.updateChecks);
      if (off) return off;
      const checkedAt = new Date(ctx.now()).toISOString();
      try {
        const r = await opts.checkUpdate!(updatePolicy.feedUrl!);
        last = r.newer
          ? { state: 'available', version: r.version, current: ctx.appVersion, checkedAt }
          : { state: 'current', version: ctx.appVersion, checkedAt };
        log.log('info', 'update-check', { result: last.state, version: r.version });
      } catch (err) {
        last = { state: 'failed', detail: err instanceof Error ? err.message.slice(0, 300) : 'failed', checkedAt };
        log.log('warn', 'update-check-failed', { detail: last.detail });
      }
      return last;
    },
    async readLogTail() {
      return log.file ? readLogTail(log.file) : [];
    },
    async takeOpenedReportFiles() {
      return (await opts.reportInbox?.take()) ?? [];
    },
  };
}
