// Values that came from facts or files (a model name, a probe's error, a profile title) are data:
// in a terminal they must not move the cursor, clear the screen, rewrite a line with CR or BS, ring
// the bell or flip text direction — a hostile fact could otherwise print a forged "✓ Pass". One
// helper for every terminal write: control characters become visible escapes ("\x1B", "\u202E"),
// so support can still see they were there, and a value is cut to a bounded length.
// XML (JUnit) has its own rule: characters XML 1.0 cannot carry at all are dropped.

/** C0 (incl. ESC, CR, BS, BEL, TAB, LF), DEL, C1, bidi embeddings/overrides/isolates, LRM/RLM/ALM, line/paragraph separators. */
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Longest value a terminal line shows before it is cut with an ellipsis. */
export const MAX_TERMINAL_VALUE = 300;

const visible = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** One line of text safe to print: every control character escaped, at most `max` characters. */
export function terminalSafe(value: string, max = MAX_TERMINAL_VALUE): string {
  const escaped = value.replace(TERMINAL_UNSAFE, visible);
  const chars = [...escaped];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : escaped;
}

/** Characters outside XML 1.0's Char production: C0 but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for XML 1.0 content and attribute values: illegal characters dropped, markup escaped. */
export function xmlSafe(s: string): string {
  return s.replace(XML_ILLEGAL, '').replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
