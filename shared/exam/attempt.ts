// A mock exam attempt as plain data, and the pure transitions on it. Every transition takes
// `now` (the attempt's own time, shared/exam/clock.ts: ms, starting at the wall clock) from the
// caller; nothing here reads a clock. A section stores its DEADLINE (its end in that time), never a
// counter, so closing or killing the app does not stop the clock: applyExpiry(attempt, now)
// submits whatever was saved once the deadline has passed.
import { z } from 'zod';
import { QuestionSchema, type QuestionBank, type Question } from './bank';
import type { MockExamSettings } from './settings';
import { LocalTextSchema } from '../i18n/text';
import { sample, seedFor, shuffle } from './random';
import { isAnswered, type Answer } from './grading';
import { ClockJumpSchema, ClockMarkSchema } from './clock';

export const AccommodationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('extra-minutes'), minutes: z.number().int().min(1).max(600) }).strict(),
  z.object({ kind: z.literal('multiplier'), factor: z.number().min(1).max(4) }).strict(),
]);
export type Accommodation = z.infer<typeof AccommodationSchema>;

export const AnswerSchema = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(100)]);

export const SectionStatusSchema = z.enum(['not-started', 'open', 'submitted', 'expired']);
export type SectionStatus = z.infer<typeof SectionStatusSchema>;

export const AttemptSectionSchema = z.object({
  id: z.string(),
  title: LocalTextSchema,
  /** the limit for THIS learner: profile minutes with the accommodation applied */
  limitMs: z.number().positive(),
  baseLimitMs: z.number().positive(),
  /** the sampled questions, frozen into the attempt so a later bank change cannot alter it */
  questions: z.array(QuestionSchema),
  /** choice order per question id (shuffled once, from the seed) */
  choiceOrder: z.record(z.string(), z.array(z.string())),
  status: SectionStatusSchema,
  openedAt: z.number().optional(),
  deadline: z.number().optional(),
  closedAt: z.number().optional(),
  answers: z.record(z.string(), AnswerSchema),
  flags: z.array(z.string()),
  selfMarks: z.record(z.string(), z.number().min(0)),
  /** ms spent on each question (credited when the learner moves away), for the pacing chart */
  timeSpent: z.record(z.string(), z.number().min(0)),
  /** the question on screen and since when */
  viewing: z.object({ questionId: z.string(), since: z.number() }).optional(),
});
export type AttemptSection = z.infer<typeof AttemptSectionSchema>;

