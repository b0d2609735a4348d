// The verdict's words, the same in every front end (CLI text, HTML report, the window's banners):
// a ready machine with advisory findings says so in the verdict line itself — "Ready — 3 warnings
// to read before exam day" — so warnings are as visible as failures, without blocking.
import { msg, type CheckResult, type Msg, type Verdict } from '../check';

/** The advisory findings a learner should read: results that warn. */
export const warningCount = (results: readonly Pick<CheckResult, 'status'>[]): number => results.filter((r) => r.status === 'warn').length;

/** The verdict's title: "Ready", or "Ready — N warnings to read before exam day"; "Not ready", "Incomplete". */
export function verdictTitle(verdict: Verdict, results: readonly Pick<CheckResult, 'status'>[]): Msg {
  const count = warningCount(results);
  return verdict === 'ready' && count > 0 ? msg('report:verdictLine.readyWarnings', { count }) : msg(`common:verdict.${verdict}`);
}

/** The CLI's closing sentence: the title's words and what to do next. */
export function verdictSentence(verdict: Verdict, results: readonly Pick<CheckResult, 'status'>[]): Msg {
  const count = warningCount(results);
  return verdict === 'ready' && count > 0 ? msg('cli:text.verdictWarnings', { count }) : msg(`cli:text.verdict.${verdict}`);
}
