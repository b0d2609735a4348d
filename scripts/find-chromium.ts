// Where the end-to-end tests (and `npm run dev:browser`) find Chromium, and the one message a
// machine without it gets. Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, then a browser
// Playwright itself downloaded (`npx playwright install chromium`, on machines that can download).
// Playwright is never asked to download anything from here.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

// Resolved from the project folder: this file is loaded both as ESM (tsx) and as CommonJS (Playwright).
const require = createRequire(`${process.cwd()}/`);
const runnable = (p: string) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The executable to launch, or null when this machine has none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CHROMIUM_PATH) return runnable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (runnable(p)) return p;
  try {
    const own = (require('playwright-core') as { chromium: { executablePath(): string } }).chromium.executablePath();
    if (own && runnable(own)) return own;
  } catch {
    // playwright-core missing or without a browser registry: fall through to "none"
  }
  return null;
}

export function missingChromiumMessage(env: Record<string, string | undefined> = process.env): string {
  return [
    env.CHROMIUM_PATH
      ? `The end-to-end tests need Chromium, but CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file.`
      : 'The end-to-end tests need Chromium, and none was found on this machine.',
    '  Debian/Ubuntu:  sudo apt-get install chromium',
    '  Elsewhere:      CHROMIUM_PATH=/path/to/chrome npm test',
    '  Or, on a machine that can download: npx playwright install chromium',
  ].join('\n');
}
