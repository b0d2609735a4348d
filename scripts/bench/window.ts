// The window's speed (issue 27), in the browser harness: the built renderer in Chromium with the
// real handlers behind window.preflight (tests/e2e/harness.ts, as the end-to-end tests and
// `npm run dev:browser` use it). Figures come from the performance marks the renderer sets
// (renderer/app/marks.ts), each next to its goal and a baseline measured in the same run:
//  - window cold start: navigation → renderer entry evaluated → first contentful paint, against a
//    one-line page from the same server in the same browser;
//  - click on "Start the system check" → first result painted → verdict painted, cold (fresh
//    handlers and page: nothing probed yet in them) and warm (the same handlers, page reloaded), and
//    the in-page "Run the whole check again"; against the same handlers' scan called in-process.
//    Each click is split: click → scan requested (route, screen loaded and shown), the handler's own
//    scan, and what is left for the window (messages, store, rendering) — the part this code owns.
// Builds the app first when dist/ is missing. BENCH_RUNS rounds (default 5); BENCH_TRACE=file writes
// a Chromium trace of the last round's warm click (chrome://tracing, DevTools' Performance panel);
// BENCH_PROFILE=file.cpuprofile a CPU profile of the page during it (DevTools, speedscope).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { attachHandlers, serveRenderer, ROOT, type Harness } from '../../tests/e2e/harness';
import { CHROMIUM, chromiumLaunchArgs } from '../../playwright.config';
import { MARK } from '../../renderer/app/marks';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PROFILE = 'mitx-sds-ml';
const START = 'Start the system check';
const AGAIN = 'Run the whole check again';
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

// Page-side code is passed as text: tsx would wrap named inner functions in a helper the page lacks.
const LAST_MARK = `(n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? null`;
const waitForMark = (page: Page, name: string) => page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout: 60_000 });

interface Click {
  /** click → the window asks main to scan (route change, check screen loaded and rendered) */
  requested: number;
  first: number;
  verdict: number;
  /** how long the handler's scan took during this click (what the window waits on main for) */
  scan: number;
}

/** Clicks the button named `name`, waits for the verdict's mark, and returns the marks relative to the click. */
async function timeClick(page: Page, harness: Harness, name: string): Promise<Click> {
  await page.evaluate('performance.clearMarks()');
  const handlers = harness.handlers;
  const runScan = handlers.runScan;
  let scan = NaN;
  handlers.runScan = async (...args) => {
    const t = performance.now();
    try {
      return await runScan(...args);
    } finally {
      scan = performance.now() - t;
    }
  };
  try {
    await page.getByRole('button', { name }).click();
    await waitForMark(page, MARK.verdict);
  } finally {
    handlers.runScan = runScan;
  }
  const m = (await page.evaluate(`(() => {
    const at = ${LAST_MARK};
    const click = at(${JSON.stringify(MARK.checkClick)});
    const since = (n) => (click === null || at(n) === null ? null : at(n) - click);
    return { requested: since(${JSON.stringify(MARK.scanRequested)}), first: since(${JSON.stringify(MARK.firstResult)}), verdict: since(${JSON.stringify(MARK.verdict)}) };
  })()`)) as Record<'requested' | 'first' | 'verdict', number | null>;
  if (m.requested === null || m.first === null || m.verdict === null) throw new Error(`marks missing after "${name}": ${JSON.stringify(m)}`);
  return { requested: m.requested, first: m.first, verdict: m.verdict, scan };
}

/** Resolves with the page's first contentful paint (waits for it when it has not happened yet). */
const FCP = `new Promise((ok) =>
  new PerformanceObserver((l) => {
    const e = l.getEntries().find((x) => x.name === 'first-contentful-paint');
    if (e) ok(e.startTime);
  }).observe({ type: 'paint', buffered: true }))`;

/** navigation → entry module → shell painted → first screen painted, and the first contentful paint, from the page's own timeline. */
async function startMarks(page: Page) {
  await waitForMark(page, MARK.appPainted);
  const fcp = (await page.evaluate(FCP)) as number;
  const at = (n: string) => page.evaluate(`(${LAST_MARK})(${JSON.stringify(n)})`) as Promise<number>;
  await waitForMark(page, MARK.screenPainted);
  const screen = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(MARK.screenPainted)}, 'mark')[0].startTime`)) as number;
  return { main: await at(MARK.main), painted: await at(MARK.appPainted), fcp, screen };
}

async function blankFcp(browser: Browser, url: string) {
  const context = await browser.newContext();
  await context.route(`${url}/blank.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title><p>Exam Preflight</p>' }));
  const page = await context.newPage();
  await page.goto(`${url}/blank.html`);
  const fcp = (await page.evaluate(FCP)) as number;
  await context.close();
  return fcp;
}

