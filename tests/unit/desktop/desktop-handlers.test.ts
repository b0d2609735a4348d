// The desktop handlers in plain Node with fakes for Electron's clipboard, folder opener and updater.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDesktopHandlers, type DesktopOptions } from '../../../electron/handlers/desktop';
import { feedUpdateCheck, type FeedGet } from '../../../electron/main/update-feed';
import { createReportFileInbox, reportFileFromArgv, reportFileRefusal, resolveOpenedPath } from '../../../electron/main/report-file';
import { MAX_CLIPBOARD_CHARS } from '../../../shared/api/desktop';
import type { OpenedFileRefusal } from '../../../shared/api/report';
import { createI18n } from '../../../shared/i18n';
import { refusedFileMessage } from '../../../renderer/screens/report/viewer/refused-file';

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
    // take answers every held file (a list now: several may be opened before the window listens)
    expect(await inbox.take()).toEqual([{ text: `text of /x/a.epreport (max ${20 * 1024 * 1024 + 1})`, fileName: 'a.epreport' }]);
    await inbox.open('/x/dir.json');
    expect(emit).toHaveBeenCalledWith('onReportFileOpened', { text: '', fileName: 'dir.json', refused: 'not-a-file' });
  });

  it('every file is delivered exactly once, in order, whichever finishes reading first', async () => {
    // reads finish only when the test says so: every interleaving of "read done" and "window asks"
    const reads = new Map<string, () => void>();
    const readHead = (f: string) =>
      new Promise<string>((r) => {
        reads.set(f, () => r(`text of ${f}`));
      });
    const emitted: string[] = [];
    // every pending promise step has run (no timer, no wall-clock wait)
    const settle = () => new Promise<void>((r) => setImmediate(r));
    const inbox = createReportFileInbox({
      isFile: async () => true,
      readHead,
      emit: (_m, p) => emitted.push((p as { fileName: string }).fileName),
    });
    const openedA = inbox.open('/x/a.epreport'); // still being read when the window asks
    const openedB = inbox.open('/x/b.epreport');
    await settle();
    reads.get('/x/b.epreport')!();
    await openedB;
    const taken = inbox.take();
    const openedC = inbox.open('/x/c.epreport'); // after the window asked: an event, after a and b
    await settle();
    reads.get('/x/c.epreport')!();
    await settle();
    expect(emitted).toEqual([]); // c waits for the hand-over of a and b
    reads.get('/x/a.epreport')!();
    expect((await taken).map((f) => f.fileName)).toEqual(['a.epreport', 'b.epreport']);
    await Promise.all([openedA, openedC]);
    expect(emitted).toEqual(['c.epreport']);
    expect(await inbox.take()).toEqual([]);
    // the window closed: held again for the next window
    inbox.windowGone();
    const openedD = inbox.open('/x/d.epreport');
    await settle();
    reads.get('/x/d.epreport')!();
    await openedD;
    expect(emitted).toEqual(['c.epreport']);
    expect((await inbox.take()).map((f) => f.fileName)).toEqual(['d.epreport']);
  });
});

