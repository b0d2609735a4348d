// electron/main.ts with a mocked electron: sandbox on for every renderer, scheme registered before
// ready, session hardened, every request channel wired, single-instance lock, no window when headless.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventChannel, InvokeChannel } from '../../../shared/api';

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'preflight-main-'));

function mockElectron(opts: { lock?: boolean } = {}) {
  const calls: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => {
    ready = r;
  });
  const handled: string[] = [];
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const crashReporter = { start: vi.fn((o: unknown) => calls.push(`crashReporter:${JSON.stringify(o)}`)) };
  const clipboard = { writeText: vi.fn() };
  const shell = { openPath: vi.fn(async () => '') };
  const windows: unknown[] = [];
  // signals instead of polling: the test waits for the event itself, never for a length of time
  let windowOpened!: () => void;
  const firstWindow = new Promise<void>((r) => {
    windowOpened = r;
  });
  const sent: [string, unknown][] = [];
  const sentWaiters: (() => void)[] = [];
  /** resolves once `n` events have been sent to the window */
  const eventsSent = (n: number) =>
    new Promise<void>((r) => {
      const check = () => (sent.length >= n ? r() : sentWaiters.push(check));
      check();
    });
  let exitCalled!: () => void;
  const exited = new Promise<void>((r) => {
    exitCalled = r;
  });
  const appHandlers = new Map<string, (...a: unknown[]) => void>();
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn((code: number) => {
      calls.push(`exit:${code}`);
      exitCalled();
    }),
    on: vi.fn((name: string, fn: (...a: unknown[]) => void) => appHandlers.set(name, fn)),
    whenReady: () => whenReady,
    getName: () => 'Exam Preflight',
    getVersion: () => '1.2.3',
    getLocale: () => 'pt-BR',
    getPath: (name: string) => `${tmpRoot}/${name}`,
  };
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDisplayMediaRequestHandler: vi.fn() } };
  const protocol = { registerSchemesAsPrivileged: vi.fn(() => calls.push('registerScheme')), handle: vi.fn(() => calls.push('handle')) };
  class BrowserWindow {
    webContents = {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      send: vi.fn((channel: string, payload: unknown) => {
        sent.push([channel, payload]);
        sentWaiters.splice(0).forEach((w) => w());
      }),
      isDestroyed: () => false,
    };
    constructor(public opts: unknown) {
      windows.push(this);
      windowOpened();
    }
    once = vi.fn();
    on = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    loadURL = vi.fn(async () => undefined);
  }
  const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };
  const Menu = {
    buildFromTemplate: vi.fn((t: unknown) => t),
    setApplicationMenu: vi.fn((m: unknown) => calls.push(`menu:${Array.isArray(m) ? m.length : 0}`)),
  };
  const screen = { getAllDisplays: vi.fn(() => []), getPrimaryDisplay: vi.fn(() => ({ id: 0 })) };
  const ipcMain = {
    handle: (ch: string, fn: (...a: unknown[]) => unknown) => {
      handled.push(ch);
      handlers.set(ch, fn);
    },
  };
  const systemPreferences = { getMediaAccessStatus: vi.fn(() => 'granted') };
  // Chromium's HTTP client: never called while the app starts
  const net = { request: vi.fn() };
  vi.doMock('electron', () => ({
    app,
    session,
    protocol,
    BrowserWindow,
    dialog,
    Menu,
    ipcMain,
    crashReporter,
    clipboard,
    shell,
    systemPreferences,
    screen,
    net,
  }));
  /** calls a wired channel as the app's own window would */
  const invoke = (ch: string, ...args: unknown[]) => handlers.get(ch)!({ senderFrame: { url: 'app://preflight/index.html' } }, ...args);
  /** Electron raising an app event ('second-instance', 'open-file') */
  const raise = (name: string, ...args: unknown[]) => appHandlers.get(name)!(...args);
  return { app, session, protocol, calls, handled, windows, ready, clipboard, invoke, firstWindow, exited, sent, eventsSent, raise };
}

