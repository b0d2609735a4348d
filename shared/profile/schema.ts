// Exam profile: everything an exam asks of a learner, as data. Built-in profiles live in
// shared/profile/builtin/*.json; admins add their own (policy "extra profiles" folder).
// Sub-schemas live beside the code that uses them:
//   requirements.ts        system requirements evaluated by shared/rules
//   ../checklist/schema.ts ID, allowed materials, room and desk
//   ../exam/settings.ts    mock exam settings (sections, time limits, pass mark, accommodations)
import { z } from 'zod';
import { LocalTextSchema } from '../i18n/text';
import { SourceRefSchema } from '../check';
import { RequirementsSchema } from './requirements';
import { ChecklistsSchema } from '../checklist/schema';
import { MockExamSettingsSchema } from '../exam/settings';

export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

export const ProfileSourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** file name under docs/sources (the FAQ copies kept in the repository) or a URL the learner can open */
  ref: z.string(),
  /**
   * What the text is to this exam (shared/profile/tier.ts): the exam's own FAQ (`faq`, the
   * default), a text the FAQ delegates to (`delegated`: the edX learner guide, the proctoring
   * software's requirements; `delegatedBy` quotes the FAQ sentence that points there), or
   * `reference` material that binds nobody (a standard, a vendor the exam does not use).
   */
  kind: z.enum(['faq', 'delegated', 'reference']).optional(),
  /** the FAQ sentence that delegates to this text (kind `delegated`) */
  delegatedBy: SourceRefSchema.optional(),
  /** who publishes it, named to learners in advisory texts ("recommended because ProctorU requires it") */
  publisher: z.string().max(80).optional(),
  /** where a copy kept under docs/sources came from */
  url: z.string().url().optional(),
});
export type ProfileSource = z.infer<typeof ProfileSourceSchema>;

export const ProfileSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(PROFILE_ID_PATTERN, 'lower-case letters, digits and dashes, 2–64 characters'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version, e.g. 1.0.0'),
    /** the day the profile was last checked against its sources (YYYY-MM-DD); the app says when that is long ago */
    reviewed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD')
      .optional(),
    /**
     * builds on one other profile: a built-in id ("mitx-base", "mitx-sds-capstone"…) or a file path
     * relative to this one ("./base.json"); resolved before validation (docs/profiles.md)
     */
    extends: z.string().min(1).optional(),
    title: LocalTextSchema,
    program: LocalTextSchema,
    course: LocalTextSchema.optional(),
    description: LocalTextSchema.optional(),
    sources: z.array(ProfileSourceSchema).default([]),
    requirements: RequirementsSchema,
    checklists: ChecklistsSchema.optional(),
    mockExam: MockExamSettingsSchema.optional(),
    /** support contact shown on screen and in the report (a policy may override it) */
    support: z.object({ email: z.string().optional(), url: z.string().optional() }).optional(),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
