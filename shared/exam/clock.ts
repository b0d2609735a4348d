// The mock exam's own clock. A section's deadline is held against a monotonic clock saved with the
// attempt, not against the wall clock alone: setting the computer's clock back (or forward) while a
// section runs neither adds nor takes time, and the learner is told the clock jumped.
//
// What is trusted, and when:
// - within one run of the app, the monotonic clock (it never jumps; `run` tells runs apart);
// - across a restart or a reboot the monotonic clock starts again, so only the wall clock can say
//   how long the app was closed. Time forward counts (the exam's clock does not stop when the app
//   is closed, as a real exam's does not); time BACKWARDS cannot be real: the closed time counts as
//   nothing and the jump is recorded. The mark is saved on every call, so a crash loses at most the
//   time since the last one.
import { z } from 'zod';

/** The last moment the attempt's clock was read: its own time, and both clocks then. */
export const ClockMarkSchema = z
  .object({
    /** the attempt's time (ms; starts equal to the wall clock) */
    at: z.number(),
    wall: z.number(),
    mono: z.number(),
    /** which run of the app read `mono` (a monotonic clock only compares within one run) */
    run: z.string().max(64),
  })
  .strict();
export type ClockMark = z.infer<typeof ClockMarkSchema>;

export const ClockJumpSchema = z.object({ at: z.number(), byMs: z.number() }).strict();
export type ClockJump = z.infer<typeof ClockJumpSchema>;
/** an attempt keeps at most this many jumps (the newest) */
export const MAX_CLOCK_JUMPS = 20;

export interface ClockReading {
  wall: number;
  mono: number;
  run: string;
}

/** Wall and monotonic clocks drift apart by milliseconds (NTP slews); a minute is a jump. */
export const JUMP_TOLERANCE_MS = 60_000;

export interface ExamTime {
  /** the attempt's time now */
  now: number;
  /** how far the wall clock jumped since the mark (negative: back), or null */
  jumpMs: number | null;
  mark: ClockMark;
}

export function examTime(mark: ClockMark | undefined, r: ClockReading): ExamTime {
  const at = (now: number): ClockMark => ({ at: now, wall: r.wall, mono: r.mono, run: r.run });
  if (!mark) return { now: r.wall, jumpMs: null, mark: at(r.wall) };
  if (mark.run === r.run) {
    const elapsed = Math.max(0, r.mono - mark.mono);
    const drift = r.wall - mark.wall - elapsed;
    const now = mark.at + elapsed;
    return { now, jumpMs: Math.abs(drift) > JUMP_TOLERANCE_MS ? drift : null, mark: at(now) };
  }
  const gap = r.wall - mark.wall;
  const now = mark.at + Math.max(0, gap);
  return { now, jumpMs: gap < -JUMP_TOLERANCE_MS ? gap : null, mark: at(now) };
}

/** The jumps list with a new one added (newest last, bounded). */
export function withJump(jumps: readonly ClockJump[] | undefined, jump: ClockJump): ClockJump[] {
  return [...(jumps ?? []), jump].slice(-MAX_CLOCK_JUMPS);
}
