// The outcome of one system check run: facts + evaluated results. The report model wraps this.
import { z } from 'zod';
import { CheckResultSchema } from './check';
import { FactsSchema } from './facts';

export const ScanResultSchema = z.object({
  profileId: z.string(),
  profileVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  facts: FactsSchema,
  results: z.array(CheckResultSchema),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

export const ProfileSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  program: z.string(),
  course: z.string().nullable(),
  /** "builtin" or the folder/file it was loaded from */
  origin: z.string(),
  hasChecklists: z.boolean(),
  hasMockExam: z.boolean(),
  /** the exam's own support contact (from its FAQ), shown with the admin's */
  support: z.object({ email: z.string().optional(), url: z.string().optional() }).nullable(),
  /** the profile has no text in the asked language: English is shown instead, marked as such */
  untranslated: z.boolean(),
  /** when the profile was last checked against its sources (YYYY-MM-DD), and whether that is long ago */
  reviewed: z.string().nullable(),
  reviewStale: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;