describe('electron/main.ts', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    vi.resetModules();
    vi.doUnmock('electron');
  });

  it('hardens before anything loads, then wires IPC and opens one window', async () => {
    process.argv = ['electron', '.'];
    const m = mockElectron();
    await import('../../../electron/main');
    // crash dumps are kept locally from the very start, never uploaded
    expect(m.calls[0]).toMatch(/^crashReporter:.*"uploadToServer":false/);
    expect(m.calls.slice(1, 3)).toEqual(['enableSandbox', 'registerScheme']);
    expect(m.windows).toHaveLength(0); // not before ready
    m.ready();
    // start-up reads the admin policy first (none on this machine: safe defaults), then opens the window
    await m.firstWindow;
    expect(m.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(m.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(m.protocol.handle).toHaveBeenCalled();
    expect(m.handled.sort()).toEqual(Object.values(InvokeChannel).sort());
    expect(m.windows).toHaveLength(1);
  });

  it('a report double-clicked (its path on the command line) reaches the viewer once the window asks; the clipboard and diagnostics are wired', async () => {
    const file = path.join(tmpRoot, 'learner.epreport');
    writeFileSync(file, '{"format":"exam-preflight-report"}');
    process.argv = ['electron', '.', file];
    const m = mockElectron();
    await import('../../../electron/main');
    m.ready();
    await m.firstWindow;
    // the window asks as soon as it listens, however far reading the file has got: held until then,
    // handed over in the answer, never also sent as an event
    expect(await m.invoke(InvokeChannel.takeOpenedReportFiles)).toEqual([{ text: '{"format":"exam-preflight-report"}', fileName: 'learner.epreport' }]);
    expect(await m.invoke(InvokeChannel.takeOpenedReportFiles)).toEqual([]);
    // a second double-click, relative to the folder the OTHER instance was started in, comes as an event
    const other = path.join(tmpRoot, 'downloads');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'second.epreport'), '{"second":true}');
    m.raise('second-instance', {}, ['electron', '.', 'second.epreport'], other);
    await m.eventsSent(1);
    expect(m.sent).toEqual([[EventChannel.onReportFileOpened, { text: '{"second":true}', fileName: 'second.epreport' }]]);
    expect(await m.invoke(InvokeChannel.takeOpenedReportFiles)).toEqual([]);
    expect(await m.invoke(InvokeChannel.copyText, 'EP-1234-ABCD')).toEqual({ ok: true });
    expect(m.clipboard.writeText).toHaveBeenCalledWith('EP-1234-ABCD');
    const d = (await m.invoke(InvokeChannel.getDiagnostics)) as { logFile: string; crashDumps: string; updates: { state: string } };
    expect(d.logFile).toBe(`${tmpRoot}/logs/main.log`);
    expect(d.crashDumps).toBe(`${tmpRoot}/crashDumps`);
    expect(d.updates).toEqual({ state: 'off', reason: 'no-feed' });
  });

  it('quits when another instance holds the lock', async () => {
    process.argv = ['electron', '.'];
    const m = mockElectron({ lock: false });
    await import('../../../electron/main');
    expect(m.calls).toEqual(['quit']);
  });

  it('runs the headless command without a window and exits with its code', async () => {
    process.argv = ['electron', '.', 'check', '--profile', 'no-such-profile'];
    const m = mockElectron();
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await import('../../../electron/main');
    await m.exited;
    err.mockRestore();
    expect(m.app.exit.mock.calls[0]![0]).toBe(2); // usage error: unknown profile
    expect(m.windows).toHaveLength(0);
    expect(m.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });
});

describe('policy → handler options', () => {
  it('passes the locked and default exams, extra profiles and the network switch on', async () => {
    const { handlerOptionsFromPolicy } = await import('../../../electron/main/policy-options');
    const { SAFE_DEFAULTS } = await import('../../../shared/policy/schema');
    const opts = handlerOptionsFromPolicy(
      {
        policy: { ...SAFE_DEFAULTS, lockedProfile: 'mitx-pom-final', defaultProfile: 'mitx-sds-ml', networkChecks: false },
        source: '/etc/exam-preflight/policy.json',
        searched: [],
        problems: [],
        rejected: false,
        extraProfiles: [],
        extraBanks: [],
      },
      'es-MX',
    );
    expect(opts.settings).toEqual({ osLocale: 'es-MX', lockedProfileId: 'mitx-pom-final', defaultProfileId: 'mitx-sds-ml' });
    expect(opts.scan).toMatchObject({ extraProfiles: [], networkChecks: false, policy: { source: '/etc/exam-preflight/policy.json', rejected: false } });
    expect(opts.scan?.policy).not.toHaveProperty('extraProfiles'); // profile contents stay in main
  });
});

describe('network measurement in the app', () => {
  it("asks Electron's session how to reach each address (resolveProxy)", async () => {
    const { networkOptionsFor } = await import('../../../electron/main/network-options');
    const session = { resolveProxy: vi.fn(async (u: string) => (u.includes('edx') ? 'PROXY proxy.campus:3128; DIRECT' : 'DIRECT')) };
    const opts = networkOptionsFor(session);
    await expect(opts.deps!.resolveProxy!('https://courses.edx.org/')).resolves.toBe('PROXY proxy.campus:3128; DIRECT');
    expect(session.resolveProxy).toHaveBeenCalledWith('https://courses.edx.org/');
  });
});
