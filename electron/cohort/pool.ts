// The worker threads of `summarize`: batches of files (in walk order) are counted on up to `workers`
// threads (worker.ts), and their partial aggregates handed on in walk order, whatever order they
// finish in, so the merge gives what one thread would have counted.
// Memory stays flat however many files there are: at most two batches per thread are out at once
// (one being counted, one waiting so the thread never idles), and a thread holds one file's text at
// a time. A thread that fails (it could not start, or died) never fails the run: its batches are
// counted here, on the main thread, by the same code.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile } from '../../shared/profile/schema';
import { emptyPartial } from '../../shared/cohort/accumulator';
import { countBatch, type BatchJob, type BatchResult, type WorkerSetup } from './batch';
import type { Found } from './read-file';

export interface PoolOptions {
  /** threads at most (started one by one as batches come, so a short list starts few) */
  workers: number;
  profile: Profile | null;
  wantReports: boolean;
}

/** set by the CLI bundle's banner (scripts/cli-bundle.mjs) to the chunk's import.meta.url */
declare const __epModuleUrl: string | undefined;

/**
 * This module's URL, without the `import.meta` syntax: Playwright loads the sources (an e2e spec
 * imports the cohort reader) as CommonJS, where `import.meta` does not parse. In the CLI bundle the
 * banner names it; from the sources (vitest, tsx, Playwright) __filename does.
 */
function moduleUrl(): string | undefined {
  if (typeof __epModuleUrl === 'string') return __epModuleUrl;
  return typeof __filename === 'string' ? pathToFileURL(__filename).href : undefined;
}

/**
 * Where a thread starts from: from the CLI bundle (dist/cli/*.mjs) the worker is its own entry point,
 * next to the chunks; from the TypeScript sources (vitest, tsx) it is compiled on load by tsx's
 * require hook, as the tests are. The Electron main bundle is CommonJS, with no module URL and no
 * worker entry: there the cohort is read on the main thread (null).
 */
export function workerEntry(): ((setup: WorkerSetup) => Worker) | null {
  const here = moduleUrl();
  if (typeof here !== 'string') return null;
  if (here.endsWith('.mjs')) return (setup) => new Worker(new URL('./cohort-worker.mjs', here), { workerData: setup });
  if (!here.endsWith('.ts')) return null;
  const entry = fileURLToPath(new URL('./worker.ts', here));
  return (setup) => {
    const tsx = createRequire(here).resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData: setup });
  };
}

interface Thread {
  worker: Worker;
  waiting: Map<number, { ok: (r: BatchResult) => void; no: (e: unknown) => void }>;
  broken: boolean;
}

export async function* countOnWorkers(
  batches: AsyncIterable<Found[]>,
  o: PoolOptions & { startThread: (setup: WorkerSetup) => Worker },
): AsyncGenerator<BatchResult> {
  const threads: Thread[] = [];
  let closing = false;
  let ids = 0;

  const start = (): Thread => {
    const t: Thread = { worker: o.startThread({ cohortWorker: true, profile: o.profile }), waiting: new Map(), broken: false };
    const fail = (err: unknown) => {
      t.broken = true;
      for (const w of t.waiting.values()) w.no(err);
      t.waiting.clear();
    };
    t.worker.on('message', (r: BatchResult) => {
      const w = t.waiting.get(r.id);
      t.waiting.delete(r.id);
      w?.ok(r);
    });
    t.worker.on('error', fail);
    t.worker.on('exit', (code) => fail(new Error(`cohort worker exited (${code})`)));
    return t;
  };

  const send = (items: Found[]): Promise<BatchResult> => {
    const job: BatchJob = { id: ids++, items, wantReports: o.wantReports };
    const live = threads.filter((t) => !t.broken);
    // a new thread only while every live one is busy: a short list never pays for threads it cannot use
    if (threads.length < o.workers && live.every((t) => t.waiting.size > 0)) {
      const t = start();
      threads.push(t);
      live.push(t);
    }
    const t = live.sort((a, b) => a.waiting.size - b.waiting.size)[0];
    if (!t) return countBatch(job, o.profile);
    return new Promise<BatchResult>((ok, no) => {
      t.waiting.set(job.id, { ok, no });
      t.worker.postMessage(job);
      // once the run is over (the threads are being stopped) nobody waits for the batch any more
    }).catch(() => (closing ? { id: job.id, partial: emptyPartial(null), reports: null, threadId: -1 } : countBatch(job, o.profile)));
  };

  try {
    const queue: Array<Promise<BatchResult>> = [];
    for await (const batch of batches) {
      queue.push(send(batch));
      if (queue.length >= o.workers * 2) yield await queue.shift()!;
    }
    while (queue.length) yield await queue.shift()!;
  } finally {
    closing = true;
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
