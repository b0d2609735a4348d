// Gathers what a report carries besides the machine's check: the checklist status (ticks only) and
// the latest mock exam of this exam, read from the app data folder. Plain Node, no Electron.
import type { Profile } from '../../shared/profile/schema';
import { applyExpiry, type Attempt } from '../../shared/exam/attempt';
import { scoreAttempt, pacing } from '../../shared/exam/scoring';
import type { MockExamSummary } from '../../shared/report/model';
import type { ChecklistSummary } from '../../shared/checklist/summary';
import { AttemptStore } from '../exam/attempt-store';
import { readChecklistSummary } from '../checklist/progress-store';

function accommodationText(a: Attempt['accommodation']): string {
  return a.kind === 'extra-minutes' ? `+${a.minutes} min` : a.kind === 'multiplier' ? `×${a.factor}` : 'none';
}

/** The newest attempt of this exam, with expiry applied at `now` (read-only: nothing is saved). */
export async function latestMockExam(dataDir: string, profileId: string, now: number): Promise<MockExamSummary | null> {
  const list = await new AttemptStore(dataDir).list();
  const latest = list.find((a) => a.profileId === profileId);
  if (!latest) return null;
  const a = applyExpiry(latest, now);
  const score = scoreAttempt(a);
  return {
    attemptId: a.id,
    bankId: a.bankId,
    startedAt: new Date(a.createdAt).toISOString(),
    finished: a.sections.every((s) => s.status === 'submitted' || s.status === 'expired'),
    percent: score.percent,
    passMarkPercent: score.passMarkPercent,
    verdict: score.verdict,
    accommodation: accommodationText(a.accommodation),
    sections: a.sections.map((s, i) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      earned: score.sections[i]!.earned,
      possible: score.sections[i]!.possible,
      usedMs: s.closedAt !== undefined ? pacing(s).usedMs : null,
      limitMs: s.limitMs,
    })),
  };
}

export async function reportExtras(
  dataDir: string,
  profile: Profile,
  now: number,
): Promise<{ checklist: ChecklistSummary | null; mockExam: MockExamSummary | null }> {
  const [checklist, mockExam] = await Promise.all([
    profile.checklists ? readChecklistSummary({ dataDir }, profile) : Promise.resolve(null),
    latestMockExam(dataDir, profile.id, now),
  ]);
  return { checklist, mockExam };
}