export const AttemptSchema = z.object({
  format: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  profileId: z.string(),
  bankId: z.string(),
  bankVersion: z.string(),
  seed: z.number().int(),
  createdAt: z.number(),
  accommodation: AccommodationSchema,
  mustTakeInOrder: z.boolean(),
  breaksAllowed: z.boolean(),
  passMarkPercent: z.number(),
  warningsPercent: z.array(z.number()),
  sections: z.array(AttemptSectionSchema).min(1),
  /** the attempt's clock as last read (shared/exam/clock.ts); absent in attempts saved before it */
  clock: ClockMarkSchema.optional(),
  /** times the computer's clock jumped during the attempt (told to the learner; never counted) */
  clockJumps: z.array(ClockJumpSchema).max(100).optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export class ExamRuleError extends Error {
  constructor(
    readonly code: 'not-found' | 'closed' | 'order' | 'another-open' | 'not-open' | 'not-short' | 'not-closed' | 'bad-answer' | 'accommodation',
    message: string,
  ) {
    super(message);
    this.name = 'ExamRuleError';
  }
}

const MIN = 60_000;

export function applyAccommodation(baseMs: number, a: Accommodation): number {
  if (a.kind === 'extra-minutes') return baseMs + a.minutes * MIN;
  if (a.kind === 'multiplier') return Math.round(baseMs * a.factor);
  return baseMs;
}

export function createAttempt(input: {
  id: string;
  profileId: string;
  settings: MockExamSettings;
  bank: QuestionBank;
  seed: number;
  accommodation: Accommodation;
  now: number;
}): Attempt {
  const { settings, bank, seed, accommodation } = input;
  if (accommodation.kind !== 'none' && !settings.accommodationsAllowed) throw new ExamRuleError('accommodation', 'this exam does not allow accommodations');
  const sections = settings.sections.map((s): AttemptSection => {
    const bs = bank.sections.find((b) => b.id === s.bankSection);
    if (!bs) throw new ExamRuleError('not-found', `bank "${bank.id}" has no section "${s.bankSection}"`);
    const questions = sample(bs.questions, s.questionCount, seedFor(seed, s.id, 'questions'));
    const choiceOrder: Record<string, string[]> = {};
    for (const q of questions) {
      if (q.type === 'single' || q.type === 'multiple') {
        const ids = q.choices.map((c) => c.id);
        choiceOrder[q.id] = q.shuffleChoices ? shuffle(ids, seedFor(seed, s.id, q.id)) : ids;
      }
    }
    const baseLimitMs = s.timeLimitMinutes * MIN;
    return {
      id: s.id,
      title: s.title,
      baseLimitMs,
      limitMs: applyAccommodation(baseLimitMs, accommodation),
      questions,
      choiceOrder,
      status: 'not-started',
      answers: {},
      flags: [],
      selfMarks: {},
      timeSpent: {},
    };
  });
  return {
    format: 1,
    id: input.id,
    profileId: input.profileId,
    bankId: bank.id,
    bankVersion: bank.version,
    seed,
    createdAt: input.now,
    accommodation,
    mustTakeInOrder: settings.mustTakeInOrder,
    breaksAllowed: settings.breaksAllowed,
    passMarkPercent: settings.passMarkPercent,
    warningsPercent: [...settings.warningsPercent].sort((a, b) => b - a),
    sections,
  };
}

const isClosed = (s: AttemptSection) => s.status === 'submitted' || s.status === 'expired';

function section(a: Attempt, id: string): AttemptSection {
  const s = a.sections.find((x) => x.id === id);
  if (!s) throw new ExamRuleError('not-found', `no section "${id}" in this attempt`);
  return s;
}

function replace(a: Attempt, s: AttemptSection): Attempt {
  return { ...a, sections: a.sections.map((x) => (x.id === s.id ? s : x)) };
}

/** Credits the time since the learner started viewing a question, up to `until`. */
function creditViewing(s: AttemptSection, until: number): AttemptSection {
  if (!s.viewing) return s;
  const spent = Math.max(0, until - s.viewing.since);
  return { ...s, viewing: undefined, timeSpent: { ...s.timeSpent, [s.viewing.questionId]: (s.timeSpent[s.viewing.questionId] ?? 0) + spent } };
}

function close(s: AttemptSection, status: 'submitted' | 'expired', at: number): AttemptSection {
  return { ...creditViewing(s, at), status, closedAt: at };
}

/** Why a section cannot be opened now, or null. Expiry must have been applied first. */
export function whyCannotOpen(a: Attempt, id: string): ExamRuleError | null {
  const s = section(a, id);
  if (isClosed(s)) return new ExamRuleError('closed', `section "${id}" is ${s.status} and cannot be reopened`);
  if (s.status === 'open') return null;
  const open = a.sections.find((x) => x.status === 'open');
  if (open) return new ExamRuleError('another-open', `section "${open.id}" is still open; submit it first`);
  if (a.mustTakeInOrder) {
    const first = a.sections.find((x) => !isClosed(x));
    if (first && first.id !== id) return new ExamRuleError('order', `sections must be taken in order; "${first.id}" comes first`);
  }
  return null;
}

function startSection(s: AttemptSection, at: number): AttemptSection {
  return { ...s, status: 'open', openedAt: at, deadline: at + s.limitMs };
}

export function openSection(a0: Attempt, id: string, now: number): Attempt {
  const a = applyExpiry(a0, now);
  const err = whyCannotOpen(a, id);
  if (err) throw err;
  const s = section(a, id);
  return s.status === 'open' ? a : replace(a, startSection(s, now));
}

/** Without breaks, the next section's clock starts the moment the previous one closes. */
function chainNext(a: Attempt, closedId: string, at: number): Attempt {
  if (a.breaksAllowed) return a;
  const idx = a.sections.findIndex((s) => s.id === closedId);
  const next = a.sections.slice(idx + 1).find((s) => s.status === 'not-started') ?? a.sections.find((s) => s.status === 'not-started');
  return next ? replace(a, startSection(next, at)) : a;
}

/**
 * Closes every open section whose deadline has passed, at its deadline (not at `now`): the saved
 * answers are what is submitted. Without breaks this cascades, as it would in the real exam.
 */
export function applyExpiry(a0: Attempt, now: number): Attempt {
  let a = a0;
  for (let guard = 0; guard <= a.sections.length; guard++) {
    const s = a.sections.find((x) => x.status === 'open' && x.deadline !== undefined && x.deadline <= now);
    if (!s) return a;
    a = chainNext(replace(a, close(s, 'expired', s.deadline!)), s.id, s.deadline!);
  }
  return a;
}

function openOrThrow(a0: Attempt, id: string, now: number): [Attempt, AttemptSection] {
  const a = applyExpiry(a0, now);
  const s = section(a, id);
  if (s.status !== 'open') throw new ExamRuleError(isClosed(s) ? 'closed' : 'not-open', `section "${id}" is ${s.status}; answers can no longer change`);
  return [a, s];
}

function questionOf(s: AttemptSection, qid: string): Question {
  const q = s.questions.find((x) => x.id === qid);
  if (!q) throw new ExamRuleError('not-found', `no question "${qid}" in section "${s.id}"`);
  return q;
}

export function saveAnswer(a0: Attempt, sectionId: string, qid: string, answer: Answer, now: number): Attempt {
  const [a, s] = openOrThrow(a0, sectionId, now);
  const q = questionOf(s, qid);
  const wantsList = q.type === 'multiple';
  if (Array.isArray(answer) !== wantsList) throw new ExamRuleError('bad-answer', `question "${qid}" takes ${wantsList ? 'a list of choice ids' : 'one value'}`);
  if (q.type === 'single' || q.type === 'multiple') {
    const ids = new Set(q.choices.map((c) => c.id));
    const given = Array.isArray(answer) ? answer : answer === '' ? [] : [answer];
    if (given.some((g) => !ids.has(g))) throw new ExamRuleError('bad-answer', `question "${qid}" has no such choice`);
  }
  const viewed = s.viewing?.questionId === qid ? s : { ...creditViewing(s, now), viewing: { questionId: qid, since: now } };
  return replace(a, { ...viewed, answers: { ...viewed.answers, [qid]: Array.isArray(answer) ? [...new Set(answer)] : answer } });
}

/** The learner moved to a question: time on the previous one is credited (pacing chart). */
export function viewQuestion(a0: Attempt, sectionId: string, qid: string, now: number): Attempt {
  const [a, s] = openOrThrow(a0, sectionId, now);
  questionOf(s, qid);
  if (s.viewing?.questionId === qid) return a;
  return replace(a, { ...creditViewing(s, now), viewing: { questionId: qid, since: now } });
}

export function setFlag(a0: Attempt, sectionId: string, qid: string, flagged: boolean, now: number): Attempt {
  const [a, s] = openOrThrow(a0, sectionId, now);
  questionOf(s, qid);
  const flags = s.flags.filter((f) => f !== qid);
  return replace(a, { ...s, flags: flagged ? [...flags, qid] : flags });
}

/** Early submit. A section already past its deadline is recorded as expired, at its deadline. */
export function submitSection(a0: Attempt, sectionId: string, now: number): Attempt {
  const [a, s] = openOrThrow(a0, sectionId, now);
  return chainNext(replace(a, close(s, 'submitted', now)), s.id, now);
}

/** After a section is closed, the learner marks a short answer against the model answer. */
export function selfMark(a0: Attempt, sectionId: string, qid: string, points: number, now: number): Attempt {
  const a = applyExpiry(a0, now);
  const s = section(a, sectionId);
  if (!isClosed(s)) throw new ExamRuleError('not-closed', `section "${sectionId}" must be submitted before self-marking`);
  const q = questionOf(s, qid);
  if (q.type !== 'short') throw new ExamRuleError('not-short', `question "${qid}" is auto-graded`);
  if (!isAnswered(s.answers[qid])) throw new ExamRuleError('bad-answer', `question "${qid}" was not answered: there is nothing to mark`);
  if (!(points >= 0 && points <= q.points)) throw new ExamRuleError('bad-answer', `points must be between 0 and ${q.points}`);
  return replace(a, { ...s, selfMarks: { ...s.selfMarks, [qid]: points } });
}

export function remainingMs(s: AttemptSection, now: number): number | null {
  if (s.status !== 'open' || s.deadline === undefined) return null;
  // a clock set back (before a restart) must not stretch the section: never more than its limit
  return Math.min(s.limitMs, Math.max(0, s.deadline - now));
}

/** The warning threshold (percent of time left) the section has crossed, or null. Lowest crossed wins. */
export function warningLevel(s: AttemptSection, now: number, warningsPercent: readonly number[]): number | null {
  const left = remainingMs(s, now);
  if (left === null) return null;
  let level: number | null = null;
  for (const p of warningsPercent) if (left <= (s.limitMs * p) / 100 && (level === null || p < level)) level = p;
  return level;
}

export function isFinished(a: Attempt): boolean {
  return a.sections.every(isClosed);
}
