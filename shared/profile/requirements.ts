// System requirements of an exam (evaluated by shared/rules). OWNED BY: rules/profiles work.
// Placeholder shape; the rules work fills it in.
import { z } from 'zod';

export const RequirementsSchema = z.object({}).passthrough();
export type Requirements = z.infer<typeof RequirementsSchema>;
