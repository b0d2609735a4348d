// Checklists an exam carries, as profile data: the photo ID, the allowed materials and the room and
// desk. Each item is a statement the learner ticks off, why it matters and what "done" looks like;
// required items block "ready", optional ones do not; an exam switches items off with `enabled`.
import { z } from 'zod';
import { LocalTextSchema } from '../i18n/text';
import { SourceRefSchema } from '../check';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

export const ChecklistItemSchema = z
  .object({
    id: Id,
    statement: LocalTextSchema,
    why: LocalTextSchema,
    /** what "done" looks like: a concrete picture, not a restatement */
    done: LocalTextSchema,
    required: z.boolean().default(true),
    /** false hides the item for this exam (e.g. a room rule an exam does not make) */
    enabled: z.boolean().default(true),
    /** a closed list the item allows exactly, e.g. the approved translators */
    allowed: z.array(z.object({ name: LocalTextSchema, url: z.url({ protocol: /^https?$/ }).optional() }).strict()).optional(),
    source: SourceRefSchema.optional(),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** The three kinds of checklist; `id` sections get the name and expiry comparison on screen. */
export const CHECKLIST_SECTIONS = ['id', 'materials', 'room'] as const;
export type ChecklistSectionId = (typeof CHECKLIST_SECTIONS)[number];

export const ChecklistSectionSchema = z
  .object({
    id: z.enum(CHECKLIST_SECTIONS),
    /** shown above the items; the section's usual title is used when absent */
    intro: LocalTextSchema.optional(),
    items: z.array(ChecklistItemSchema).min(1),
  })
  .strict();
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;

export const ChecklistsSchema = z
  .object({ sections: z.array(ChecklistSectionSchema).min(1) })
  .strict()
  .superRefine((c, ctx) => {
    // ids are what progress is saved under: one section of each kind, item ids unique in the profile
    const sections = new Set<string>();
    const items = new Set<string>();
    c.sections.forEach((s, si) => {
      if (sections.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `section "${s.id}" appears twice` });
      sections.add(s.id);
      s.items.forEach((it, ii) => {
        if (items.has(it.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'items', ii, 'id'], message: `item id "${it.id}" is used twice` });
        items.add(it.id);
      });
    });
  });
export type Checklists = z.infer<typeof ChecklistsSchema>;

/** The items an exam actually asks for (enabled), with their section. */
export function activeItems(c: Checklists | undefined): Array<ChecklistItem & { section: ChecklistSectionId }> {
  return (c?.sections ?? []).flatMap((s) => s.items.filter((i) => i.enabled).map((i) => ({ ...i, section: s.id })));
}
