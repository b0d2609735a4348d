// The desktop menu with a mocked Electron: File › Open report… with its shortcut, edit and zoom
// roles, no developer tools or reload; the opener hands the chosen file's text to the window.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, createReportOpener } from '../../../electron/main/menu';
import { createI18n } from '../../../shared/i18n';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  it("offers Open report with Ctrl/Cmd+O, in the learner's language, and no developer tools", () => {
    const open = vi.fn();
    const i18n = createI18n('es');
    const items = flat(appMenuTemplate({ t: (k) => i18n.t(k), openReport: open, isMac: false, appName: 'Exam Preflight' }));
    const item = items.find((i) => i.accelerator === 'CmdOrCtrl+O')!;
    expect(item.label).toBe('Abrir informe…');
    (item.click as () => void)();
    expect(open).toHaveBeenCalledOnce();
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']));
    expect(roles).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    const mac = appMenuTemplate({ t: (k) => k, openReport: open, isMac: true, appName: 'Exam Preflight' });
    expect(mac[0]!.label).toBe('Exam Preflight');
  });

  it('reads the picked file and sends its text and name to the window; cancelling sends nothing', async () => {
    const emitted: unknown[] = [];
    const make = (choice: { canceled: boolean; filePaths: string[] }) =>
      createReportOpener({
        dialog: { showOpenDialog: vi.fn(async () => choice) } as never,
        parent: () => null,
        readFile: async (f) => `text of ${f}`,
        emit: ((m: string, p: unknown) => emitted.push([m, p])) as never,
        title: 'Open report…',
      });
    await make({ canceled: false, filePaths: ['/home/sam/Downloads/learner.json'] })();
    expect(emitted).toEqual([['onReportFileOpened', { text: 'text of /home/sam/Downloads/learner.json', fileName: 'learner.json' }]]);
    await make({ canceled: true, filePaths: [] })();
    expect(emitted).toHaveLength(1);
  });
});
