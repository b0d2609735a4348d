// The desktop handlers in plain Node with fakes for Electron's clipboard, folder opener and updater.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDesktopHandlers, type DesktopOptions } from '../../../electron/handlers/desktop';
import { feedUpdateCheck, type FeedGet } from '../../../electron/main/update-feed';
import { createReportFileInbox, reportFileFromArgv } from '../../../electron/main/report-file';
import { MAX_CLIPBOARD_CHARS } from '../../../shared/api/desktop';

const ctx = () => ({
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'desktop-')),
  appVersion: '1.0.0',
  emit: vi.fn(),
  now: () => Date.parse('2026-11-25T10:00:00Z'),
});
const make = (opts: DesktopOptions = {}) => createDesktopHandlers(ctx(), opts);

describe('copy to the clipboard (main process)', () => {
  it('writes the text, without control characters', async () => {
    const clipboard = { writeText: vi.fn() };
    expect(await make({ clipboard }).copyText('EP-1234-ABCD — Not ready\x1b[2J\u202e')).toEqual({ ok: true });
    expect(clipboard.writeText).toHaveBeenCalledWith('EP-1234-ABCD — Not ready [2J ');
  });
  it('refuses what is not a short string; without a clipboard says so', async () => {
    const h = make({ clipboard: { writeText: vi.fn() } });
    await expect(h.copyText('x'.repeat(MAX_CLIPBOARD_CHARS + 1))).rejects.toThrow();
    await expect(h.copyText({ text: 'x' })).rejects.toThrow();
    await expect(h.copyText('')).rejects.toThrow();
    expect(await make().copyText('EP-1')).toEqual({ ok: false });
  });
});

describe('folders', () => {
  it('opens the log folder (the file’s folder) and the crash-dump folder; unknown names are refused', async () => {
    const openPath = vi.fn(async () => '');
    const h = make({ openPath, crashDumps: '/c/dumps', log: { file: '/l/logs/main.log', log: () => {}, flush: async () => {} } });
    expect(await h.openFolder('logs')).toEqual({ ok: true });
    expect(await h.openFolder('crashDumps')).toEqual({ ok: true });
    expect(openPath.mock.calls).toEqual([['/l/logs'], ['/c/dumps']]);
    await expect(h.openFolder('/etc')).rejects.toThrow();
  });
  it('an OS error is a false, not a crash', async () => {
    expect(await make({ openPath: async () => 'no such folder', crashDumps: '/x' }).openFolder('crashDumps')).toEqual({ ok: false });
  });
});

describe('update checks: opt-in, and off when the policy says so', () => {
  const feed = 'https://updates.example.edu/exam-preflight';
  it('off by default, even with a feed', async () => {
    const check = vi.fn();
    const h = make({ checkUpdate: check, updatePolicy: { allowed: true, feedUrl: feed } });
    expect((await h.getDiagnostics()).updates).toEqual({ state: 'off', reason: 'not-opted-in' });
    expect(await h.checkForUpdates()).toEqual({ state: 'off', reason: 'not-opted-in' });
    expect(check).not.toHaveBeenCalled();
  });
  it('opted in: a newer version is reported with both versions; the choice is saved', async () => {
    const c = ctx();
    const opts = { checkUpdate: vi.fn(async () => ({ version: '1.1.0', newer: true })), updatePolicy: { allowed: true, feedUrl: feed } };
    const h = createDesktopHandlers(c, opts);
    expect((await h.setUpdateChecks(true)).updateChecksOptIn).toBe(true);
    expect(await h.checkForUpdates()).toEqual({ state: 'available', version: '1.1.0', current: '1.0.0', checkedAt: '2026-11-25T10:00:00.000Z' });
    expect(opts.checkUpdate).toHaveBeenCalledWith(feed);
    expect((await createDesktopHandlers(c, opts).getDiagnostics()).updateChecksOptIn).toBe(true); // after a restart
  });
  it('the policy forbids: never checks, and the opt-in cannot be turned on', async () => {
    const check = vi.fn();
    const h = make({ checkUpdate: check, updatePolicy: { allowed: false, feedUrl: feed } });
    expect((await h.setUpdateChecks(true)).updateChecksOptIn).toBe(false);
    expect(await h.checkForUpdates()).toEqual({ state: 'off', reason: 'policy' });
    expect(check).not.toHaveBeenCalled();
  });
  it('a failing feed is "failed" with the reason', async () => {
    const h = make({
      checkUpdate: async () => {
        throw new Error('getaddrinfo ENOTFOUND updates.example.edu');
      },
      updatePolicy: { allowed: true, feedUrl: feed },
    });
    await h.setUpdateChecks(true);
    expect(await h.checkForUpdates()).toMatchObject({ state: 'failed', detail: 'getaddrinfo ENOTFOUND updates.example.edu' });
  });
  it("reads the platform's channel file of the generic feed and compares its version (nothing downloaded or installed)", async () => {
    const asked: string[] = [];
    const get: FeedGet = async (url) => {
      asked.push(url);
      return { status: 200, location: null, contentLength: null, body: [new TextEncoder().encode('version: 1.0.0\npath: x.exe\n')], close: () => {} };
    };
    expect(await feedUpdateCheck({ current: '1.0.0', get, platform: 'win32', arch: 'x64' })(feed)).toEqual({ version: '1.0.0', newer: false });
    expect(await feedUpdateCheck({ current: '0.9.0', get, platform: 'darwin', arch: 'arm64' })(`${feed}/`)).toEqual({ version: '1.0.0', newer: true });
    expect(asked).toEqual([`${feed}/latest.yml`, `${feed}/latest-mac.yml`]);
  });
});

describe('report files from the command line', () => {
  it('finds the .epreport or .json path, skipping switches and the app path', () => {
    expect(reportFileFromArgv(['C:\\Program Files\\Exam Preflight\\Exam Preflight.exe', 'C:\\Users\\ana\\Downloads\\run.epreport'], true)).toBe(
      'C:\\Users\\ana\\Downloads\\run.epreport',
    );
    expect(reportFileFromArgv(['/usr/bin/electron', '.', '--no-sandbox', '/tmp/r.JSON'], false)).toBe('/tmp/r.JSON');
    expect(reportFileFromArgv(['/usr/bin/electron', '.', '--inspect'], false)).toBeNull();
    expect(reportFileFromArgv(['/opt/app/exam-preflight', '/tmp/notes.txt'], true)).toBeNull();
  });
  it('a file opened before the window listens waits for it; later ones are sent at once; folders are not read', async () => {
    const emit = vi.fn();
    const inbox = createReportFileInbox({ isFile: async (f) => !f.endsWith('dir.json'), readHead: async (f, max) => `text of ${f} (max ${max})`, emit });
    await inbox.open('/x/a.epreport');
    expect(emit).not.toHaveBeenCalled();
    expect(inbox.take()).toEqual({ text: `text of /x/a.epreport (max ${20 * 1024 * 1024 + 1})`, fileName: 'a.epreport' });
    await inbox.open('/x/dir.json');
    expect(emit).toHaveBeenCalledWith('onReportFileOpened', { text: '', fileName: 'dir.json' });
  });
});
