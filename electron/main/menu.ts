// The desktop app's menu: File › Open report… (for support staff), the standard Edit menu (copy and
// paste in the forms), zoom for larger text, and the window roles. No developer tools or reload in
// the shipped app. Labels come from the catalogs in the learner's language.
import type { Dialog, MenuItemConstructorOptions, BrowserWindow } from 'electron';
import path from 'node:path';
import type { Emit } from '../../shared/api';

export function appMenuTemplate(opts: { t: (key: string) => string; openReport: () => void; isMac: boolean; appName: string }): MenuItemConstructorOptions[] {
  const { t } = opts;
  return [
    ...(opts.isMac
      ? [
          {
            label: opts.appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: t('common:menu.file'),
      submenu: [
        { label: t('common:menu.openReport'), accelerator: 'CmdOrCtrl+O', click: () => opts.openReport() },
        { type: 'separator' },
        opts.isMac ? { role: 'close', label: t('common:menu.close') } : { role: 'quit', label: t('common:menu.quit') },
      ],
    },
    { role: 'editMenu', label: t('common:menu.edit') },
    {
      label: t('common:menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('common:menu.resetZoom') },
        { role: 'zoomIn', label: t('common:menu.zoomIn') },
        { role: 'zoomOut', label: t('common:menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('common:menu.fullScreen') },
      ],
    },
    { role: 'windowMenu', label: t('common:menu.window') },
  ];
}

/** File › Open report…: the learner or support picks a file; its text goes to the window's viewer, which judges it (size, format, version) like a dropped file. */
export function createReportOpener(deps: {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  parent: () => BrowserWindow | null;
  readFile: (file: string) => Promise<string>;
  emit: Emit;
  title: string;
}) {
  return async (): Promise<void> => {
    const options = { title: deps.title, properties: ['openFile' as const], filters: [{ name: 'Exam Preflight report', extensions: ['epreport', 'json'] }] };
    const parent = deps.parent();
    const choice = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return;
    deps.emit('onReportFileOpened', { text: await deps.readFile(file), fileName: path.basename(file) });
  };
}
