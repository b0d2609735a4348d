// The CLI's catalogs: the language it speaks and English (every message falls back to English),
// each language one chunk of the bundle loaded on demand; the two others are never parsed.
import type { Resource } from 'i18next';
import type { Language } from './languages';

const LOADERS: Record<Language, () => Promise<{ default: Resource[string] }>> = {
  en: () => import('./catalog-en'),
  es: () => import('./catalog-es'),
  pt: () => import('./catalog-pt'),
};

export async function catalogsFor(lang: Language): Promise<Resource> {
  const [en, own] = await Promise.all([LOADERS.en(), lang === 'en' ? null : LOADERS[lang]()]);
  return own ? { en: en.default, [lang]: own.default } : { en: en.default };
}
