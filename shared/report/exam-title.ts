// The exam's title in the reader's language. A report stores the title in English (one string, so
// any reader can show something); the profile the run used, or a built-in with the report's id,
// carries every language the exam was written in.
import { findProfile } from '../profile/load';
import type { Profile } from '../profile/schema';
import { localize, type Language } from '../i18n/text';
import type { Report } from './model';

export function examTitle(report: Pick<Report, 'profile'>, lang: Language, profile?: Pick<Profile, 'id' | 'title'>): string {
  const known = profile?.id === report.profile.id ? profile : findProfile(report.profile.id);
  return known ? localize(known.title, lang).text : report.profile.title;
}

/** The UI language an i18next instance speaks, as one of ours (English otherwise). */
export const languageOf = (i18n: { language: string }): Language => (['en', 'es', 'pt'].includes(i18n.language) ? i18n.language : 'en') as Language;
