// One file of a cohort: a report (format 1 or 2) or a saved facts file, opened with the viewer's own
// code (electron/handlers/report.ts: damaged, truncated, future-format and edited files are told
// apart), optionally re-judged against one exam. Never throws for bad input: a bad file is a skip
// with its reason, and the run goes on.
import type { KeysUnder } from '../../shared/i18n/keys';
import { msg, type Msg } from '../../shared/check';
import { FactsSchema } from '../../shared/facts';
import { shortCheckId } from '../../shared/report/model';
import { judge } from '../../shared/pipeline';
import type { NetworkRun } from '../../shared/network/result';
import type { Profile } from '../../shared/profile/schema';
import type { CohortReport } from '../../shared/cohort/accumulator';
import { MAX_COHORT_FILE_BYTES, type SkipKind } from '../../shared/cohort/summary';
import { localize } from '../../shared/i18n/text';
import { openReportText } from '../../shared/report/open';

export type CohortFileResult = { ok: true; report: CohortReport } | { ok: false; kind: SkipKind; message: Msg };

export { MAX_COHORT_FILE_BYTES };

const skip = (kind: SkipKind, key: KeysUnder<'cohort:skip.'>, params: Record<string, string | number>): CohortFileResult => ({
  ok: false,
  kind,
  message: msg(`cohort:skip.${key}`, params),
});

export const tooLarge = (file: string, size: number): CohortFileResult => skip('too-large', 'tooLarge', { file, size, limit: MAX_COHORT_FILE_BYTES });
export const notRegular = (file: string): CohortFileResult => skip('not-regular', 'notRegular', { file });
export const linkOutside = (file: string): CohortFileResult => skip('link-outside', 'linkOutside', { file });
export const unreadable = (file: string, detail: string): CohortFileResult => skip('unreadable', 'unreadable', { file, detail: detail.slice(0, 300) });

/** Re-judged against `profile` by the one judge, with the network measurement the report carries (as the viewer does). */
function judged(profile: Profile, base: Pick<CohortReport, 'checkId' | 'createdAt' | 'facts'>, network: NetworkRun | null): CohortReport {
  const { results, verdict } = judge(profile, { facts: base.facts, network });
  return {
    checkId: base.checkId,
    createdAt: base.createdAt,
    facts: base.facts,
    verdict,
    results,
    profile: { id: profile.id, version: profile.version, title: localize(profile.title, 'en').text },
  };
}

/** A bare facts file (what `exam-preflight check --format json` carries under "facts", saved alone). */
function asFacts(text: string): CohortReport['facts'] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || !('schemaVersion' in raw) || !('os' in raw)) return null;
  const r = FactsSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function openCohortText(text: string, file: string, profile: Profile | null): CohortFileResult {
  const opened = openReportText(text, file);
  if (!opened.ok) {
    if (opened.problem.kind === 'not-report') {
      const facts = asFacts(text);
      if (facts) {
        if (!profile) return skip('needs-profile', 'needsProfile', { file });
        // a facts file has no check id of its own: one derived from its content labels it the same way
        return { ok: true, report: judged(profile, { checkId: shortCheckId(JSON.stringify(facts)), createdAt: facts.collectedAt, facts }, null) };
      }
    }
    return { ok: false, kind: opened.problem.kind as SkipKind, message: opened.problem.message };
  }
  const { report, tampered } = opened.value;
  // an edited report could say anything (a failed check turned into a pass): listed, never counted
  if (tampered) return skip('tampered', 'tampered', { file, checkId: report.checkId, expected: tampered.expectedCheckId });
  return { ok: true, report: profile ? judged(profile, report, report.network) : report };
}
