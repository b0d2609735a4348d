// Picking one language of a text a data file carries in several, on its own (no schema library):
// the CLI's --help localizes profile titles' neighbours without loading zod (text.ts has the schema).
import type { Language } from './languages';

/** A text in English, optionally in the other languages (text.ts's LocalTextSchema checks this shape). */
export type LocalText = string | { en: string; es?: string; pt?: string };

/** Returns the text in `lang`, or English marked as a fallback so the screen can show it. */
export function localize(text: LocalText, lang: Language): { text: string; fallback: boolean } {
  if (typeof text === 'string') return { text, fallback: lang !== 'en' };
  const t = text[lang];
  return t ? { text: t, fallback: false } : { text: text.en, fallback: lang !== 'en' };
}
