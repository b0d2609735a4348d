// Main-process implementation of ExamApi (shared/api/exam.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown and is parsed (zod) before use. Time comes only from the
// context's clocks, read through the attempt's own clock (shared/exam/clock.ts): deadlines are
// testable, an app restart honours time that passed meanwhile, and a clock set back gains nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import { MessageError } from '../../shared/errors';
import type { BankSummary, ExamInfo, examInvoke } from '../../shared/api/exam';
import type { Profile } from '../../shared/profile/schema';
import { msg } from '../../shared/check';
import { requireProfile, resolveProfile } from '../../shared/profile/load';
import { checkSettingsAgainstBank, MAX_BANK_BYTES, type QuestionBank } from '../../shared/exam/bank';
import {
  AccommodationSchema,
  AnswerSchema,
  applyExpiry,
  createAttempt,
  openSection,
  saveAnswer,
  selfMark,
  setFlag,
  submitSection,
  viewQuestion,
  type Attempt,
} from '../../shared/exam/attempt';
import { attemptSummary, attemptView } from '../../shared/exam/view';
import { examTime, withJump, type ClockReading } from '../../shared/exam/clock';
import { AttemptStore } from '../exam/attempt-store';
import { BankStore } from '../exam/bank-store';
import type { HandlerContext } from './context';

export type ExamHandlers = Pick<Handlers, keyof typeof examInvoke>;

export interface ExamOptions {
  /** admin-provided profiles (the same list the scan handlers get) */
  extraProfiles?: Profile[];
  /** the admin policy hides the mock exam: no attempt can start (the window hides it too) */
  hidden?: boolean;
}

const Id = z.string().min(1).max(64);
const AttemptId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

function bankSummary(bank: QuestionBank, origin: 'bundled' | 'imported'): BankSummary {
  return {
    id: bank.id,
    version: bank.version,
    title: bank.title,
    origin,
    sections: bank.sections.map((s) => ({ id: s.id, title: s.title, questionCount: s.questions.length })),
    questionCount: bank.sections.reduce((n, s) => n + s.questions.length, 0),
  };
}

