// Checklist part of the renderer <-> main contract: the exam's checklists (profile data) and the
// learner's progress on them, saved per exam in the app data folder. electron/handlers/checklist.ts
// implements it; every change is on disk before the call resolves.
import type { Msg } from '../check';
import type { Checklists } from '../checklist/schema';
import type { ChecklistProgress, ChecklistSummary } from '../checklist/summary';

export interface ChecklistState {
  profileId: string;
  /** the exam's checklists as the profile carries them (texts in every language it has); null: none */
  checklists: Checklists | null;
  progress: ChecklistProgress;
  summary: ChecklistSummary;
  /** the progress file was unreadable: moved aside (kept) and progress started afresh */
  /** `message` says what was wrong in the learner's language; `problem` is the English detail */
  notice: { movedTo: string; problem: string; message?: Msg } | null;
}

export interface ChecklistApi {
  getChecklists(profileId: string): Promise<ChecklistState>;
  setChecklistItem(profileId: string, itemId: string, done: boolean): Promise<ChecklistState>;
  /** "YYYY-MM-DD", or null to clear */
  setExamDate(profileId: string, date: string | null): Promise<ChecklistState>;
  /** forgets the ticks and the exam date of this exam only */
  resetChecklists(profileId: string): Promise<ChecklistState>;
}

export const checklistInvoke = {
  getChecklists: 'preflight:checklists-get',
  setChecklistItem: 'preflight:checklists-set-item',
  setExamDate: 'preflight:checklists-set-exam-date',
  resetChecklists: 'preflight:checklists-reset',
} as const;

export const checklistEvents = {} as const;
