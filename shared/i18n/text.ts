// Text that a data file (profile, question bank) carries in several languages.
// English is required; missing translations fall back to English visibly (see localize()).
import { z } from 'zod';

import { LANGUAGES, type Language } from './languages';

export { LANGUAGES, type Language };

export const LocalTextSchema = z.union([
  z.string().min(1),
  z.object({ en: z.string().min(1), es: z.string().min(1).optional(), pt: z.string().min(1).optional() }),
]);
export type LocalText = z.infer<typeof LocalTextSchema>;

/** Returns the text in `lang`, or English marked as a fallback so the screen can show it. */
export function localize(text: LocalText, lang: Language): { text: string; fallback: boolean } {
  if (typeof text === 'string') return { text, fallback: lang !== 'en' };
  const t = text[lang];
  return t ? { text: t, fallback: false } : { text: text.en, fallback: lang !== 'en' };
}
