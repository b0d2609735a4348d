// electron/main.ts with a mocked electron: sandbox on for every renderer, scheme registered before
// ready, session hardened, every request channel wired, single-instance lock, no window when headless.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvokeChannel } from '../../../shared/api';

function mockElectron(opts: { lock?: boolean } = {}) {
  const calls: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => { ready = r; });
  const handled: string[] = [];
  const windows: unknown[] = [];
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn((code: number) => calls.push(`exit:${code}`)),
    on: vi.fn(),
    whenReady: () => whenReady,
    getName: () => 'Exam Preflight',
    getVersion: () => '1.2.3',
    getLocale: () => 'pt-BR',
    getPath: () => '/tmp/preflight-test-userdata',
  };
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDisplayMediaRequestHandler: vi.fn() } };
  const protocol = { registerSchemesAsPrivileged: vi.fn(() => calls.push('registerScheme')), handle: vi.fn(() => calls.push('handle')) };
  class BrowserWindow {
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    constructor(public opts: unknown) { windows.push(this); }
    once = vi.fn();
    on = vi.fn();
    loadURL = vi.fn(async () => undefined);
  }
  const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };
  const Menu = { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn((m: unknown) => calls.push(`menu:${Array.isArray(m) ? m.length : 0}`)) };
  const screen = { getAllDisplays: vi.fn(() => []), getPrimaryDisplay: vi.fn(() => ({ id: 0 })) };
  vi.doMock('electron', () => ({ app, session, protocol, BrowserWindow, dialog, Menu, screen, ipcMain: { handle: (ch: string) => handled.push(ch) } }));
  return { app, session, protocol, calls, handled, windows, ready };
}

describe('electron/main.ts', () => {
  const argv = process.argv;
  afterEach(() => { process.argv = argv; vi.resetModules(); vi.doUnmock('electron'); });

  it('hardens before anything loads, then wires IPC and opens one window', async () => {
    process.argv = ['electron', '.'];
    const m = mockElectron();
    await import('../../../electron/main');
    expect(m.calls.slice(0, 2)).toEqual(['enableSandbox', 'registerScheme']);
    expect(m.windows).toHaveLength(0); // not before ready
    m.ready();
    // start-up reads the admin policy first (none on this machine: safe defaults)
    await vi.waitFor(() => expect(m.windows).toHaveLength(1));
    expect(m.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(m.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(m.protocol.handle).toHaveBeenCalled();
    expect(m.handled.sort()).toEqual(Object.values(InvokeChannel).sort());
    expect(m.windows).toHaveLength(1);
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
    await vi.waitFor(() => expect(m.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
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
      { policy: { ...SAFE_DEFAULTS, lockedProfile: 'mitx-pom-final', defaultProfile: 'mitx-sds-ml', networkChecks: false }, source: '/etc/exam-preflight/policy.json', searched: [], problems: [], rejected: false, extraProfiles: [], extraBanks: [] },
      'es-MX',
    );
    expect(opts.settings).toEqual({ osLocale: 'es-MX', lockedProfileId: 'mitx-pom-final', defaultProfileId: 'mitx-sds-ml' });
    expect(opts.scan).toMatchObject({ extraProfiles: [], networkChecks: false, policy: { source: '/etc/exam-preflight/policy.json', rejected: false } });
    expect(opts.scan?.policy).not.toHaveProperty('extraProfiles'); // profile contents stay in main
  });
});
