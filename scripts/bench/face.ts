// Face detection speed per frame in Chromium without a GPU (--disable-gpu), as the camera screen
// runs it: the built worker (dist/renderer), the app's CSP, the model and wasm served by the app.
// Baseline in the same run: the same detector on tfjs's plain CPU backend (what the app falls back
// to where WebAssembly cannot compile), on the common case only (it is 20× slower). Input: 640×480
// frames (what the screen sends) of the e2e scenes: a face in view (one look per frame), and the
// frames that need the second look (a face far away, a face cut by the edge, nobody there): those
// take it on one frame in three and hold its answer on the two after, so a scene's frames go
// two looks, one, one. The mean is printed beside the median: the average cost, not only the middle. Target: median ≤ 150 ms per frame on the wasm backend over
// all of them. Run `npm run build` first. BENCH_FACE_TIMES=1 prints each scene's frame times in order.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serveRenderer, RENDERER_DIR } from '../../tests/e2e/harness';
import { sceneFrame, type SceneName } from '../../tests/e2e/camera-scenes';
import { CHROMIUM, chromiumLaunchArgs } from '../../playwright.config';
import { sampleFrame } from '../../renderer/media/face';
import type { FaceBox } from '../../shared/devices/measurements';

const FRAMES = Number(process.env.BENCH_FACE_FRAMES ?? 15);
const TARGET_MS = 150;
const W = 640;
const H = 480;
/** the common case first (one look), then the scenes that take the second look */
const SCENES = (process.env.BENCH_FACE_SCENES?.split(',') ?? ['one-face', 'far', 'far-hopper', 'cut-left', 'cut-right', 'no-face']) as SceneName[];

const worker = readdirSync(path.join(RENDERER_DIR, 'assets')).find((f) => /^face-worker-.*\.js$/.test(f));
if (!worker || !existsSync(path.join(RENDERER_DIR, 'face'))) {
  console.error('dist/renderer has no face worker or model: run "npm run build" first');
  process.exit(2);
}

interface Run {
  backend: string;
  loadMs: number;
  times: number[];
  faces: FaceBox[];
  /** faces found in each frame: a held frame counts what it held, so the vote sees every frame */
  counts: number[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main(): Promise<void> {
  const server = await serveRenderer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumLaunchArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    // in-page code as text: tsx's transform would add helpers (__name) that the page does not have
    const IN_PAGE = `async ({ url, backend, frames, pixels, width, height }) => {
    const w = new Worker(url, { type: 'module' });
    let m = new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); });
    w.postMessage({ type: 'load', baseUrl: new URL('face/', document.baseURI).href, backend });
    const ready = await m;
    if (ready.type !== 'ready') throw new Error(String(ready.message));
    const bytes = Uint8Array.from(atob(pixels), (c) => c.charCodeAt(0));
    const times = [];
    const counts = [];
    let faces = [];
    for (let i = 0; i < frames; i++) {
      const buf = new Uint8Array(bytes).buffer;
      m = new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); });
      const t0 = performance.now();
      w.postMessage({ type: 'detect', id: i, width, height, pixels: buf }, [buf]);
      const r = await m;
      if (r.type !== 'faces') throw new Error(String(r.message));
      times.push(performance.now() - t0); // round trip as the screen sees it: transfer + detection
      faces = r.faces;
      counts.push(r.faces.length);
    }
    w.terminate();
    return { backend: String(ready.backend), loadMs: Number(ready.loadMs), times, faces, counts };
  }`;
    const run = (backend: 'wasm' | 'cpu', pixels: Buffer, frames: number) =>
      page.evaluate(
        `(${IN_PAGE})(${JSON.stringify({ url: `${server.url}/assets/${worker}`, backend, frames, pixels: pixels.toString('base64'), width: W, height: H })})`,
      ) as Promise<Run>;

    const all: number[] = [];
    let backend = '';
    for (const scene of SCENES) {
      const pixels = sceneFrame(scene);
      const r = await run('wasm', pixels, FRAMES);
      backend = r.backend;
      all.push(...r.times);
      if (process.env.BENCH_FACE_TIMES) console.log(r.times.map((t) => t.toFixed(0)).join(' '));
      const s = sampleFrame(pixels, W, H, r.faces);
      const light = s.faceLight
        ? `, face light ${Math.round(s.faceLuma ?? 0)} (halves ${Math.round(s.faceLight.left)}/${Math.round(s.faceLight.right)}, clipped ${Math.round(s.faceLight.clipped * 100)} %)`
        : '';
      const found = r.faces.map((f) => `${Math.round(f.width * 100)} % wide at x ${Math.round(f.x * 100)} %`).join('; ') || 'none';
      const withFace = r.counts.filter((n) => n > 0).length;
      console.log(
        `face detection  ${r.backend.padEnd(5)} ${scene.padEnd(9)} median ${median(r.times).toFixed(0).padStart(5)} ms per frame (a face in ${withFace} of ${r.counts.length} frames; last: ${found}${light})`,
      );
    }
    const wasm = median(all);
    const cpu = await run('cpu', sceneFrame(SCENES[0]!), Math.min(FRAMES, 5));
    const cpuMedian = median(cpu.times);
    console.log(
      `face detection  ${backend.padEnd(5)} all scenes median ${wasm.toFixed(0)} ms per frame (mean ${mean(all).toFixed(0)}) over ${all.length} frames`,
    );
    console.log(`face detection  ${cpu.backend.padEnd(5)} ${SCENES[0]} median ${cpuMedian.toFixed(0)} ms per frame (model load ${cpu.loadMs} ms)`);
    console.log(`wasm is ${(cpuMedian / wasm).toFixed(1)}× faster than the CPU backend; target ≤ ${TARGET_MS} ms: ${wasm <= TARGET_MS ? 'met' : 'NOT met'}`);
    if (backend !== 'wasm') console.log('note: the wasm backend did not start; the figures are the CPU backend');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
