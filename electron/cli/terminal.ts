// What the terminal the command writes to can show: colour or not, and how wide a line may be.
// Decided here, once, from the flags, the environment and whether stdout is a terminal, the same on
// every Node version (util.styleText only reads NO_COLOR/FORCE_COLOR itself from Node 22.13, and
// the report's text is rendered by a pure function that is handed the answer).

/**
 * Colour, by the conventions of no-color.org and Node's FORCE_COLOR, first match wins:
 *   --color / --no-color on the command line;
 *   FORCE_COLOR: "1", "2", "3", "true" or empty enables (even in a pipe), "0" or "false" disables;
 *     any other value disables, as Node itself does;
 *   NO_COLOR with any non-empty value disables (even on a terminal);
 *   TERM=dumb disables;
 *   otherwise colour only when stdout is a terminal (pipes and files stay plain).
 */
export function colourWanted(o: { flag?: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): boolean {
  if (o.flag !== undefined) return o.flag;
  const force = o.env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force.trim().toLowerCase());
  if (o.env.NO_COLOR) return false;
  if (o.env.TERM === 'dumb') return false;
  return o.isTTY;
}

/** a line length when nothing says otherwise: a pipe, a file, a terminal that does not report it */
export const DEFAULT_WIDTH = 80;
/** narrower than this, the table is laid out as if it were this wide (one word per line helps no one) */
const MIN_WIDTH = 20;

/**
 * The columns a line may take: the terminal's own width on a TTY, else COLUMNS when it is a whole
 * number (a user's explicit choice, e.g. `COLUMNS=120 exam-preflight check | less`), else 80.
 */
export function outputWidth(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  const tty = stdout.isTTY && stdout.columns && stdout.columns > 0 ? stdout.columns : undefined;
  const fromEnv = /^\d{1,4}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined;
  return Math.max(MIN_WIDTH, tty ?? (fromEnv || DEFAULT_WIDTH));
}
