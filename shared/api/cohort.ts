// Cohort part of the renderer <-> main contract: the report viewer's dashboard of many reports.
// The renderer reads the files the user picked (a folder or several files) and sends their TEXT in
// batches; main opens and judges each (the same code as `exam-preflight summarize`), keeps only the
// aggregates, and hands back the summary. Nothing is kept once the summary is taken.
import type { CohortSummary } from '../cohort/summary';

/** One picked file. `text` is null when the file was over the size cap and so was not read. */
export interface CohortFileText {
  name: string;
  size: number;
  text: string | null;
}

export interface CohortApi {
  /** starts a cohort; profileId null: each report counts with the verdict it was made with */
  startCohort(profileId: string | null): Promise<{ ok: true; id: string } | { ok: false; unknownProfile: string }>;
  /** a batch of files (at most 200, a few MB); returns the running counts */
  addToCohort(id: string, files: CohortFileText[]): Promise<{ reports: number; skipped: number }>;
  /** the summary; the cohort is forgotten afterwards */
  finishCohort(id: string): Promise<CohortSummary>;
}

export const cohortInvoke = {
  startCohort: 'preflight:start-cohort',
  addToCohort: 'preflight:add-to-cohort',
  finishCohort: 'preflight:finish-cohort',
} as const;

export const cohortEvents = {} as const;
