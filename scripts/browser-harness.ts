// Development harness: opens the built renderer in a real Chromium window with window.preflight
// backed by the real main-process handlers (the same wiring the end-to-end tests use). For
// looking at the built UI as the end-to-end tests see it (`npm run dev:browser` is the hot-reload
// dev loop from source: scripts/dev-browser.ts).
//   npm run dev:browser:built            (data kept in ./.harness-data)
//   CHROMIUM_PATH=/path/to/chrome npm run dev:browser:built
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { attachHandlers, serveRenderer, ROOT } from '../tests/e2e/harness';
import { CHROMIUM, FAKE_MEDIA, chromiumLaunchArgs } from '../playwright.config';

async function main() {
  const dataDir = path.join(ROOT, '.harness-data');
  await mkdir(dataDir, { recursive: true });
  const server = await serveRenderer();
  const headless = process.argv.includes('--headless');
  const fake = process.argv.includes('--fake-media') ? FAKE_MEDIA : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless, args: [...chromiumLaunchArgs, ...fake] });
  const context = await browser.newContext({ viewport: null });
  const clock = { offsetMs: 0, now: () => Date.now() };
  await attachHandlers(context, { dataDir, clock, appVersion: 'dev', pages: () => context.pages() });
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html#/choose`);
  console.log(`Exam Preflight (browser harness) at ${server.url} — data in ${dataDir}. Close the window to stop.`);
  await new Promise<void>((resolve) => browser.on('disconnected', () => resolve()));
  await server.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
