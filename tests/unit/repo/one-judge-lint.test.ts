// The lint rule that keeps one judge (eslint.config.mjs, preflight/one-judge): only shared/pipeline.ts
// may import evaluate, judgeNetworkRun or buildReport. Proved on text linted as if it stood in the repo.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const judgeErrors = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'preflight/one-judge').map((m) => m.message);

describe('one judge lint rule', () => {
  it('refuses a front end importing a judge directly, statically or lazily', async () => {
    expect(await judgeErrors(`import { evaluate } from '../../shared/rules';\nexport const x = evaluate;\n`, 'electron/handlers/x.ts')).toHaveLength(1);
    expect(
      await judgeErrors(`import { judgeNetworkRun } from '../../shared/network/judge';\nexport const x = judgeNetworkRun;\n`, 'electron/cli/x.ts'),
    ).toHaveLength(1);
    expect(
      await judgeErrors(
        `export async function f() {\n  const { buildReport } = await import('../../shared/report/model');\n  return buildReport;\n}\n`,
        'scripts/bench/x.ts',
      ),
    ).toHaveLength(1);
    expect(await judgeErrors(`export { evaluate } from './rules';\n`, 'shared/x.ts')).toHaveLength(1);
  });
  it('lets the pipeline judge, and everyone import types and schemas', async () => {
    expect(await judgeErrors(`import { evaluate } from './rules';\nexport const x = evaluate;\n`, 'shared/pipeline.ts')).toEqual([]);
    expect(
      await judgeErrors(
        `import { ReportSchema, type Report } from '../../shared/report/model';\nexport const x: Report | null = null;\nexport const s = ReportSchema;\n`,
        'electron/handlers/x.ts',
      ),
    ).toEqual([]);
  });
});
