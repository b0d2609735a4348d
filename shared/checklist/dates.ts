// Dates of the ID and the exam as calendar days ("YYYY-MM-DD"), never instants: an ID valid
// "until 2026-12-05" is valid that whole day wherever the learner is, and converting through UTC
// would move it a day for half the world. Today comes from the caller's local calendar. Pure.
import { msg, type Msg } from '../check';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day "YYYY-MM-DD" (not 2026-02-30), or null. */
export function parseDay(s: string | null | undefined): string | null {
  const m = DAY_RE.exec(s ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0–99 to 1900–1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? s! : null;
}

/** The calendar day of `d` on the learner's own clock (local time, not UTC). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const dayNumber = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(day: string, n: number): string {
  const t = new Date((dayNumber(day) + n) * 86_400_000);
  return t.toISOString().slice(0, 10);
}

export type ExpiryVerdict = 'ok' | 'expired' | 'expires-before-exam' | 'no-exam-date' | 'incomplete';
export interface ExpiryCheck {
  verdict: ExpiryVerdict;
  message: Msg | null;
  fix: Msg | null;
}

/**
 * An ID must still be valid on the exam day. Valid through its expiry date (inclusive).
 * Without an exam date only "expired already" can be said; the learner is asked for the date.
 */
export function checkExpiry(expiry: string | null, examDate: string | null, today: string): ExpiryCheck {
  const exp = parseDay(expiry);
  if (!exp) return { verdict: 'incomplete', message: null, fix: null };
  if (exp < today) return { verdict: 'expired', message: msg('checklist:expiry.expired', { date: exp }), fix: msg('checklist:expiry.fixExpired') };
  const exam = parseDay(examDate);
  if (!exam) return { verdict: 'no-exam-date', message: msg('checklist:expiry.noExamDate', { date: exp }), fix: msg('checklist:expiry.fixNoExamDate') };
  if (exp < exam)
    return {
      verdict: 'expires-before-exam',
      message: msg('checklist:expiry.beforeExam', { date: exp, exam, count: daysBetween(exp, exam) }),
      fix: msg('checklist:expiry.fixExpired'),
    };
  return { verdict: 'ok', message: msg('checklist:expiry.ok', { date: exp, exam }), fix: null };
}

/** How far off the exam is, and when to run the full check again. */
export interface ExamDatePlan {
  daysLeft: number;
  rerunOn: string | null;
  message: Msg;
}

/** Re-run the full check this many days before the exam: time to fix what it finds, close enough to count. */
export const RERUN_DAYS_BEFORE = 3;

export function planForExamDate(examDate: string | null, today: string): ExamDatePlan | null {
  const exam = parseDay(examDate);
  if (!exam) return null;
  const daysLeft = daysBetween(today, exam);
  if (daysLeft < 0) return { daysLeft, rerunOn: null, message: msg('checklist:examDate.past', { count: -daysLeft }) };
  if (daysLeft === 0) return { daysLeft, rerunOn: today, message: msg('checklist:examDate.today') };
  if (daysLeft <= RERUN_DAYS_BEFORE) return { daysLeft, rerunOn: today, message: msg('checklist:examDate.soon', { count: daysLeft }) };
  const rerunOn = addDays(exam, -RERUN_DAYS_BEFORE);
  return { daysLeft, rerunOn, message: msg('checklist:examDate.later', { count: daysLeft, rerun: rerunOn }) };
}

/** What a day typed as three parts (day, month, year) reads as. */
export type DayParts = { day: string; month: string; year: string };
export type ReadDay =
  | { kind: 'empty' }
  /** still being typed: some parts are blank */
  | { kind: 'partial' }
  | { kind: 'day'; value: string }
  | { kind: 'problem'; message: Msg };

/**
 * Reads a date typed into day / month / year fields. The year must have four digits and lie in
 * [minYear, maxYear] (no "22027" from a stray keystroke); 31 February is said to be no day of
 * that month, not silently rolled over to March. Pure.
 */
export function readDayParts(p: DayParts, minYear: number, maxYear: number): ReadDay {
  const [d, m, y] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!d && !m && !y) return { kind: 'empty' };
  if (!d || !m || !y) return { kind: 'partial' };
  if (!/^\d{4}$/.test(y) || Number(y) < minYear || Number(y) > maxYear)
    return { kind: 'problem', message: msg('journey:date.yearRange', { min: String(minYear), max: String(maxYear) }) };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12 || Number(d) < 1)
    return { kind: 'problem', message: msg('journey:date.unreadable') };
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!parseDay(value)) return { kind: 'problem', message: msg('journey:date.notADay', { day: d, '@month': `journey:month.${Number(m)}`, year: y }) };
  return { kind: 'day', value };
}
