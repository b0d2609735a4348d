// An `html` tagged template that escapes every interpolated value, so a value from facts, a report
// file or a profile can never become markup. Trusted fragments (our own constant CSS, or the result
// of another html`` template) pass through: the first by an explicit raw(), the second as they are.
// Arrays are joined; null, undefined and false render nothing (for `cond && html`…``).

const TRUSTED = Symbol('trusted html');

export interface Html {
  readonly [TRUSTED]: true;
  readonly text: string;
  toString(): string;
}

const make = (text: string): Html => ({ [TRUSTED]: true, text, toString: () => text });

const isHtml = (v: unknown): v is Html => typeof v === 'object' && v !== null && (v as Partial<Html>)[TRUSTED] === true;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export const escapeHtml = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Marks a string as trusted markup. Only for constants of this code base — never for data. */
export const raw = (trusted: string): Html => make(trusted);

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (isHtml(v)) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(v);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return make(out);
}

/** Trusted fragments one after another. */
export const concat = (...parts: Html[]): Html => make(parts.map((p) => p.text).join(''));
