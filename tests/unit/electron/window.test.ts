import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createAppWindow, windowOptions } from '../../../electron/main/window';
import { FakeEmitter, FakeWebContents, fire } from './electron-mock';

// nothing here may load the real electron module (its binary cannot run on our machines)
vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time by main/* modules');
});

describe('window factory', () => {
  it('sets every security-relevant webPreferences flag', () => {
    const w = windowOptions('/app/preload.cjs', 'Exam Preflight').webPreferences!;
    expect(w).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('creates, hardens and loads the app:// entry', () => {
    const made: { opts?: BrowserWindowConstructorOptions; url?: string; wc: FakeWebContents } = { wc: new FakeWebContents() };
    class FakeWindow extends FakeEmitter {
      webContents = made.wc;
      constructor(opts: BrowserWindowConstructorOptions) {
        super();
        made.opts = opts;
      }
      loadURL(url: string) {
        made.url = url;
        return Promise.resolve();
      }
      show = vi.fn();
    }
    const win = createAppWindow(FakeWindow as never, { preloadPath: '/p.cjs', title: 'T', entryUrl: 'app://preflight/index.html' });
    expect(made.url).toBe('app://preflight/index.html');
    expect(made.opts?.show).toBe(false);
    // hardened: navigation away is refused, new windows denied
    expect(fire(made.wc, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(made.wc.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    (win as unknown as FakeWindow).emit('ready-to-show');
    expect((win as unknown as FakeWindow).show).toHaveBeenCalled();
  });
});