export function createExamHandlers(ctx: HandlerContext, opts: ExamOptions = {}): ExamHandlers {
  const attempts = new AttemptStore(ctx.dataDir);
  const banks = new BankStore(ctx.dataDir);
  const extra = opts.extraProfiles ?? [];
  const run = `handlers-${randomUUID()}`;
  const read = (): ClockReading => ctx.clockReading?.() ?? { wall: ctx.now(), mono: ctx.now(), run };
  /**
   * The attempt's time now, and the attempt with its clock mark (and any wall-clock jump) saved:
   * every call through here is a checkpoint of the time used so far.
   */
  const tick = (a: Attempt): [Attempt, number] => {
    const t = examTime(a.clock, read());
    if (t.jumpMs !== null) ctx.log?.log('warn', 'exam-clock-jump', { attempt: a.id, byMs: t.jumpMs });
    const clockJumps = t.jumpMs === null ? a.clockJumps : withJump(a.clockJumps, { at: t.now, byMs: t.jumpMs });
    return [{ ...a, clock: t.mark, ...(clockJumps ? { clockJumps } : {}) }, t.now];
  };

  /** load, apply expiry with the main clock, run the change, save: one attempt at a time */
  const change = async (rawId: unknown, fn: (a: Attempt, now: number) => Attempt) => {
    const id = AttemptId.parse(rawId);
    let now = 0;
    const a = await attempts.update(id, (x) => {
      const [y, t] = tick(x);
      now = t;
      return fn(applyExpiry(y, t), t);
    });
    return attemptView(a, now);
  };

  const info = async (profileId: string): Promise<ExamInfo> => {
    const known = resolveProfile(profileId, extra);
    // the exam screen lists this among the mock exam's problems (in the learner's words)
    if (!known.ok) return { profileId, settings: null, bank: null, problems: [msg('exam:problems.unknownProfile', { id: profileId })] };
    const p = known.value;
    if (!p.mockExam) return { profileId, settings: null, bank: null, problems: [] };
    const all = await banks.all();
    const found = all.banks.find((b) => b.bank.id === p.mockExam!.bankId);
    if (!found) return { profileId, settings: p.mockExam, bank: null, problems: [msg('exam:problems.bankMissing', { bank: p.mockExam.bankId })] };
    return { profileId, settings: p.mockExam, bank: bankSummary(found.bank, found.origin), problems: checkSettingsAgainstBank(p.mockExam, found.bank) };
  };

  return {
    async examInfo(profileId) {
      return info(Id.parse(profileId));
    },
    async listBanks() {
      const all = await banks.all();
      return { banks: all.banks.map((b) => bankSummary(b.bank, b.origin)), problems: all.problems };
    },
    async importBank(text, fileName) {
      const r = await banks.import(z.string().max(MAX_BANK_BYTES).parse(text), z.string().min(1).max(260).parse(fileName));
      return r.ok ? { ok: true, bank: bankSummary(r.bank, 'imported') } : r;
    },
    async startAttempt(profileId, accommodation) {
      const pid = Id.parse(profileId);
      const acc = AccommodationSchema.parse(accommodation);
      if (opts.hidden) throw new MessageError(msg('errors:mockExamOff'), "the mock exam is turned off by the administrator's policy on this computer");
      const i = await info(pid);
      const p = requireProfile(pid, extra);
      if (!p.mockExam || !i.bank || i.problems.length)
        throw new MessageError(
          msg('errors:mockExamCannotStart'),
          `the mock exam of "${pid}" cannot start: ${i.problems.map((x) => `${x.key} ${JSON.stringify(x.params ?? {})}`).join('; ') || 'no mock exam in this profile'}`,
        );
      const bank = (await banks.find(p.mockExam.bankId))!;
      const t = examTime(undefined, read());
      const now = t.now;
      const created = createAttempt({
        id: randomUUID(),
        profileId: pid,
        settings: p.mockExam,
        bank,
        seed: randomBytes(4).readInt32LE(0),
        accommodation: acc,
        now,
      });
      const attempt: Attempt = { ...created, clock: t.mark };
      await attempts.save(attempt);
      return attemptView(attempt, now);
    },
    async getAttempt(attemptId) {
      // resuming: a section whose deadline passed while the app was closed is submitted now, as saved
      return change(attemptId, (a) => a);
    },
    async listAttempts(profileId) {
      const pid = profileId === undefined || profileId === null ? undefined : Id.parse(profileId);
      const list = await attempts.list();
      const out = [];
      for (const a of list) {
        if (pid && a.profileId !== pid) continue;
        // each attempt by its own clock; saved (with the clock's mark) only when a section expired
        const [ticked, now] = tick(a);
        const b = applyExpiry(ticked, now);
        if (b !== ticked) await attempts.save(b);
        out.push(attemptSummary(b));
      }
      return { attempts: out, movedAside: attempts.movedAside.map((m) => ({ file: m.from, movedTo: m.to, problem: m.problem, message: m.message })) };
    },
    async openSection(attemptId, sectionId) {
      const sid = Id.parse(sectionId);
      return change(attemptId, (a, now) => openSection(a, sid, now));
    },
    async saveAnswer(attemptId, sectionId, questionId, answer) {
      const [sid, qid, ans] = [Id.parse(sectionId), Id.parse(questionId), AnswerSchema.parse(answer)];
      return change(attemptId, (a, now) => saveAnswer(a, sid, qid, ans, now));
    },
    async viewQuestion(attemptId, sectionId, questionId) {
      const [sid, qid] = [Id.parse(sectionId), Id.parse(questionId)];
      return change(attemptId, (a, now) => viewQuestion(a, sid, qid, now));
    },
    async flagQuestion(attemptId, sectionId, questionId, flagged) {
      const [sid, qid, f] = [Id.parse(sectionId), Id.parse(questionId), z.boolean().parse(flagged)];
      return change(attemptId, (a, now) => setFlag(a, sid, qid, f, now));
    },
    async submitSection(attemptId, sectionId) {
      const sid = Id.parse(sectionId);
      return change(attemptId, (a, now) => submitSection(a, sid, now));
    },
    async selfMark(attemptId, sectionId, questionId, points) {
      const [sid, qid, pts] = [Id.parse(sectionId), Id.parse(questionId), z.number().min(0).max(1000).parse(points)];
      return change(attemptId, (a, now) => selfMark(a, sid, qid, pts, now));
    },
  };
}
