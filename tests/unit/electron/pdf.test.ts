// Save as PDF with a mocked Electron: the report prints in a hidden window with JavaScript off,
// the learner picks the file, the window is always destroyed; cancelling saves nothing.
import { describe, expect, it, vi } from 'vitest';
import { createPdfSaver, printWindowOptions } from '../../../electron/main/pdf';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

function setup(choice: { canceled: boolean; filePath?: string }) {
  const windows: Array<{ opts: unknown; loaded: string; destroyed: boolean }> = [];
  class FakeWindow {
    rec: { opts: unknown; loaded: string; destroyed: boolean };
    webContents = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) };
    constructor(opts: unknown) {
      this.rec = { opts, loaded: '', destroyed: false };
      windows.push(this.rec);
    }
    async loadURL(url: string) {
      this.rec.loaded = url;
    }
    destroy() {
      this.rec.destroyed = true;
    }
  }
  const written: Array<[string, Uint8Array]> = [];
  const dialog = { showSaveDialog: vi.fn(async () => choice) };
  const save = createPdfSaver({
    BrowserWindow: FakeWindow as never,
    dialog: dialog as never,
    writeFile: async (f, d) => {
      written.push([f, d]);
    },
    parent: () => null,
    defaultDir: '/home/ana/Documents',
  });
  return { save, windows, written, dialog };
}

describe('report PDF', () => {
  it('prints the HTML in a hidden, script-less window and writes where the learner chose', async () => {
    const { save, windows, written, dialog } = setup({ canceled: false, filePath: '/home/ana/Documents/report.pdf' });
    const r = await save('<!doctype html><p>Report ✓</p>', 'exam-preflight-mitx-pom-final-EP-1234-ABCD');
    expect(r).toEqual({ saved: true, file: '/home/ana/Documents/report.pdf' });
    expect(windows[0]!.opts).toEqual(printWindowOptions());
    expect(printWindowOptions()).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(Buffer.from(windows[0]!.loaded.split(',')[1]!, 'base64').toString('utf8')).toBe('<!doctype html><p>Report ✓</p>');
    expect(dialog.showSaveDialog.mock.calls[0]).toEqual([
      expect.objectContaining({ defaultPath: '/home/ana/Documents/exam-preflight-mitx-pom-final-EP-1234-ABCD.pdf' }),
    ]);
    expect(Buffer.from(written[0]![1]).toString()).toMatch(/^%PDF/);
    expect(windows[0]!.destroyed).toBe(true);
  });
  it('cancelling saves nothing and still closes the window', async () => {
    const { save, windows, written } = setup({ canceled: true });
    expect(await save('<p>x</p>', 'r')).toEqual({ saved: false, file: null });
    expect(written).toEqual([]);
    expect(windows[0]!.destroyed).toBe(true);
  });
});
