// Laying text out in a terminal's columns. Widths are display widths (string-width): a CJK character
// or an emoji takes two columns, a combining mark none, so a fact in Japanese or with an emoji keeps
// the table aligned. Wrapping is at spaces (wrap-ansi); only a word longer than its whole column is
// broken, since it could not fit otherwise. Pure: the width is passed in, so the same text and
// width always give the same lines.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** columns a string takes on screen */
export const displayWidth = (s: string): number => stringWidth(s);

/** `s` followed by spaces up to `width` columns (never cut) */
export function padTo(s: string, width: number): string {
  const w = stringWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** The lines of `text` wrapped at `width` columns; no width (Infinity) keeps it one line. */
export function wrapLines(text: string, width: number): string[] {
  if (!Number.isFinite(width)) return [text];
  return wrapAnsi(text, Math.max(1, Math.floor(width)), { hard: true, trim: true }).split('\n');
}

/** fewest columns a wrapped continuation keeps; below it the continuation starts at the margin */
const MIN_HANG = 16;

/**
 * `margin` + `lead` + `text`, wrapped at `width`; the text's later lines start under its first word
 * ("· evidence…", "Fix: …"), or at the margin when the lead leaves too little room.
 */
export function hanging(margin: number, lead: string, text: string, width: number): string[] {
  const pad = ' '.repeat(margin);
  if (!Number.isFinite(width)) return [`${pad}${lead}${text}`];
  const leadWidth = stringWidth(lead);
  const room = width - margin - leadWidth;
  if (room >= MIN_HANG) return wrapLines(text, room).map((l, i) => `${pad}${i === 0 ? lead : ' '.repeat(leadWidth)}${l}`);
  return wrapLines(`${lead}${text}`, width - margin).map((l) => `${pad}${l}`);
}

/**
 * Cells side by side, each wrapped in its own column: line i holds each cell's i-th line, padded to
 * its column, a cell starting `before` columns (default 1) after the previous one; trailing spaces
 * are dropped.
 */
export function sideBySide(cells: readonly { lines: readonly string[]; width: number; before?: number }[]): string[] {
  const height = Math.max(...cells.map((c) => c.lines.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) {
    out.push(
      cells
        .map((c, k) => (k === 0 ? '' : ' '.repeat(c.before ?? 1)) + (k === cells.length - 1 ? (c.lines[i] ?? '') : padTo(c.lines[i] ?? '', c.width)))
        .join('')
        .trimEnd(),
    );
  }
  return out;
}
