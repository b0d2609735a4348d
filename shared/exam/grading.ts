// Grading of one answer against one question. Pure; short answers are never auto-graded (the
// learner marks them after seeing the model answer), so they return "pending" until self-marked.
import type { Question } from './bank';

/** What a learner gave: a choice id, several choice ids, or typed text (numbers stay text as typed). */
export type Answer = string | string[];

export type Grade =
  { status: 'correct' | 'incorrect' | 'unanswered'; earned: number } | { status: 'pending'; earned: 0 } | { status: 'self-marked'; earned: number };

export function normalizeText(s: string, caseSensitive: boolean, spaces: 'trim' | 'exact' | 'ignore'): string {
  let t = s.normalize('NFC');
  if (spaces === 'trim') t = t.trim().replace(/\s+/g, ' ');
  else if (spaces === 'ignore') t = t.replace(/\s+/g, '');
  return caseSensitive ? t : t.toLocaleLowerCase('en');
}

/** Reads a typed number: accepts "1,5" (decimal comma), "1 000", "2.5e-3", "45%" → 45. Null when it is not a number. */
export function parseNumber(s: string): number | null {
  let t = s
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '');
  if (/^[-+]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function isAnswered(a: Answer | undefined): boolean {
  if (a === undefined) return false;
  return Array.isArray(a) ? a.length > 0 : a.trim() !== '';
}

export function isCorrect(q: Question, a: Answer): boolean {
  switch (q.type) {
    case 'single':
      return typeof a === 'string' && a === q.correct;
    case 'multiple': {
      if (!Array.isArray(a)) return false;
      const given = new Set(a);
      // all-or-nothing: the exact set of correct choices, as in the proctored exams' checkboxes
      return given.size === q.correct.length && q.correct.every((c) => given.has(c));
    }
    case 'text': {
      if (typeof a !== 'string') return false;
      const given = normalizeText(a, q.caseSensitive, q.spaces);
      return q.accepted.some((v) => normalizeText(v, q.caseSensitive, q.spaces) === given);
    }
    case 'numeric': {
      const x = typeof a === 'string' ? parseNumber(a) : null;
      if (x === null) return false;
      const allowed = q.tolerance.kind === 'absolute' ? q.tolerance.value : q.tolerance.value * Math.abs(q.answer);
      // a tiny epsilon so 0.1 + 0.2 style float noise never fails an exact answer
      return Math.abs(x - q.answer) <= allowed + 1e-9 * Math.max(1, Math.abs(q.answer));
    }
    case 'short':
      return false;
  }
}

export function grade(q: Question, a: Answer | undefined, selfMark?: number): Grade {
  if (q.type === 'short') {
    if (selfMark !== undefined) return { status: 'self-marked', earned: Math.max(0, Math.min(q.points, selfMark)) };
    if (!isAnswered(a)) return { status: 'unanswered', earned: 0 };
    return { status: 'pending', earned: 0 };
  }
  if (!isAnswered(a)) return { status: 'unanswered', earned: 0 };
  return isCorrect(q, a!) ? { status: 'correct', earned: q.points } : { status: 'incorrect', earned: 0 };
}
