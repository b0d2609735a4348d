// The app's languages, on their own (no schema library, no catalogs): the CLI's help loads only this.
export const LANGUAGES = ['en', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** Picks a supported language from an OS/browser locale such as "pt-BR" or "es_419". */
export function languageFromLocale(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_.]/)[0];
  return isLanguage(base) ? base : 'en';
}
