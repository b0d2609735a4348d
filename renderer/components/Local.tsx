// Text that a data file (profile, question bank) carries in several languages, in the learner's
// language. A missing translation shows the English text marked lang="en" (screen readers switch
// voice), never a blank.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, localize, type Language, type LocalText } from '../../shared/i18n/text';

export function useLang(): Language {
  const { i18n } = useTranslation();
  const l = i18n.language?.slice(0, 2) as Language;
  return LANGUAGES.includes(l) ? l : 'en';
}

/** `note`: also say "(in English)" in words, for a block of text such as a question's prompt. */
export function Local({ text, note = false }: { text: LocalText; note?: boolean }) {
  const lang = useLang();
  const r = localize(text, lang);
  return r.fallback ? (
    <>
      <span lang="en">{r.text}</span>
      {note && <EnglishNote />}
    </>
  ) : (
    <>{r.text}</>
  );
}

export function localText(text: LocalText, lang: Language): string {
  return localize(text, lang).text;
}

/** A visible "(in English)" after text quoted or shown in English on a Spanish or Portuguese screen. */
export function EnglishNote() {
  const { t } = useTranslation();
  return useLang() === 'en' ? null : (
    <>
      {' '}
      <span className="en-note">{t('journey:inEnglish')}</span>
    </>
  );
}
