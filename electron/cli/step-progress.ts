// What the progress line (progress.ts) says during `check`'s two long steps: the inspection (areas
// done of all, and which area it still waits for: on a busy machine that is the slow one) and the
// network test (its phase and the seconds left of its budget). The line is redrawn as each area
// lands or phase starts, and once a second so the seconds move while one slow area holds it up.
// The words are pure functions of the state (tested alone); the trackers only feed them.
import type { i18n as I18n } from 'i18next';
import type { FactArea } from '../../shared/facts';
import type { NetworkPhase } from '../../shared/network/result';
import { createProgress, type ProgressStream } from './progress';

const TICK_MS = 1000;

/** "Checking this computer: 7 of 10 areas, 12 s · waiting for the installed software and 1 more" */
export function inspectionText(i18n: I18n, s: { done: number; total: number; waiting: readonly FactArea[]; seconds: number }): string {
  const head = i18n.t('cli:progress.areas', { done: s.done, total: s.total, seconds: s.seconds });
  if (!s.waiting.length) return head;
  const area = i18n.t(`checks:common.area.${s.waiting[0]}`);
  const waiting = s.waiting.length === 1 ? i18n.t('cli:progress.waiting', { area }) : i18n.t('cli:progress.waitingMore', { area, count: s.waiting.length - 1 });
  return `${head} · ${waiting}`;
}

/** "Measuring the network: download speed · 18 s left" */
export function networkText(i18n: I18n, s: { phase: NetworkPhase; secondsLeft: number }): string {
  return i18n.t('cli:progress.network', { phase: i18n.t(`network:screen.phase.${s.phase}`), seconds: Math.max(0, s.secondsLeft) });
}

interface Clock {
  /** monotonic milliseconds */
  now?: () => number;
  /** calls `draw` once a second until the returned stop is called (tests pass one that never does) */
  ticker?: (draw: () => void) => () => void;
}

const everySecond = (draw: () => void) => {
  const timer = setInterval(draw, TICK_MS);
  // the line must never keep the command alive
  timer.unref?.();
  return () => clearInterval(timer);
};

/** Follows the inspection of `areas`; `landed` as each one's facts arrive, `stop` when it is over. */
export function trackInspection(stderr: ProgressStream, i18n: I18n, areas: readonly FactArea[], o: { quiet?: boolean } & Clock = {}) {
  const now = o.now ?? (() => performance.now());
  const progress = createProgress(stderr, { quiet: o.quiet, now });
  const t0 = now();
  const pending = new Set(areas);
  const draw = () =>
    progress.update(
      inspectionText(i18n, { done: areas.length - pending.size, total: areas.length, waiting: [...pending], seconds: Math.floor((now() - t0) / 1000) }),
    );
  draw();
  const stopTicking = (o.ticker ?? everySecond)(draw);
  return {
    landed(area: FactArea) {
      pending.delete(area);
      draw();
    },
    stop() {
      stopTicking();
      progress.done();
    },
  };
}

/** Follows a network test whose budget is `totalMs`; `phase` as each phase starts, `stop` at the end. */
export function trackNetwork(stderr: ProgressStream, i18n: I18n, totalMs: number, o: { quiet?: boolean } & Clock = {}) {
  const now = o.now ?? (() => performance.now());
  const progress = createProgress(stderr, { quiet: o.quiet, now });
  const t0 = now();
  let phase: NetworkPhase = 'services';
  const draw = () => progress.update(networkText(i18n, { phase, secondsLeft: Math.ceil((totalMs - (now() - t0)) / 1000) }));
  draw();
  const stopTicking = (o.ticker ?? everySecond)(draw);
  return {
    phase(p: NetworkPhase) {
      if (p === phase) return;
      phase = p;
      draw();
    },
    stop() {
      stopTicking();
      progress.done();
    },
  };
}
