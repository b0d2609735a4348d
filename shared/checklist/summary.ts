// Checklist progress (what the learner ticked, per exam) and its summary for the verdict and the
// report. Progress holds ticks and the exam date only: the names and ID dates typed into the ID
// comparison are never stored.
import { z } from 'zod';
import { activeItems, type ChecklistSectionId, type Checklists } from './schema';

export const ChecklistProgressSchema = z
  .object({
    ticked: z.array(z.string().max(64)).max(500),
    /** "YYYY-MM-DD" as the learner set it, or null */
    examDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    updatedAt: z.string().nullable(),
  })
  .strict();
export type ChecklistProgress = z.infer<typeof ChecklistProgressSchema>;
export const EMPTY_PROGRESS: ChecklistProgress = { ticked: [], examDate: null, updatedAt: null };

export const ChecklistSummarySchema = z.object({
  /** none: the exam has no checklists; complete: every required item ticked */
  status: z.enum(['none', 'complete', 'incomplete']),
  total: z.number().int(),
  done: z.number().int(),
  requiredOpen: z.number().int(),
  items: z.array(z.object({ id: z.string(), section: z.enum(['id', 'materials', 'room']), required: z.boolean(), done: z.boolean() })),
  examDate: z.string().nullable(),
});
export type ChecklistSummary = z.infer<typeof ChecklistSummarySchema>;

/** `profile`: any exam profile (only its checklists are read; checklist/ stands below profile/) */
export function summarizeChecklists(profile: { checklists?: Checklists | undefined }, progress: ChecklistProgress): ChecklistSummary {
  const ticked = new Set(progress.ticked);
  const items = activeItems(profile.checklists).map((i) => ({
    id: i.id,
    section: i.section as ChecklistSectionId,
    required: i.required,
    done: ticked.has(i.id),
  }));
  const requiredOpen = items.filter((i) => i.required && !i.done).length;
  return {
    status: items.length === 0 ? 'none' : requiredOpen === 0 ? 'complete' : 'incomplete',
    total: items.length,
    done: items.filter((i) => i.done).length,
    requiredOpen,
    items,
    examDate: progress.examDate,
  };
}
