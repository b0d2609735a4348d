// zod's own messages (a schema problem in a bank, a policy or a settings file shown to a learner or
// an admin) in the reader's language: zod ships Spanish and Portuguese wordings. The language is
// one per process (the CLI's --lang, the app's language), so it is set globally, and the words
// shared/parse-errors.ts adds to zod's (a missing field, an unknown key, the types a union accepts)
// follow the same language (./input-words.ts).
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import pt from 'zod/v4/locales/pt.js';
import { inputText, setInputLanguage, typeName } from './input-words';
import type { Language } from './text';

const LOCALES: Record<Language, typeof en> = { en, es, pt };

export function setZodLanguage(lang: Language): void {
  setInputLanguage(lang);
  const locale = LOCALES[lang]();
  z.config({
    // a missing field says so (zod: "expected string, received undefined") in the reader's language
    localeError: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? inputText('missing', { expected: typeName(issue.expected) }) : locale.localeError(issue),
  });
}
