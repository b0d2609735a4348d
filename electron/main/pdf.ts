// "Save as PDF" for a report: Electron prints the report's self-contained HTML in a hidden window
// with JavaScript off (the page has none, and cannot gain any), then the learner picks where to save.
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, SaveDialogOptions } from 'electron';

type WindowCtor = new (opts: BrowserWindowConstructorOptions) => BrowserWindow;

export interface PdfDeps {
  BrowserWindow: WindowCtor;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  writeFile: (file: string, data: Uint8Array) => Promise<void>;
  /** the app window the save dialog belongs to */
  parent: () => BrowserWindow | null;
  /** where the dialog starts (the learner's Documents or Downloads) */
  defaultDir: string;
}

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
  };
}

export function createPdfSaver(deps: PdfDeps) {
  return async (html: string, fileBase: string): Promise<{ saved: boolean; file: string | null }> => {
    const win = new deps.BrowserWindow(printWindowOptions());
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      const options: SaveDialogOptions = { defaultPath: `${deps.defaultDir}/${fileBase}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const parent = deps.parent();
      const choice = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, file: null };
      await deps.writeFile(choice.filePath, pdf);
      return { saved: true, file: choice.filePath };
    } finally {
      win.destroy();
    }
  };
}
