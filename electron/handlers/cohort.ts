// Main-process implementation of CohortApi (shared/api/cohort.ts): the viewer's dashboard of many
// reports. Each batch of file texts is opened (electron/cohort/open.ts, the CLI's own code), fed to
// an accumulator and dropped; only the aggregates live between calls. A window can hold a few
// cohorts at once (two tabs of thought, a retry); the oldest goes when a new one would pass the cap.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import type { cohortInvoke } from '../../shared/api/cohort';
import { createCohort, type CohortAccumulator } from '../../shared/cohort/accumulator';
import { resolveProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import { MAX_COHORT_FILE_BYTES, openCohortText, tooLarge } from '../cohort/open';
import { MAX_REPORT_CHARS } from './report';

export type CohortHandlers = Pick<Handlers, keyof typeof cohortInvoke>;

const MAX_OPEN = 4;
const Id = z.string().uuid();
const Batch = z
  .array(
    z.object({
      name: z
        .string()
        .max(1000)
        .transform((n) => n || 'report.json'),
      size: z.number().nonnegative(),
      text: z
        .string()
        .max(MAX_REPORT_CHARS + 1)
        .nullable(),
    }),
  )
  .max(200);

export function createCohortHandlers(opts: { extraProfiles?: Profile[] } = {}): CohortHandlers {
  const open = new Map<string, { cohort: CohortAccumulator; profile: Profile | null }>();
  const get = (id: unknown) => {
    const c = open.get(Id.parse(id));
    if (!c) throw new Error('this cohort is closed: open the files again');
    return c;
  };
  return {
    async startCohort(profileId: unknown) {
      const pid = z.string().min(1).max(100).nullable().parse(profileId);
      const found = pid === null ? null : resolveProfile(pid, opts.extraProfiles ?? []);
      if (found && !found.ok) return { ok: false as const, unknownProfile: pid! };
      const profile = found?.value ?? null;
      if (open.size >= MAX_OPEN) open.delete(open.keys().next().value!);
      const id = randomUUID();
      open.set(id, { cohort: createCohort({ reevaluatedAgainst: profile ? { id: profile.id, version: profile.version } : null }), profile });
      return { ok: true as const, id };
    },
    async addToCohort(id: unknown, files: unknown) {
      const c = get(id);
      for (const f of Batch.parse(files)) {
        const r = f.text === null || f.size > MAX_COHORT_FILE_BYTES ? tooLarge(f.name, f.size) : openCohortText(f.text, f.name, c.profile);
        if (r.ok) c.cohort.add(f.name, r.report);
        else c.cohort.skip(f.name, r.kind, r.message);
      }
      return { reports: c.cohort.reports, skipped: c.cohort.skipped };
    },
    async finishCohort(id: unknown) {
      const c = get(id);
      open.delete(Id.parse(id));
      return c.cohort.summary();
    },
  };
}
