// Every published JSON Schema, generated from the zod schemas that validate the same files at run
// time (so the editor and the app can never disagree). One line per file kind.
import { z } from 'zod';
import { ProfileSchema } from './profile/schema';
import { FactsSchema } from './facts';
import { ReportSchema } from './report/model';
import { PolicySchema } from './policy/schema';
import { QuestionBankSchema } from './exam/bank';

export const SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['profile', ProfileSchema],
  ['facts', FactsSchema],
  ['report', ReportSchema],
  ['policy', PolicySchema],
  ['question-bank', QuestionBankSchema],
];

export function jsonSchemaText(name: string): string {
  const schema = SCHEMAS.find(([n]) => n === name)?.[1];
  if (!schema) throw new Error(`unknown schema ${name}`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return JSON.stringify({ ...json, title: `Exam Preflight ${name}` }, null, 2) + '\n';
}
