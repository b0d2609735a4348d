// Small shared bits for the exam screens: data-file text in the learner's language (English
// fallback marked with lang="en" so screen readers switch voice), and time formatting.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, localize, type Language, type LocalText } from '../../../shared/i18n/text';

export function useLang(): Language {
  const { i18n } = useTranslation();
  const l = i18n.language?.slice(0, 2) as Language;
  return LANGUAGES.includes(l) ? l : 'en';
}

export function Local({ text }: { text: LocalText }) {
  const lang = useLang();
  const r = localize(text, lang);
  return r.fallback ? <span lang="en">{r.text}</span> : <>{r.text}</>;
}

export function localText(text: LocalText, lang: Language): string {
  return localize(text, lang).text;
}

/** h:mm:ss or m:ss, never negative */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export const minutes = (ms: number) => Math.round((ms / 60000) * 10) / 10;
