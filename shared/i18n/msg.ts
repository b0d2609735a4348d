// Rendering a message (a Msg from shared/rules) and the numbers and days it carries, in the
// language of the i18next instance it is given; no catalogs here (index.ts and load.ts bring them),
// so a report renderer loads only what it renders with.
import type { i18n as I18n } from 'i18next';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the learner's locale writes it: "23,5 GB" in Spanish and Portuguese, "23.5 GB" in
 * English. Grouping only from five digits ("min2"), so resolutions and years read "1280", "2026".
 */
export function formatNumber(lang: string, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    // 'min2' is ES2023 Intl (Node 20, Chromium); the cast keeps older lib typings happy
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: 'min2' as unknown as boolean });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day "YYYY-MM-DD" as the language writes it ("5 December 2026", "5 de diciembre de
 * 2026"). Formatted in UTC on purpose: the day is a date, not an instant, and must not shift.
 */
export function formatDay(lang: string, day: string): string {
  let f = dayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(lang, f);
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values that older reports (formats 1 and 2) carry as "@key" labels. Facts are data, never keys:
 * a string value starting with "@" is shown as written, except exactly one of these enum labels
 * (so an old report still reads "operating system", and the most a fact can do is show a label).
 */
const LEGACY_LABELS = new Set([
  ...['os', 'device', 'displays', 'virtualization', 'processes', 'browsers', 'software', 'network'].map((x) => `@checks:common.area.${x}`),
  ...['remote-desktop', 'screen-sharing', 'recording', 'messaging', 'other'].map((x) => `@checks:common.category.${x}`),
  ...['none', 'low', 'medium', 'high'].map((x) => `@checks:common.confidence.${x}`),
  ...['desktop', 'laptop', 'tablet', 'phone', 'convertible', 'server', 'virtual', 'unknown'].map((x) => `@checks:common.formFactor.${x}`),
  ...['camera', 'microphone', 'speakers'].map((x) => `@devices:${x}.name`),
]);
const KEY = /^[a-z]+:[A-Za-z0-9_.-]+$/;

/** What renderMsg reads of a message: shared/check.ts's Msg has this shape (check.ts stands above i18n). */
export interface RenderableMsg {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Renders a Msg; a param whose NAME starts with "@" holds a message key, translated first and
 * passed without the "@" (`{ '@area': 'checks:common.area.os' }` fills {{area}}) — the code that
 * builds a message chooses its names, facts only ever fill values, so no fact becomes a key. Numbers
 * localized (except `count`, which i18next needs as a number to pick the plural form), calendar
 * days ("YYYY-MM-DD") written as dates.
 */
export function renderMsg(i18n: I18n, m: RenderableMsg | null | undefined): string {
  if (!m) return '';
  const params: Record<string, string | number> = {};
  const nested: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(m.params ?? {})) {
    // a param NAMED "@x" holds a message key: translated (with the other params) into {{x}}
    if (k.startsWith('@')) {
      if (typeof v === 'string' && KEY.test(v)) nested.push([k.slice(1), v]);
      else params[k.slice(1)] = String(v);
      continue;
    }
    params[k] =
      typeof v === 'string' && LEGACY_LABELS.has(v)
        ? i18n.t(v.slice(1))
        : typeof v === 'number' && k !== 'count' && Number.isFinite(v)
          ? formatNumber(i18n.language, v)
          : typeof v === 'string' && DAY.test(v)
            ? formatDay(i18n.language, v)
            : v;
  }
  // a nested message gets the other params too ("Strong signal: {{detail}}" with detail = a
  // message of the inspector that has its own {{vendor}}, {{model}})
  for (const [k, key] of nested) params[k] = i18n.t(key, { ...params });
  return i18n.t(m.key, params);
}
