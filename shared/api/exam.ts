// Exam part of the renderer <-> main contract: the timed mock exam. electron/handlers/exam.ts
// implements it; every method that changes an attempt has saved it to disk before it resolves.
import type { LocalText } from '../i18n/text';
import type { Msg } from '../check';
import type { BankProblem } from '../exam/bank';
import type { MockExamSettings } from '../exam/settings';
import type { Accommodation } from '../exam/attempt';
import type { Answer } from '../exam/grading';
import type { AttemptSummary, AttemptView } from '../exam/view';

export type { AttemptView, AttemptSummary, SectionView, QuestionView } from '../exam/view';

export interface BankSummary {
  id: string;
  version: string;
  title: LocalText;
  origin: 'bundled' | 'imported';
  sections: { id: string; title: LocalText; questionCount: number }[];
  questionCount: number;
}

export interface ExamInfo {
  profileId: string;
  /** null when the profile has no mock exam */
  settings: MockExamSettings | null;
  bank: BankSummary | null;
  /** settings that do not fit the bank, or the bank is missing (the exam cannot start) */
  problems: Msg[];
}

export type ImportBankResult = { ok: true; bank: BankSummary } | { ok: false; problems: BankProblem[] };

export interface ExamApi {
  examInfo(profileId: string): Promise<ExamInfo>;
  listBanks(): Promise<{ banks: BankSummary[]; problems: BankProblem[] }>;
  /** the content of a bank file the learner picked (the renderer reads it with <input type=file>) */
  importBank(text: string, fileName: string): Promise<ImportBankResult>;
  startAttempt(profileId: string, accommodation: Accommodation): Promise<AttemptView>;
  /** resumes: expired sections are submitted with what was saved, using the main clock */
  getAttempt(attemptId: string): Promise<AttemptView>;
  listAttempts(profileId?: string): Promise<{ attempts: AttemptSummary[]; movedAside: { file: string; movedTo: string; problem: string; message?: Msg }[] }>;
  openSection(attemptId: string, sectionId: string): Promise<AttemptView>;
  saveAnswer(attemptId: string, sectionId: string, questionId: string, answer: Answer): Promise<AttemptView>;
  viewQuestion(attemptId: string, sectionId: string, questionId: string): Promise<AttemptView>;
  flagQuestion(attemptId: string, sectionId: string, questionId: string, flagged: boolean): Promise<AttemptView>;
  submitSection(attemptId: string, sectionId: string): Promise<AttemptView>;
  selfMark(attemptId: string, sectionId: string, questionId: string, points: number): Promise<AttemptView>;
}

export const examInvoke = {
  examInfo: 'preflight:exam-info',
  listBanks: 'preflight:exam-list-banks',
  importBank: 'preflight:exam-import-bank',
  startAttempt: 'preflight:exam-start-attempt',
  getAttempt: 'preflight:exam-get-attempt',
  listAttempts: 'preflight:exam-list-attempts',
  openSection: 'preflight:exam-open-section',
  saveAnswer: 'preflight:exam-save-answer',
  viewQuestion: 'preflight:exam-view-question',
  flagQuestion: 'preflight:exam-flag-question',
  submitSection: 'preflight:exam-submit-section',
  selfMark: 'preflight:exam-self-mark',
} as const;

export const examEvents = {} as const;
