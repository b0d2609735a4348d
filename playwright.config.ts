// End-to-end tests: the built renderer in Debian's Chromium (apt `chromium`; Playwright never
// downloads a browser here) with the real main-process handlers behind window.preflight.
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium';

/** CHROMIUM_PATH, Debian's chromium, or Playwright's own download (scripts/find-chromium.ts). */
export const CHROMIUM: string = findChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Offline machines: no background traffic. Root needs --no-sandbox. Fake camera/microphone by
// default; specs that need another device setup add or replace flags with test.use({ launchArgs }).
export const chromiumLaunchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
