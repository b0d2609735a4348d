// Points per question, per section and in total, the pass verdict, and the pacing of a section
// (time per question against the even pace its limit allows). Pure.
import type { Attempt, AttemptSection } from './attempt';
import { grade, type Grade } from './grading';

export interface QuestionScore {
  questionId: string;
  points: number;
  grade: Grade;
}
export interface SectionScore {
  sectionId: string;
  earned: number;
  possible: number;
  pending: number;
  questions: QuestionScore[];
}
export interface AttemptScore {
  earned: number;
  possible: number;
  percent: number;
  passMarkPercent: number;
  /** "pending" while short answers await the learner's own mark or sections are still to take */
  verdict: 'pass' | 'fail' | 'pending';
  sections: SectionScore[];
}

export function scoreSection(s: AttemptSection): SectionScore {
  const questions = s.questions.map((q) => ({ questionId: q.id, points: q.points, grade: grade(q, s.answers[q.id], s.selfMarks[q.id]) }));
  return {
    sectionId: s.id,
    earned: questions.reduce((n, q) => n + q.grade.earned, 0),
    possible: questions.reduce((n, q) => n + q.points, 0),
    pending: questions.filter((q) => q.grade.status === 'pending').length,
    questions,
  };
}

export function scoreAttempt(a: Attempt): AttemptScore {
  const sections = a.sections.map(scoreSection);
  const earned = sections.reduce((n, s) => n + s.earned, 0);
  const possible = sections.reduce((n, s) => n + s.possible, 0);
  const percent = possible ? Math.round((earned / possible) * 1000) / 10 : 0;
  const unfinished = a.sections.some((s) => s.status === 'not-started' || s.status === 'open');
  const pending = unfinished || sections.some((s) => s.pending > 0);
  // Pending marks can only add points: a pass is already certain once the floor reaches the mark.
  const verdict = percent >= a.passMarkPercent ? (unfinished ? 'pending' : 'pass') : pending ? 'pending' : 'fail';
  return { earned, possible, percent, passMarkPercent: a.passMarkPercent, verdict, sections };
}

export interface Pacing {
  /** ms per question if the limit were spread evenly */
  evenMs: number;
  perQuestion: { questionId: string; spentMs: number }[];
  usedMs: number;
  limitMs: number;
}

export function pacing(s: AttemptSection): Pacing {
  const perQuestion = s.questions.map((q) => ({ questionId: q.id, spentMs: s.timeSpent[q.id] ?? 0 }));
  // bounded by 0 and the limit: a clock set back between opening and closing cannot give odd times
  const usedMs = Math.min(
    s.limitMs,
    Math.max(0, s.openedAt !== undefined && s.closedAt !== undefined ? s.closedAt - s.openedAt : perQuestion.reduce((n, q) => n + q.spentMs, 0)),
  );
  return { evenMs: s.limitMs / Math.max(1, s.questions.length), perQuestion, usedMs, limitMs: s.limitMs };
}
