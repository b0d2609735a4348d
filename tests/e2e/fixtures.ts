// Playwright fixtures for every end-to-end spec:
//   import { test, expect } from './fixtures';
//   test('…', async ({ app }) => { await app.open('check', { profileId: 'mitx-sds-capstone', lang: 'en' }); … });
// Each test gets a fresh temp data folder and fresh handlers; the server serving dist/renderer is
// shared per worker. Extra Chromium flags per file: test.use({ launchArgs: [...] }).
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attachHandlers, serveRenderer, ROOT, type Harness, type HarnessClock } from './harness';
import type { HandlerOptions } from '../../electron/handlers';
import type { Handlers } from '../../shared/api';
import type { RouteId } from '../../renderer/screen';
import type { Language } from '../../shared/i18n/text';
import { CHROMIUM, FAKE_MEDIA, chromiumLaunchArgs } from '../../playwright.config';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

export interface App {
  page: Page;
  dataDir: string;
  /** the live handlers (the same object the page calls) */
  readonly handlers: Handlers;
  /** sets language/profile through the real settings handlers, then opens #/<route> */
  open(route: RouteId, opts?: { profileId?: string; lang?: Language }): Promise<void>;
  /** an app restart: new handlers over the same data folder, page reloaded */
  restart(): Promise<void>;
  screenshot(name: string): Promise<string>;
  clock: {
    /** moves time forward for the handlers and, if installed, for the page */
    advance(ms: number): Promise<void>;
    /**
     * The test drives time (call before open): the handlers' clock stands still and moves only by
     * advance(); the page's clock is faked (and still runs, so the page can load) until pause().
     */
    install(): Promise<void>;
    /**
     * Stops the page's clock too (after install, once the screen is loaded: React waits on timers to
     * show a lazily loaded screen). From then on both clocks move only by advance(), together, so no
     * assertion races the real clock; the page's timers fire only when advance() passes them.
     */
    pause(): Promise<void>;
  };
}

export const test = base.extend<
  {
    app: App;
    /** options for createHandlers (policy-like settings) */
    handlerOptions: HandlerOptions;
  },
  {
    /** Chromium flags for this file (default FAKE_MEDIA; [] = no fake devices) */
    launchArgs: string[];
    rendererUrl: string;
  }
>({
  // default: Chromium's fake camera (1280x720 test pattern) and microphone (beeps), permission granted
  launchArgs: [FAKE_MEDIA, { scope: 'worker', option: true }],
  handlerOptions: [{}, { option: true }],
  // Re-launch the browser with this file's extra flags.
  browser: [
    async ({ playwright, launchArgs }, use) => {
      const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: [...chromiumLaunchArgs, ...launchArgs] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, context, rendererUrl, handlerOptions }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'preflight-e2e-'));
    const clock: HarnessClock = { offsetMs: 0, now: () => (clock.frozenAt ?? Date.now()) + clock.offsetMs };
    let pageClock = false;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const harness: Harness = await attachHandlers(context, { dataDir, clock, handlerOptions, pages: () => context.pages() });
    const app: App = {
      page,
      dataDir,
      get handlers() {
        return harness.handlers;
      },
      async open(route, opts = {}) {
        const patch: Record<string, unknown> = {};
        if (opts.profileId) patch.profileId = opts.profileId;
        if (opts.lang) patch.language = opts.lang;
        if (Object.keys(patch).length) await harness.handlers.updateSettings(patch);
        await page.goto(`${rendererUrl}/index.html#/${route}`);
      },
      async restart() {
        harness.recreate();
        await page.reload();
      },
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        return file;
      },
      clock: {
        async install() {
          clock.frozenAt = Date.now();
          await page.clock.install();
          pageClock = true;
        },
        async pause() {
          if (!pageClock) throw new Error('clock.pause() needs clock.install() first');
          // pauseAt takes a moment ahead of the page's own clock, which runs until then
          for (let margin = 1000; ; margin *= 4) {
            const pageNow = await page.evaluate(() => Date.now());
            try {
              await page.clock.pauseAt(pageNow + margin);
              return;
            } catch (err) {
              if (!/past/.test(String(err)) || margin > 600_000) throw err;
            }
          }
        },
        async advance(ms) {
          clock.offsetMs += ms;
          if (pageClock) await page.clock.fastForward(ms);
        },
      },
    };
    await use(app);
    await rm(dataDir, { recursive: true, force: true });
    // Uncaught page errors fail the test: a screen that throws is broken even if it still renders.
    expect(
      errors.filter((e) => !/Failed to load resource/.test(e)),
      'errors in the page',
    ).toEqual([]);
  },
});

export { expect };
