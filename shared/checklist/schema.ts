// Checklists an exam carries (photo ID, allowed materials, room and desk). OWNED BY: checklists work.
// Placeholder shape; the checklists work fills it in.
import { z } from 'zod';

export const ChecklistsSchema = z.object({}).passthrough();
export type Checklists = z.infer<typeof ChecklistsSchema>;
