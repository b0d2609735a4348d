// What `summarize` shows on a terminal while it reads (through electron/cli/progress.ts's one
// progress line): files read of the total and the seconds left, once the total is known (a second
// walk counts the entries, without reading any, while the first one reads); until then, files read.
/** the one progress line (electron/cli/progress.ts createProgress) */
export interface ProgressLine {
  update(text: string): void;
}

export interface CohortProgress {
  /** files handled so far (summarizeFiles' onProgress) */
  read(files: number): void;
  /** the total, when the counting walk has it */
  total(files: number): void;
}

export function cohortProgress(
  line: ProgressLine,
  t: (key: string, o: Record<string, unknown>) => string,
  now: () => number = () => performance.now(),
): CohortProgress {
  const started = now();
  let total: number | null = null;
  let done = 0;
  const show = () => {
    if (total === null) return line.update(t('cohort:cli.progressCounting', { done }));
    const elapsed = now() - started;
    // the rate so far stands for the rest (nothing is said until there is one to go by)
    const seconds = done > 0 ? Math.ceil(((elapsed / done) * Math.max(0, total - done)) / 1000) : null;
    line.update(seconds === null ? t('cohort:cli.progressCounting', { done }) : t('cohort:cli.progress', { done, total: Math.max(total, done), seconds }));
  };
  return {
    read(files) {
      done = files;
      show();
    },
    total(files) {
      total = files;
      show();
    },
  };
}
