// The question banks shipped with the app, validated once on first use. A bundled bank that fails
// validation is a build bug: its problems are returned so the app can show them and keep working.
import sds from './mitx-sds-practice.json';
import pom from './mitx-pom-practice.json';
import { validateBank, type BankProblem, type QuestionBank } from '../bank';

const RAW: ReadonlyArray<readonly [string, unknown]> = [
  ['shared/exam/banks/mitx-sds-practice.json', sds],
  ['shared/exam/banks/mitx-pom-practice.json', pom],
];

let cache: { banks: QuestionBank[]; problems: BankProblem[] } | null = null;

export function bundledBanks(): { banks: QuestionBank[]; problems: BankProblem[] } {
  if (cache) return cache;
  const banks: QuestionBank[] = [];
  const problems: BankProblem[] = [];
  for (const [file, json] of RAW) {
    const r = validateBank(json, file);
    if (r.ok) banks.push(r.bank);
    else problems.push(...r.problems);
  }
  cache = { banks, problems };
  return cache;
}
