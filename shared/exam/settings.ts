// Mock exam settings carried by a profile. OWNED BY: mock exam work.
// Placeholder shape; the mock exam work fills it in.
import { z } from 'zod';

export const MockExamSettingsSchema = z.object({}).passthrough();
export type MockExamSettings = z.infer<typeof MockExamSettingsSchema>;
