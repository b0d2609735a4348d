// Mock exam settings carried by a profile: which bank, which sections, how long each is open,
// the order and break rules, the pass mark and the warning points. Times are minutes here;
// the engine turns them into wall-clock deadlines when a section is opened.
import { z } from 'zod';
import { LocalTextSchema } from '../i18n/text';

export const MockSectionSettingsSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    title: LocalTextSchema,
    /** minutes the section stays open once the learner opens it (before accommodations) */
    timeLimitMinutes: z
      .number()
      .positive()
      .max(24 * 60),
    /** id of the section in the bank the questions are drawn from */
    bankSection: z.string().min(1),
    /** how many questions to sample from that bank section (all when absent) */
    questionCount: z.number().int().positive().optional(),
  })
  .strict();
export type MockSectionSettings = z.infer<typeof MockSectionSettingsSchema>;

export const MockExamSettingsSchema = z
  .object({
    /** id of the question bank (bundled or imported) */
    bankId: z.string().min(1),
    sections: z.array(MockSectionSettingsSchema).min(1),
    /** sections must be taken in the listed order */
    mustTakeInOrder: z.boolean().default(false),
    /** false: the next section opens as soon as the previous one is submitted */
    breaksAllowed: z.boolean().default(true),
    passMarkPercent: z.number().min(0).max(100).default(60),
    /** announce when this share of the section's time is left, in percent */
    warningsPercent: z.array(z.number().gt(0).lt(100)).default([20, 5]),
    /** learners may declare extra time (added minutes or a multiplier) */
    accommodationsAllowed: z.boolean().default(true),
    /** where the time limits and rules come from */
    source: z.object({ source: z.string(), quote: z.string() }).optional(),
  })
  .strict();
export type MockExamSettings = z.infer<typeof MockExamSettingsSchema>;
export type MockExamSettingsInput = z.input<typeof MockExamSettingsSchema>;
