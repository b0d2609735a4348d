// "3 passed, 1 warning, 1 failed": each count with its own plural form (i18next picks _one/_other
// per language from `count`), joined the way the language joins a list. Zero counts are left out.
import type { TFunction } from 'i18next';
import { COUNTED_STATUSES, type CountedStatus } from '../../../shared/check';

/** `not-applicable` is never counted (shared/check.ts): it is listed apart, collapsed. */
export function statusCounts(t: TFunction, lang: string, counts: Record<CountedStatus, number>): string {
  const parts = COUNTED_STATUSES.filter((s) => counts[s] > 0).map((s) => t(`journey:count.${s}`, { count: counts[s] }));
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(parts);
}
