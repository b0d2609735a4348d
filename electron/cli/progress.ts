// One progress line on stderr for the long steps of the headless command (the first check on a
// busy machine, summarize over thousands of files, the network test). Only a person watching a
// terminal sees it: nothing is written when stderr is not a TTY (scripts, CI logs, pipes) or with
// --quiet, so stdout and the exit code are the same either way. The line is redrawn in place at
// most every 100 ms and erased when the step ends, so the output that follows starts clean.
import stringWidth from 'string-width';
import { terminalSafe } from '../../shared/report/safe-text';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** shows this text as the current state (values from files are made safe here) */
  update(text: string): void;
  /** erases the line; later updates are ignored */
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };
/** redraws closer together than this are skipped: a terminal cannot show them and they cost time */
const MIN_INTERVAL_MS = 100;

export function createProgress(stderr: ProgressStream, o: { quiet?: boolean; now?: () => number } = {}): Progress {
  if (o.quiet || !stderr.isTTY) return SILENT;
  const now = o.now ?? (() => performance.now());
  let last = -Infinity;
  let shown = false;
  let ended = false;
  return {
    update(text) {
      if (ended) return;
      const t = now();
      if (t - last < MIN_INTERVAL_MS) return;
      last = t;
      // one line, never wider than the terminal (a wrapped line could not be redrawn in place)
      const width = Math.max(10, (stderr.columns ?? 80) - 1);
      const line = fitWidth(terminalSafe(text).replace(/\s+/g, ' '), width);
      stderr.write(`\r\x1b[K${line}`);
      shown = true;
    },
    done() {
      if (ended) return;
      ended = true;
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}

/** room at the end of a cut line in which a cut goes back to the last space rather than split a word */
const WORD_BACKOFF = 20;

/**
 * `text` in at most `width` columns (a CJK character or an emoji takes two): a longer text is cut at a
 * space near the end, or at the last whole character, and ends with "…".
 */
function fitWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  let next = '';
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) {
      next = segment;
      break;
    }
    out += segment;
    used += w;
  }
  // cut inside a word: end at the space before it, unless that loses too much
  const space = out.lastIndexOf(' ');
  if (next !== ' ' && space > 0 && out.length - space <= WORD_BACKOFF) out = out.slice(0, space);
  return `${out.trimEnd()}…`;
}
