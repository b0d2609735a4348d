// What the renderer receives about an attempt. While a section is not closed its questions are
// sent without answers, explanations or model answers (the renderer is not the place for keys);
// once closed, the full question travels so the results screen can show the solution.
import type { LocalText } from '../i18n/text';
import type { Question } from './bank';
import type { Accommodation, Attempt, SectionStatus } from './attempt';
import type { Answer } from './grading';
import { scoreAttempt, pacing, type AttemptScore, type Pacing } from './scoring';

export interface QuestionView {
  id: string;
  type: Question['type'];
  prompt: LocalText;
  points: number;
  /** choices in this attempt's (shuffled) order */
  choices?: { id: string; text: LocalText }[];
  unit?: string;
  /** the whole question, with key and explanation, once the section is closed */
  solution?: Question;
}

export interface SectionView {
  id: string;
  title: LocalText;
  status: SectionStatus;
  limitMs: number;
  baseLimitMs: number;
  openedAt?: number;
  deadline?: number;
  closedAt?: number;
  /** why it cannot be opened now (rule code), or null */
  blockedBy: 'order' | 'another-open' | null;
  questions: QuestionView[];
  answers: Record<string, Answer>;
  flags: string[];
  selfMarks: Record<string, number>;
  pacing?: Pacing;
}

export interface AttemptView {
  id: string;
  profileId: string;
  bankId: string;
  createdAt: number;
  accommodation: Accommodation;
  mustTakeInOrder: boolean;
  breaksAllowed: boolean;
  passMarkPercent: number;
  warningsPercent: number[];
  /** the attempt's clock when the view was made (shared/exam/clock.ts), so the renderer can correct its own */
  now: number;
  /** the computer's clock jumped during the attempt (by byMs; negative: set back); the timer ignored it */
  clockJumps: { at: number; byMs: number }[];
  finished: boolean;
  sections: SectionView[];
  score: AttemptScore;
}

export interface AttemptSummary {
  id: string;
  profileId: string;
  bankId: string;
  createdAt: number;
  finished: boolean;
  percent: number;
  verdict: AttemptScore['verdict'];
  sections: { id: string; title: LocalText; status: SectionStatus }[];
}

const closed = (s: SectionStatus) => s === 'submitted' || s === 'expired';

function questionView(q: Question, order: string[] | undefined, reveal: boolean): QuestionView {
  const v: QuestionView = { id: q.id, type: q.type, prompt: q.prompt, points: q.points };
  if (q.type === 'single' || q.type === 'multiple') {
    const byId = new Map(q.choices.map((c) => [c.id, c]));
    v.choices = (order ?? q.choices.map((c) => c.id)).map((id) => byId.get(id)!).filter(Boolean);
  }
  if (q.type === 'numeric' && q.unit) v.unit = q.unit;
  if (reveal) v.solution = q;
  return v;
}

export function attemptView(a: Attempt, now: number): AttemptView {
  const open = a.sections.find((s) => s.status === 'open');
  const firstPending = a.sections.find((s) => !closed(s.status));
  const score = scoreAttempt(a);
  const finished = a.sections.every((s) => closed(s.status));
  return {
    id: a.id,
    profileId: a.profileId,
    bankId: a.bankId,
    createdAt: a.createdAt,
    accommodation: a.accommodation,
    mustTakeInOrder: a.mustTakeInOrder,
    breaksAllowed: a.breaksAllowed,
    passMarkPercent: a.passMarkPercent,
    warningsPercent: a.warningsPercent,
    now,
    clockJumps: a.clockJumps ?? [],
    finished,
    score,
    sections: a.sections.map((s) => {
      const reveal = closed(s.status);
      const blockedBy =
        s.status !== 'not-started' ? null : open ? 'another-open' : a.mustTakeInOrder && firstPending && firstPending.id !== s.id ? 'order' : null;
      return {
        id: s.id,
        title: s.title,
        status: s.status,
        limitMs: s.limitMs,
        baseLimitMs: s.baseLimitMs,
        openedAt: s.openedAt,
        deadline: s.deadline,
        closedAt: s.closedAt,
        blockedBy,
        questions: s.questions.map((q) => questionView(q, s.choiceOrder[q.id], reveal)),
        answers: s.answers,
        flags: s.flags,
        selfMarks: s.selfMarks,
        pacing: reveal ? pacing(s) : undefined,
      };
    }),
  };
}

export function attemptSummary(a: Attempt): AttemptSummary {
  const score = scoreAttempt(a);
  return {
    id: a.id,
    profileId: a.profileId,
    bankId: a.bankId,
    createdAt: a.createdAt,
    finished: a.sections.every((s) => closed(s.status)),
    percent: score.percent,
    verdict: score.verdict,
    sections: a.sections.map((s) => ({ id: s.id, title: s.title, status: s.status })),
  };
}
