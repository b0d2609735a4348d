// A batch of a cohort's files, in walk order, counted by a worker thread of `summarize` (worker.ts,
// pool.ts): each file read through the guarded reader, opened with the viewer's code (re-judged
// against the exam when one was named) and counted into a partial aggregate of the batch, uncapped,
// which the main thread merges in walk order. One file at a time, so a batch holds at most one
// file's text. The reports themselves go back only when the row formats need them.
import { threadId } from 'node:worker_threads';
import type { Profile } from '../../shared/profile/schema';
import { addReport, addSkip, emptyPartial, type CohortPartial, type CohortReport } from '../../shared/cohort/accumulator';
import { readFound, type Found } from './read-file';

export interface BatchJob {
  id: number;
  items: Found[];
  /** hand back each counted report, in order (the row formats write them) */
  wantReports: boolean;
}

export interface BatchResult {
  id: number;
  partial: CohortPartial;
  reports: Array<[file: string, report: CohortReport]> | null;
  /** the thread that counted it (worker_threads.threadId; 0 is the main thread) */
  threadId: number;
}

export interface WorkerSetup {
  /** marks a thread started by the pool (a thread that loads this file for any other reason stays quiet) */
  cohortWorker: true;
  profile: Profile | null;
}

/** A batch counted on this thread (also what the main thread does with a batch a worker could not finish). */
export async function countBatch(job: BatchJob, profile: Profile | null): Promise<BatchResult> {
  const partial = emptyPartial(null);
  const reports: BatchResult['reports'] = job.wantReports ? [] : null;
  for (const found of job.items) {
    const r = await readFound(found, profile);
    if (r.ok) {
      addReport(partial, found.file, r.report);
      reports?.push([found.file, r.report]);
    } else addSkip(partial, found.file, r.kind, r.message);
  }
  return { id: job.id, partial, reports, threadId };
}
