// Electron main process: thin on purpose. Everything it does lives in plain, unit-tested modules
// (electron/main/*, electron/handlers/*); this file only hands them Electron's objects.
import { app, BrowserWindow, clipboard, crashReporter, dialog, ipcMain, Menu, net, protocol, screen, session, shell, systemPreferences } from 'electron';
import path from 'node:path';
import { open as openFile, stat, writeFile } from 'node:fs/promises';
import { readTextFile } from './storage/read-text';
import { MAX_REPORT_CHARS } from './handlers/report';
import { createHandlers } from './handlers';
import { loadPolicyBounded, realPolicyDeps } from './storage/policy';
import { execProbe } from './inspect/exec';
import { handlerOptionsFromPolicy } from './main/policy-options';
import { networkOptionsFor, type NetLike } from './main/network-options';
import { guardedHead } from './network/head';
import { depsWithTrust } from './network/for-profile';
import { headlessArgs } from './main/headless';
import { createAppWindow } from './main/window';
import { clockReading, monotonicClock } from './main/clock';
import { hardenApp, hardenSession } from './main/hardening';
import { APP_ENTRY, installAppProtocol, registerAppScheme } from './main/protocol';
import { makeEmit, wireIpc } from './main/ipc';
import { createPdfSaver } from './main/pdf';
import { electronFeedGet, feedUpdateCheck } from './main/update-feed';
import { realDeps } from './inspect/deps';
import { windowDisplaysReader } from './main/screen-displays';
import { appMenuTemplate, createReportOpener } from './main/menu';
import { createI18n, languageFromLocale } from '../shared/i18n';
import { desktopOptions, openAppLog, startLocalCrashReporter } from './main/desktop';
import { createReportFileInbox, reportFileFromArgv, resolveOpenedPath } from './main/report-file';

const cliArgs = headlessArgs(process.argv, app.isPackaged);

if (cliArgs) {
  // Headless: the admin's scripted check. No window, no single-instance lock (scripts may run in parallel).
  void (async () => {
    const { runCli } = await import('./cli/run');
    let code = 3;
    try {
      code = await runCli(cliArgs, {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: () => process.stdin,
        env: process.env,
        cwd: process.cwd(),
        loadPolicy: () => loadPolicyBounded(realPolicyDeps(path.dirname(app.getPath('exe')), execProbe)),
      });
    } catch (err) {
      process.stderr.write(`internal error: ${String(err)}\n`);
    }
    app.exit(code);
  })();
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // before anything else can crash: dumps stay on this computer (uploadToServer: false)
  const crashDumps = startLocalCrashReporter(crashReporter, app);
  app.enableSandbox();
  registerAppScheme(protocol);
  hardenApp(app);

  let win: BrowserWindow | null = null;
  const open = () => {
    win = createAppWindow(BrowserWindow, {
      // dist/electron/main.cjs sits next to preload.cjs; the renderer is dist/renderer
      preloadPath: path.join(__dirname, 'preload.cjs'),
      title: app.getName(),
      entryUrl: APP_ENTRY,
    });
    win.on('closed', () => {
      win = null;
      // files opened while no window is there wait for the next one to ask
      inbox.windowGone();
    });
  };

  // a double-clicked report (.epreport): held until the window asks, then sent as events
  const emitToWindow = makeEmit(() => win?.webContents);
  // whether report files on network shares may be opened is the policy's to say: files wait for it
  let policyRead!: (allowUnc: boolean) => void;
  const allowUnc = new Promise<boolean>((r) => {
    policyRead = r;
  });
  const inbox = createReportFileInbox({
    allowUnc: () => allowUnc,
    isFile: (f) =>
      stat(f).then(
        (s) => s.isFile(),
        () => false,
      ),
    readHead: async (f, max) => {
      const h = await openFile(f, 'r');
      try {
        const buf = Buffer.alloc(Math.min(max, (await h.stat()).size));
        await h.read(buf, 0, buf.length, 0);
        return buf.toString('utf8');
      } finally {
        await h.close();
      }
    },
    emit: emitToWindow,
  });
  const startFile = reportFileFromArgv(process.argv, app.isPackaged);
  if (startFile) void inbox.open(resolveOpenedPath(startFile, process.cwd()));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void inbox.open(file);
  });

  // a relative path is relative to the OTHER instance's working folder, which Electron passes here
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = reportFileFromArgv(argv, app.isPackaged);
    if (file) void inbox.open(resolveOpenedPath(file, workingDirectory));
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    installAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
    // the admin's policy (a rejected file means safe defaults; its problems are kept for the About screen);
    // bounded: the window waits for it, so a hung read never keeps the app from opening
    const policy = await loadPolicyBounded(realPolicyDeps(path.dirname(app.getPath('exe')), execProbe));
    policyRead(policy.policy.reportFilesFromNetworkShares === true);
    const options = handlerOptionsFromPolicy(policy, app.getLocale());
    // Chromium's network stack (OS trust store, system proxy, PAC) for the measurement and the endpoint timing alike
    // (Electron's ClientRequest types each event in an overload of its own; NetLike names the four used)
    options.network = networkOptionsFor(session.defaultSession, net as unknown as NetLike<typeof session.defaultSession>);
    const head = guardedHead(() => depsWithTrust(policy.policy.networkTest, options.network?.deps));
    // only Electron knows macOS's camera/microphone permission and the displays as the window sees them
    options.scan = { ...options.scan, inspectDeps: { ...realDeps(), head, systemPreferences }, windowDisplays: windowDisplaysReader(screen) };
    options.report = { savePdf: createPdfSaver({ BrowserWindow, dialog, writeFile, parent: () => win, defaultDir: app.getPath('documents') }) };
    const log = await openAppLog(app);
    log.log('info', 'start', { version: app.getVersion(), platform: process.platform, policy: policy.source ?? 'none', rejected: policy.rejected });
    for (const problem of policy.problems) log.log('warn', 'policy-problem', { problem });
    options.desktop = {
      ...desktopOptions({
        clipboard,
        shell,
        log,
        crashDumps,
        policy: policy.policy,
        checkUpdate: feedUpdateCheck({ current: app.getVersion(), get: electronFeedGet({ request: (o) => net.request(o) }) }),
      }),
      reportInbox: inbox,
    };
    const emit = emitToWindow;
    const handlers = createHandlers(
      { dataDir: app.getPath('userData'), appVersion: app.getVersion(), emit, now: monotonicClock(), clockReading: clockReading(), log },
      options,
    );
    wireIpc(ipcMain, handlers);
    // the menu speaks the learner's language as of start-up (the app's saved choice, else the OS)
    const settings = await handlers.getSettings();
    const i18n = createI18n(settings.effectiveLanguage ?? languageFromLocale(app.getLocale()));
    const openReport = createReportOpener({
      dialog,
      parent: () => win,
      readFile: (f) => readTextFile(f, MAX_REPORT_CHARS),
      emit,
      title: i18n.t('common:menu.openReport'),
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({ t: (k) => i18n.t(k), openReport: () => void openReport(), isMac: process.platform === 'darwin', appName: app.getName() }),
      ),
    );
    open();
    app.on('activate', () => {
      if (!win) open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
