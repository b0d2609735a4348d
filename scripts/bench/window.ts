// The window's speed (issue 27), in the browser harness: the built renderer in Chromium with the
// real handlers behind window.preflight (tests/e2e/harness.ts, as the end-to-end tests and
// `npm run dev:browser` use it). Figures come from the performance marks the renderer sets
// (renderer/app/marks.ts), each next to its goal and a baseline measured in the same run:
//  - window cold start: navigation → renderer entry evaluated → first contentful paint, against a
//    one-line page from the same server in the same browser;
//  - click on "Start the system check" → first result painted → verdict painted, cold (fresh
//    handlers and page: nothing probed yet in them) and warm (the same handlers, page reloaded), and
//    the in-page "Run the whole check again"; against the same handlers' scan called in-process.
// Builds the app first when dist/ is missing. BENCH_RUNS rounds (default 5); BENCH_TRACE=file writes
// a Chromium trace of one warm click for chrome://tracing or DevTools' Performance panel.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { attachHandlers, serveRenderer, ROOT, type Harness } from '../../tests/e2e/harness';
import { CHROMIUM, chromiumLaunchArgs } from '../../playwright.config';
import { MARK } from '../../renderer/app/marks';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PROFILE = 'mitx-sds-ml';
const GOAL = { first: 150, coldVerdict: 600, warmVerdict: 120 };

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

function buildIfNeeded() {
  if (existsSync(path.join(ROOT, 'dist/renderer/index.html'))) return;
  console.log('dist/renderer missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// (page-side code is passed as text: tsx would wrap named inner functions in a helper the page lacks)
const LAST_MARK = `(n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? null`;

/** The marks of one click, relative to the click (the latest of each name; null until set). */
async function clickMarks(page: Page): Promise<{ first: number | null; verdict: number | null }> {
  return page.evaluate(`(() => {
    const at = ${LAST_MARK};
    const click = at(${JSON.stringify(MARK.checkClick)});
    const since = (n) => (click === null || at(n) === null ? null : at(n) - click);
    return { first: since(${JSON.stringify(MARK.firstResult)}), verdict: since(${JSON.stringify(MARK.verdict)}) };
  })()`);
}

/** Clicks `button`, then waits for the verdict's mark; returns click → first result and → verdict. */
async function timeClick(page: Page, name: string) {
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name }).click();
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, MARK.verdict, { timeout: 60_000 });
  const m = await clickMarks(page);
  if (m.first === null || m.verdict === null) throw new Error(`marks missing after "${name}": ${JSON.stringify(m)}`);
  return { first: m.first, verdict: m.verdict };
}

/** navigation → entry module → app painted → first contentful paint, from the page's own timeline. */
async function startMarks(page: Page) {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, MARK.appPainted);
  return page.evaluate(`(() => {
    const at = ${LAST_MARK};
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { main: at(${JSON.stringify(MARK.main)}) ?? NaN, painted: at(${JSON.stringify(MARK.appPainted)}) ?? NaN, fcp };
  })()`) as Promise<{ main: number; painted: number; fcp: number }>;
}

async function blankFcp(browser: Browser, url: string) {
  const context = await browser.newContext();
  await context.route(`${url}/blank.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title><p>Exam Preflight</p>' }));
  const page = await context.newPage();
  await page.goto(`${url}/blank.html`);
  const fcp = (await page.evaluate(`new Promise((ok) =>
    new PerformanceObserver((l) => {
      const e = l.getEntries().find((x) => x.name === 'first-contentful-paint');
      if (e) ok(e.startTime);
    }).observe({ type: 'paint', buffered: true }))`)) as number;
  await context.close();
  return fcp;
}

interface Round {
  start: { main: number; painted: number; fcp: number };
  blank: number;
  cold: { first: number; verdict: number };
  warm: { first: number; verdict: number };
  again: { first: number; verdict: number };
  inProcess: number;
}

async function round(browser: Browser, url: string, trace: string | undefined): Promise<Round> {
  const blank = await blankFcp(browser, url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'preflight-bench-'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const clock = { offsetMs: 0, now: () => Date.now() };
  const harness: Harness = await attachHandlers(context, { dataDir, clock, appVersion: 'bench', pages: () => context.pages() });
  await harness.handlers.updateSettings({ profileId: PROFILE, language: 'en' });
  const page = await context.newPage();
  const start = 'Start the system check';
  await page.goto(`${url}/index.html#/choose`);
  const startFigures = await startMarks(page);
  await page.getByRole('button', { name: start }).waitFor();
  const cold = await timeClick(page, start);
  await page.goto(`${url}/index.html#/choose`);
  await page.reload();
  await page.getByRole('button', { name: start }).waitFor();
  if (trace)
    await browser.startTracing(page, {
      path: trace,
      screenshots: false,
      categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'],
    });
  const warm = await timeClick(page, start);
  if (trace) await browser.stopTracing();
  const again = await timeClick(page, 'Run the whole check again');
  await context.close();
  // the same handlers (probe answers kept, as the window's warm runs) without any window: the floor
  const inProcess: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await harness.handlers.runScan(PROFILE);
    inProcess.push(performance.now() - t);
  }
  await rm(dataDir, { recursive: true, force: true });
  return { start: startFigures, blank, cold, warm, again, inProcess: median(inProcess) };
}

async function main() {
  buildIfNeeded();
  const server = await serveRenderer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumLaunchArgs });
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < RUNS; i++) rounds.push(await round(browser, server.url, i === RUNS - 1 ? process.env.BENCH_TRACE : undefined));
  } finally {
    await browser.close();
    await server.close();
  }
  const col = (f: (r: Round) => number) => rounds.map(f);
  const line = (label: string, xs: number[], goal?: number, base?: number) => {
    const m = median(xs);
    const vs = base === undefined ? '' : `  ${(m / base).toFixed(2)}× the baseline`;
    const g = goal === undefined ? '' : `  (goal ≤ ${goal} ms: ${m <= goal ? 'met' : 'not met'})`;
    console.log(`  ${label.padEnd(44)} ${ms(m)}  [${range(xs)}]${g}${vs}`);
  };
  const scan = median(col((r) => r.inProcess));
  console.log(`window (browser harness, ${CHROMIUM}; medians of ${RUNS} rounds, [range])`);
  console.log('cold start (a fresh page)');
  line(
    'navigation → renderer entry evaluated',
    col((r) => r.start.main),
  );
  line(
    'navigation → first contentful paint',
    col((r) => r.start.fcp),
    undefined,
    median(col((r) => r.blank)),
  );
  line(
    'navigation → shell painted (mark)',
    col((r) => r.start.painted),
  );
  line(
    'baseline: a one-line page, first paint',
    col((r) => r.blank),
  );
  console.log(`click → result (baseline: the same scan in-process, ${ms(scan).trim()})`);
  line(
    'cold: click → first result',
    col((r) => r.cold.first),
    GOAL.first,
  );
  line(
    'cold: click → verdict',
    col((r) => r.cold.verdict),
    GOAL.coldVerdict,
    scan,
  );
  line(
    'warm: click → first result',
    col((r) => r.warm.first),
    GOAL.first,
  );
  line(
    'warm: click → verdict',
    col((r) => r.warm.verdict),
    GOAL.warmVerdict,
    scan,
  );
  line(
    '"Run the whole check again" → verdict',
    col((r) => r.again.verdict),
    GOAL.warmVerdict,
    scan,
  );
  line(
    'baseline: in-process scan (warm handlers)',
    col((r) => r.inProcess),
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
