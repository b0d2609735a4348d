// The main process's clocks. monotonicClock: wall time at start-up, then advanced by a monotonic
// counter (handler timestamps). clockReading: both clocks read together with this run's id, for the
// mock exam's own clock (shared/exam/clock.ts), which holds a section's end against the monotonic
// clock saved with the attempt and notices when the wall clock jumps.
import { randomUUID } from 'node:crypto';
import type { ClockReading } from '../../shared/exam/clock';
export function monotonicClock(wallNow: () => number = Date.now, monoNow: () => number = () => performance.now()): () => number {
  const wall0 = wallNow();
  const mono0 = monoNow();
  return () => Math.round(wall0 + (monoNow() - mono0));
}

/** Reads the wall and monotonic clocks; `run` names this process (its monotonic clock's origin). */
export function clockReading(
  wallNow: () => number = Date.now,
  monoNow: () => number = () => performance.now(),
  run = `app-${randomUUID()}`,
): () => ClockReading {
  return () => ({ wall: wallNow(), mono: monoNow(), run });
}
