// i18next set-up shared by the renderer, the CLI and the report renderers.
// Message keys are written "namespace:key.path" (e.g. "checks:os.blocked.title") so a Msg
// produced by shared/rules renders the same way everywhere.
import type { i18n as I18n } from 'i18next';
import { CATALOGS } from './catalogs';
import { createI18nFrom } from './instance';
import type { Language } from './languages';

export { LANGUAGES, type Language, isLanguage, languageFromLocale } from './languages';
export { formatDay, formatNumber, renderMsg, type RenderableMsg } from './msg';

/** A fresh, synchronously initialised i18next instance with every language (no global state shared between callers). */
export function createI18n(lang: Language): I18n {
  return createI18nFrom(lang, CATALOGS);
}
