// An i18next instance over the catalogs it is given: the app and the window pass every language
// (index.ts createI18n); the CLI passes only the language it speaks and English (load.ts), so a
// command compiles one language's messages, not three.
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { LANGUAGES, type Language } from './languages';

/** A fresh, synchronously initialised i18next instance (no global state shared between callers). */
export function createI18nFrom(lang: Language, resources: Resource): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React and our HTML renderer escape on output
    returnNull: false,
  });
  return instance;
}
