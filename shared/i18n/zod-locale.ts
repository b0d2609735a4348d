// zod's own messages (a schema problem in a bank, a policy or a settings file shown to a learner or
// an admin) in the reader's language: zod ships Spanish and Portuguese wordings. The language is
// one per process (the CLI's --lang, the app's language), so it is set globally.
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import pt from 'zod/v4/locales/pt.js';
import type { Language } from './text';

const LOCALES: Record<Language, typeof en> = { en, es, pt };

export function setZodLanguage(lang: Language): void {
  z.config(LOCALES[lang]());
}