interface Round {
  start: { main: number; painted: number; fcp: number; screen: number };
  blank: number;
  cold: Click;
  warm: Click;
  again: Click;
  inProcess: number;
}

async function round(browser: Browser, url: string, last: boolean): Promise<Round> {
  const trace = last ? process.env.BENCH_TRACE : undefined;
  const profile = last ? process.env.BENCH_PROFILE : undefined;
  const blank = await blankFcp(browser, url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'preflight-bench-'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const clock = { offsetMs: 0, now: () => Date.now() };
  const harness: Harness = await attachHandlers(context, { dataDir, clock, appVersion: 'bench', pages: () => context.pages() });
  await harness.handlers.updateSettings({ profileId: PROFILE, language: 'en' });
  const page = await context.newPage();
  await page.goto(`${url}/index.html#/choose`);
  const start = await startMarks(page);
  const cold = await timeClick(page, harness, START);
  // warm: the same handlers (probe answers kept), a reloaded page
  await page.goto(`${url}/index.html#/choose`);
  await page.reload();
  await page.getByRole('button', { name: START }).waitFor();
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) for (const step of ['Profiler.enable', 'Profiler.start'] as const) await cdp.send(step);
  const categories = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'];
  if (trace) await browser.startTracing(page, { path: trace, categories });
  const warm = await timeClick(page, harness, START);
  if (trace) await browser.stopTracing();
  if (cdp) await writeFile(profile!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const again = await timeClick(page, harness, AGAIN);
  await context.close();
  // the same handlers without any window: the floor under the window's figures
  const inProcess: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await harness.handlers.runScan(PROFILE);
    inProcess.push(performance.now() - t);
  }
  await rm(dataDir, { recursive: true, force: true });
  return { start, blank, cold, warm, again, inProcess: median(inProcess) };
}

function print(rounds: Round[]) {
  const col = (f: (r: Round) => number) => rounds.map(f);
  const line = (label: string, xs: number[], goal?: number, base?: number) => {
    const m = median(xs);
    const g = goal === undefined ? '' : `  (goal ≤ ${goal} ms: ${m <= goal ? 'met' : 'not met'})`;
    const vs = base === undefined ? '' : `  ${(m / base).toFixed(2)}× the baseline`;
    console.log(`  ${label.padEnd(46)} ${ms(m)}  [${range(xs)}]${g}${vs}`);
  };
  const scan = median(col((r) => r.inProcess));
  console.log(`window (browser harness, ${CHROMIUM}; medians of ${rounds.length} rounds, [range])`);
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
    'navigation → first screen painted',
    col((r) => r.start.screen),
  );
  line(
    'baseline: a one-line page, first paint',
    col((r) => r.blank),
  );
  const clicks = [
    [`cold: fresh handlers and page, "${START}"`, (r: Round) => r.cold, GOAL.coldVerdict],
    [`warm: page reloaded, "${START}"`, (r: Round) => r.warm, GOAL.warmVerdict],
    [`warm: "${AGAIN}"`, (r: Round) => r.again, GOAL.warmVerdict],
  ] as const;
  for (const [title, pick, goal] of clicks) {
    console.log(title);
    line(
      'click → scan requested (screen shown)',
      col((r) => pick(r).requested),
    );
    line(
      'click → first result',
      col((r) => pick(r).first),
      GOAL.first,
    );
    line(
      'click → verdict',
      col((r) => pick(r).verdict),
      goal,
      scan,
    );
    line(
      "  the handler's scan during it",
      col((r) => pick(r).scan),
    );
    line(
      '  the window: verdict − requested − scan',
      col((r) => pick(r).verdict - pick(r).requested - pick(r).scan),
    );
  }
  line(
    "baseline: the same handlers' scan, no window",
    col((r) => r.inProcess),
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

async function main() {
  buildIfNeeded();
  const server = await serveRenderer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumLaunchArgs });
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < RUNS; i++) rounds.push(await round(browser, server.url, i === RUNS - 1));
  } finally {
    await browser.close();
    await server.close();
  }
  print(rounds);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
