// Main-process implementation of ChecklistApi (shared/api/checklist.ts): progress per exam in
// <dataDir>/checklists.json (atomic writes, one change at a time). A corrupt file is moved aside and
// the window told so; it is never silently wiped. Arguments arrive as unknown and are parsed (zod).
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import { MessageError } from '../../shared/errors';
import type { ChecklistState, checklistInvoke } from '../../shared/api/checklist';
import { msg } from '../../shared/check';
import { requireProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import { activeItems } from '../../shared/checklist/schema';
import { parseDay } from '../../shared/checklist/dates';
import { EMPTY_PROGRESS, summarizeChecklists, type ChecklistProgress } from '../../shared/checklist/summary';
import { checklistStore } from '../checklist/progress-store';
import { serialized } from '../storage/file-queue';
import type { HandlerContext } from './context';

export type ChecklistHandlers = Pick<Handlers, keyof typeof checklistInvoke>;

export interface ChecklistOptions {
  extraProfiles?: Profile[];
}

const ProfileId = z.string().min(1).max(64);
const ItemId = z.string().min(1).max(64);
const Day = z
  .string()
  .max(10)
  .nullable()
  .refine((d) => d === null || parseDay(d) !== null, 'a calendar day "YYYY-MM-DD"');

export function createChecklistHandlers(ctx: HandlerContext, opts: ChecklistOptions = {}): ChecklistHandlers {
  const store = checklistStore(ctx.dataDir);
  let notice: ChecklistState['notice'] = null;

  const profileOf = (raw: unknown) => {
    return requireProfile(ProfileId.parse(raw), opts.extraProfiles ?? []);
  };
  const load = async () => {
    const { value, movedAside } = await store.load();
    if (movedAside) notice = { movedTo: movedAside.to, problem: movedAside.problem, message: movedAside.message };
    return value;
  };
  const state = (p: Profile, progress: ChecklistProgress): ChecklistState => ({
    profileId: p.id,
    checklists: p.checklists ?? null,
    progress,
    summary: summarizeChecklists(p, progress),
    notice,
  });
  /** load-change-save, one at a time: two quick ticks cannot overwrite each other */
  const change = (p: Profile, fn: (x: ChecklistProgress) => ChecklistProgress | null) => {
    // one at a time per file, shared with any other handler set on this folder (storage/file-queue.ts)
    return serialized(store.file, async () => {
      const file = await load();
      const next = fn(file.profiles[p.id] ?? EMPTY_PROGRESS);
      const profiles = { ...file.profiles };
      if (next) profiles[p.id] = { ...next, updatedAt: new Date(ctx.now()).toISOString() };
      else delete profiles[p.id];
      await store.save({ format: 1, profiles });
      return state(p, profiles[p.id] ?? EMPTY_PROGRESS);
    });
  };

  return {
    async getChecklists(profileId) {
      const p = profileOf(profileId);
      const file = await load();
      return state(p, file.profiles[p.id] ?? EMPTY_PROGRESS);
    },
    async setChecklistItem(profileId, itemId, done) {
      const p = profileOf(profileId);
      const id = ItemId.parse(itemId);
      const on = z.boolean().parse(done);
      if (!activeItems(p.checklists).some((i) => i.id === id))
        throw new MessageError(msg('errors:unknownChecklistItem', { profile: p.id, item: id }), `the exam "${p.id}" has no checklist item "${id}"`);
      return change(p, (x) => ({ ...x, ticked: on ? [...new Set([...x.ticked, id])] : x.ticked.filter((t) => t !== id) }));
    },
    async setExamDate(profileId, date) {
      const p = profileOf(profileId);
      const day = Day.parse(date);
      return change(p, (x) => ({ ...x, examDate: day }));
    },
    async resetChecklists(profileId) {
      return change(profileOf(profileId), () => null);
    },
  };
}
