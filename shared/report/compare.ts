// Comparing two reports of the same learner: which checks were fixed, broke, are new or were
// removed. Pure; the viewer's handler opens both files and calls compareReports.
import type { CheckChange, CheckComparison, OpenedReport, ReportComparison } from './opened';
import type { CheckResult, CheckStatus } from '../check';

/**
 * Worst first: a change towards `pass` is a fix, away from it a break. A check that stops applying
 * (the learner moved from Windows to a Mac) left nothing to fix: ranked with `pass`, so a fail that
 * became not-applicable is "fixed" and a not-applicable that became a fail "broke".
 */
const RANK: Record<CheckStatus, number> = { pass: 0, 'not-applicable': 0, warn: 1, unknown: 2, fail: 3 };

export function compareResults(before: readonly CheckResult[], after: readonly CheckResult[]): CheckComparison[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const out: CheckComparison[] = after.map((a) => {
    const b = old.get(a.id) ?? null;
    old.delete(a.id);
    const change: CheckChange = !b ? 'new' : RANK[a.status] < RANK[b.status] ? 'fixed' : RANK[a.status] > RANK[b.status] ? 'broke' : 'unchanged';
    return { id: a.id, change, before: b, after: a };
  });
  for (const b of old.values()) out.push({ id: b.id, change: 'removed', before: b, after: null });
  // what needs attention first: broke, then fixed, new, removed, unchanged (stable within each)
  const order: CheckChange[] = ['broke', 'fixed', 'new', 'removed', 'unchanged'];
  return out
    .map((c, i) => ({ c, i }))
    .sort((x, y) => order.indexOf(x.c.change) - order.indexOf(y.c.change) || x.i - y.i)
    .map((x) => x.c);
}

const time = (r: OpenedReport) => Date.parse(r.report.createdAt) || 0;

/** Orders two opened reports by creation time and compares the older's checks with the newer's. */
export function compareReports(a: OpenedReport, b: OpenedReport): ReportComparison {
  const [older, newer] = time(b) < time(a) ? [b, a] : [a, b];
  const checks = compareResults(older.report.results, newer.report.results);
  const counts: Record<CheckChange, number> = { fixed: 0, broke: 0, new: 0, removed: 0, unchanged: 0 };
  for (const c of checks) counts[c.change]++;
  return { older, newer, sameProfile: older.report.profile.id === newer.report.profile.id, checks, counts };
}