describe('report files that are not local paths', () => {
  it('refuses URLs and, unless the policy allows them, network shares; local paths pass', () => {
    const no = { allowUnc: false };
    for (const url of [
      'file:///etc/passwd.epreport',
      'https://evil.example/x.epreport',
      'javascript:alert(1)//.json',
      'data:text/plain,x.epreport',
      'FILE://host/x.json',
    ])
      expect(reportFileRefusal(url, no)).toBe('url');
    for (const unc of [
      '\\\\host\\share\\x.epreport',
      '//host/share/x.epreport',
      '\\\\?\\UNC\\host\\share\\x.epreport',
      '\\\\.\\UNC\\host\\x.json',
      '/\\host\\share\\x.epreport',
    ]) {
      expect(reportFileRefusal(unc, no)).toBe('unc');
      expect(reportFileRefusal(unc, { allowUnc: true })).toBeNull();
    }
    expect(reportFileRefusal('\\\\.\\PhysicalDrive0.json', { allowUnc: true })).toBe('not-a-path');
    expect(reportFileRefusal('C:\\Users\\ana\\Downloads\\run.epreport', no)).toBeNull();
    expect(reportFileRefusal('/home/ana/run.epreport', no)).toBeNull();
    expect(reportFileRefusal('/home/ana/x\0.epreport', no)).toBe('not-a-path');
  });

  it('a refused file is never looked up: the viewer gets no text and the reason, the log says why', async () => {
    const isFile = vi.fn(async () => true);
    const logged: unknown[] = [];
    const inbox = createReportFileInbox({
      isFile,
      readHead: async () => 'secret',
      emit: vi.fn(),
      allowUnc: async () => false,
      log: { file: null, log: (...a: unknown[]) => logged.push(a), flush: async () => {} },
    });
    await inbox.open('\\\\attacker\\share\\x.epreport');
    await inbox.open('https://attacker.example/y.epreport');
    expect(await inbox.take()).toEqual([
      { text: '', fileName: 'x.epreport', refused: 'unc' },
      { text: '', fileName: 'y.epreport', refused: 'url' },
    ]);
    expect(isFile).not.toHaveBeenCalled();
    expect(logged).toContainEqual(['warn', 'report-file-refused', { reason: 'unc' }]);
    expect(logged).toContainEqual(['warn', 'report-file-refused', { reason: 'url' }]);
  });

  it('a file that cannot be read reaches the viewer as unreadable, not as an empty report', async () => {
    const inbox = createReportFileInbox({
      isFile: async () => true,
      readHead: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      emit: vi.fn(),
    });
    await inbox.open('/home/ana/locked.epreport');
    expect(await inbox.take()).toEqual([{ text: '', fileName: 'locked.epreport', refused: 'unreadable' }]);
  });

  it('the viewer says why in the learner’s language', () => {
    const say = (lang: 'en' | 'es' | 'pt', refused: OpenedFileRefusal) => refusedFileMessage(createI18n(lang).t, { fileName: 'x.epreport', refused });
    expect(say('en', 'unc')).toMatch(
      /^x\.epreport was not opened: this report is on a network share; .*policy does not allow opening reports from network shares/,
    );
    expect(say('en', 'url')).toMatch(/this is a web address, not a report file/);
    expect(say('es', 'unc')).toMatch(/carpeta compartida de red/);
    expect(say('pt', 'url')).toMatch(/endereço da web/);
    // every reason has its own sentence in every language, never a raw key
    for (const lang of ['en', 'es', 'pt'] as const) {
      const all = (['url', 'unc', 'not-a-path', 'not-a-file', 'unreadable'] as const).map((r) => say(lang, r));
      expect(new Set(all).size).toBe(5);
      for (const m of all) expect(m).toMatch(/^x\.epreport|x\.epreport/);
      for (const m of all) expect(m).not.toMatch(/refused\.|viewer:/);
    }
  });

  it('the policy can allow shares; a file opened before the policy is read waits for it', async () => {
    let policyRead!: (allow: boolean) => void;
    const allow = new Promise<boolean>((r) => {
      policyRead = r;
    });
    const inbox = createReportFileInbox({ isFile: async () => true, readHead: async (f) => `text of ${f}`, emit: vi.fn(), allowUnc: () => allow });
    const opened = inbox.open('//fileserver/reports/x.epreport');
    policyRead(true);
    await opened;
    expect(await inbox.take()).toEqual([{ text: 'text of //fileserver/reports/x.epreport', fileName: 'x.epreport' }]);
  });

  it("a second instance's relative path is resolved against that instance's folder", () => {
    expect(resolveOpenedPath('run.epreport', '/home/ana/Downloads', 'linux')).toBe('/home/ana/Downloads/run.epreport');
    expect(resolveOpenedPath('/tmp/r.json', '/home/ana', 'linux')).toBe('/tmp/r.json');
    expect(resolveOpenedPath('run.epreport', 'C:\\Users\\ana\\Downloads', 'win32')).toBe('C:\\Users\\ana\\Downloads\\run.epreport');
    // started inside a share: the file is on the share, and refused like one
    expect(reportFileRefusal(resolveOpenedPath('x.epreport', '\\\\host\\share\\dir', 'win32'), { allowUnc: false })).toBe('unc');
  });
});
