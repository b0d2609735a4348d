// The words shared/parse-errors.ts adds to zod's messages (a missing field, an unknown key and its
// nearest name, the types a union accepts: errors:input.*), in the language zod speaks
// (./zod-locale.ts sets both). Without zod, so a module that only names bad input stays light.
import enErrors from './locales/en/errors.json';
import esErrors from './locales/es/errors.json';
import ptErrors from './locales/pt/errors.json';
import type { Language } from './text';

const WORDS: Record<Language, typeof enErrors.input> = { en: enErrors.input, es: esErrors.input, pt: ptErrors.input };
let current: Language = 'en';

export type InputWord = Exclude<keyof typeof enErrors.input, 'types'>;

export function setInputLanguage(lang: Language): void {
  current = lang;
}

/** A sentence of errors:input in the language set last; values are inserted as they are, never read as a template. */
export function inputText(key: InputWord, vars: Record<string, string> = {}): string {
  return WORDS[current][key].replace(/\{\{(\w{1,20})\}\}/g, (_, k: string) => vars[k] ?? '');
}

/** A JSON type as zod names it ("string"), in the language set last. */
export function typeName(type: string): string {
  return (WORDS[current].types as Record<string, string>)[type] ?? type;
}
