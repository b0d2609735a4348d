// i18next set-up shared by the renderer, the CLI and the report renderers.
// Message keys are written "namespace:key.path" (e.g. "checks:os.blocked.title") so a Msg
// produced by shared/rules renders the same way everywhere.
import i18next, { type i18n as I18n } from 'i18next';
import { CATALOGS, NAMESPACES } from './catalogs';
import { LANGUAGES, type Language } from './text';
import type { Msg } from '../check';

export { LANGUAGES, type Language } from './text';

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** Picks a supported language from an OS/browser locale such as "pt-BR" or "es_419". */
export function languageFromLocale(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_.]/)[0];
  return isLanguage(base) ? base : 'en';
}

/** A fresh, synchronously initialised i18next instance (no global state shared between callers). */
export function createI18n(lang: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: CATALOGS,
    initAsync: false,
    interpolation: { escapeValue: false }, // React and our HTML renderer escape on output
    returnNull: false,
  });
  return instance;
}

/** Renders a Msg; params that are themselves keys (prefixed "@") are translated first. */
export function renderMsg(i18n: I18n, m: Msg | null | undefined): string {
  if (!m) return '';
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    params[k] = typeof v === 'string' && v.startsWith('@') ? i18n.t(v.slice(1)) : v;
  }
  return i18n.t(m.key, params);
}
