// `npm run dev:browser`: the renderer from its sources on a Vite dev server (hot reload: an edited
// screen updates in place), with the real main-process handlers behind window.preflight
// (scripts/dev-bridge.ts), opened in Chromium. Nothing is built first. For the built renderer as
// the end-to-end tests see it, scripts/browser-harness.ts (`npm run dev:browser:built`).
//   npm run dev:browser                         (data kept in ./.harness-data)
//   npm run dev:browser -- --no-open            serve only; open the printed address yourself
//   npm run dev:browser -- --fake-media --port 5173
// Without a display (Linux, no DISPLAY / WAYLAND_DISPLAY) no window can open: one line says to run
// it under xvfb-run, and the server keeps serving for a browser elsewhere on this machine.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { devBridge } from './dev-bridge';

const ROOT = path.resolve(__dirname, '..');

export interface DevServer {
  url: string;
  server: ViteDevServer;
  /** this run's call token (for the test) */
  token: string;
  close: () => Promise<void>;
}

/** Starts the dev server on 127.0.0.1 (port 0: any free port). */
export async function startDevServer(opts: { dataDir: string; port?: number; watch?: boolean }): Promise<DevServer> {
  await mkdir(opts.dataDir, { recursive: true });
  const bridge = devBridge({ dataDir: opts.dataDir });
  const server = await createServer({
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: path.join(ROOT, 'renderer'),
    plugins: [bridge.plugin],
    // Vite puts this nonce on its own scripts and styles; the page's CSP (devCsp) allows it
    html: { cspNonce: bridge.nonce },
    server: { host: '127.0.0.1', port: opts.port ?? 5173, strictPort: false, watch: opts.watch === false ? null : {} },
    clearScreen: false,
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('the dev server has no address');
  return { url: `http://127.0.0.1:${address.port}`, server, token: bridge.token, close: () => server.close() };
}

/** Whether a window can open here: Linux needs an X or Wayland display; other systems always have one. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function main() {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`--port needs a port number (0 for any free one), not ${JSON.stringify(args[portAt + 1] ?? '')}`);
    process.exit(2);
  }
  const dataDir = path.join(ROOT, '.harness-data');
  const dev = await startDevServer({ dataDir, port });
  const page = `${dev.url}/index.html#/choose`;
  console.log(`Exam Preflight dev server (hot reload) at ${page} — data in ${dataDir}. Ctrl-C stops it.`);
  if (args.includes('--no-open')) return;
  if (!hasDisplay()) {
    console.log(`No display for a window: run it as "xvfb-run npm run dev:browser", or open ${page} in a browser yourself.`);
    return;
  }
  // the same Chromium and flags as the end-to-end tests (scripts/find-chromium.ts via playwright.config)
  const [{ chromium }, { CHROMIUM, FAKE_MEDIA, chromiumLaunchArgs }] = await Promise.all([import('@playwright/test'), import('../playwright.config')]);
  const fake = args.includes('--fake-media') ? FAKE_MEDIA : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: [...chromiumLaunchArgs, ...fake] });
  const context = await browser.newContext({ viewport: null });
  await (await context.newPage()).goto(page);
  // closing the window ends the dev loop
  browser.on('disconnected', () => void dev.close().then(() => process.exit(0)));
}

// started as a script (tsx scripts/dev-browser.ts), not imported by the test
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
