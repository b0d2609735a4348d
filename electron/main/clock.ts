// The main process's clock for deadlines (the mock exam): wall time at start-up, then advanced by a
// monotonic counter. A learner who sets the system clock back 24 h during a section gains nothing
// while the app runs; across a restart the stored deadline is wall time again, and the engine caps
// the remaining time at the section's limit (shared/exam/attempt.ts remainingMs).
export function monotonicClock(wallNow: () => number = Date.now, monoNow: () => number = () => performance.now()): () => number {
  const wall0 = wallNow();
  const mono0 = monoNow();
  return () => Math.round(wall0 + (monoNow() - mono0));
}
