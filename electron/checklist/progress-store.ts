// The learner's checklist progress per exam, in <dataDir>/checklists.json. Below the IPC handlers
// (which change it) because the report reads it too (electron/report/collect.ts).
import path from 'node:path';
import { z } from 'zod';
import type { Profile } from '../../shared/profile/schema';
import { ChecklistProgressSchema, EMPTY_PROGRESS, summarizeChecklists, type ChecklistSummary } from '../../shared/checklist/summary';
import { JsonStore } from '../storage/json-store';

const FileSchema = z.object({ format: z.literal(1), profiles: z.record(z.string(), ChecklistProgressSchema) }).strict();
type ProgressFile = z.infer<typeof FileSchema>;

export function checklistStore(dataDir: string) {
  return new JsonStore(path.join(dataDir, 'checklists.json'), FileSchema, (): ProgressFile => ({ format: 1, profiles: {} }));
}

/** The checklist summary of one exam, for the report (no side effects beyond moving a corrupt file aside). */
export async function readChecklistSummary(ctx: { dataDir: string }, profile: Profile): Promise<ChecklistSummary> {
  const { value } = await checklistStore(ctx.dataDir).load();
  return summarizeChecklists(profile, value.profiles[profile.id] ?? EMPTY_PROGRESS);
}
