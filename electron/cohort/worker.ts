// The entry of a worker thread of `summarize` (pool.ts): counts the batches it is sent (batch.ts)
// and posts each partial back. Nothing else imports this file: it starts listening when loaded.
// Runs from the bundle as dist/cli/cohort-worker.mjs (scripts/build-node.mjs), and from the sources
// through tsx's require hook (tests, benches).
import { parentPort, workerData } from 'node:worker_threads';
import { countBatch, type BatchJob, type WorkerSetup } from './batch';

if (parentPort && (workerData as WorkerSetup | null)?.cohortWorker) {
  const port = parentPort;
  const { profile } = workerData as WorkerSetup;
  // batches are counted one after another in the order they came (the pool sends a second one ahead
  // so this thread never waits for the next), never interleaved
  let chain = Promise.resolve();
  port.on('message', (job: BatchJob) => {
    chain = chain.then(async () => port.postMessage(await countBatch(job, profile)));
  });
}
