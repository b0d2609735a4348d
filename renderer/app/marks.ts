// Performance marks for the window's speed (issue 27), read by `npm run bench -- window`
// (scripts/bench/window.ts) or a developer's DevTools "Timings" track. A user-timing mark costs
// microseconds and nothing reads them in normal use.
import { useLayoutEffect, useRef } from 'react';

export const MARK = {
  /** the renderer's entry module runs (its imports fetched, parsed and evaluated) */
  main: 'preflight:main',
  /** the shell's first frame with content painted */
  appPainted: 'preflight:app-painted',
  /** a screen's first frame painted (its code loaded and rendered) */
  screenPainted: 'preflight:screen-painted',
  /** a click that starts a system check ("Start the system check", "Run the check again"), at the input event's time */
  checkClick: 'preflight:check-click',
  /** the window asks main to scan (the check screen is loaded and shown) */
  scanRequested: 'preflight:scan-requested',
  /** the first streamed result painted */
  firstResult: 'preflight:first-result',
  /** the verdict painted */
  verdict: 'preflight:verdict',
} as const;

export function markNow(name: string, startTime?: number): void {
  performance.mark(name, startTime === undefined ? undefined : { startTime });
}

/** After the current frame is painted: a frame's rAF callbacks run just before its paint, a task queued from one runs after it. */
export function markPainted(name: string): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}

/** Marks the first result and the verdict of each scan as they reach the screen. */
export function useScanMarks(phase: string, count: number): void {
  const first = useRef(false);
  useLayoutEffect(() => {
    if (phase === 'running' && count === 0) first.current = false;
    else if (count > 0 && !first.current) {
      first.current = true;
      markPainted(MARK.firstResult);
    }
  }, [phase, count]);
  useLayoutEffect(() => {
    if (phase === 'done') markPainted(MARK.verdict);
  }, [phase]);
}
