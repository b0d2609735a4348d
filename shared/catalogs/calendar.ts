// "Current" browser versions from release calendars: from an anchor (major, date, cadence) the
// expected releases on any date follow, so a rule never goes stale the way a fixed minimum does.
// Pure: "today" is always passed in (the facts' collection date, or a fixed date in tests).
import type { CatalogBrowser } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const toDay = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const fromDay = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);

export interface Release {
  major: number;
  date: string;
  predicted: boolean;
}

/** Every release up to `today`, oldest first: the anchors, and the majors their cadence predicts in between. */
export function releasesUntil(b: CatalogBrowser, today: string): Release[] {
  const t = toDay(today);
  const out: Release[] = [];
  b.anchors.forEach((a, i) => {
    const start = toDay(a.date);
    if (start > t) return;
    out.push({ major: a.major, date: a.date, predicted: false });
    const next = b.anchors[i + 1];
    for (let k = 1; ; k++) {
      const d = start + k * a.everyDays;
      if (d > t || (next && (d >= toDay(next.date) || a.major + k >= next.major))) break;
      out.push({ major: a.major + k, date: fromDay(d), predicted: true });
    }
  });
  return out;
}

export interface CalendarJudgement {
  /** the major expected to be current on `today` (null before the first anchor) */
  current: Release | null;
  /** releases newer than the installed major, up to today */
  behind: number;
  /** the calendar ran out: more than `staleAfterDays` past the release its last anchor predicts next */
  stale: boolean;
  /** the last anchor (the newest release the data knows for certain) */
  lastAnchor: { major: number; date: string };
}

export function judgeMajor(b: CatalogBrowser, installedMajor: number, today: string, staleAfterDays: number): CalendarJudgement {
  const rs = releasesUntil(b, today);
  const last = b.anchors[b.anchors.length - 1]!;
  const stale = toDay(today) > toDay(last.date) + last.everyDays + staleAfterDays;
  return {
    current: rs[rs.length - 1] ?? null,
    behind: rs.filter((r) => r.major > installedMajor).length,
    stale,
    lastAnchor: { major: last.major, date: last.date },
  };
}

/** The date part (YYYY-MM-DD) of an ISO timestamp, or null when it is not one. */
export function dayOf(iso: string | null | undefined): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(Date.parse(iso.slice(0, 10)))) return null;
  return iso.slice(0, 10);
}
