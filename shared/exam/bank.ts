// Question bank file format: JSON that course teams or admins write by hand, validated by zod
// (published as schemas/question-bank.schema.json). validateBank() reports EVERY problem at once,
// each with the file, the question id and what is wrong, so an author fixes a bank in one pass.
import { z } from 'zod';
import { LocalTextSchema } from '../i18n/text';
import { msg, type Msg } from '../check';
import { jsonTooDeep, tooDeepMessage } from '../parse-errors';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, "-", "_" or ".", up to 64 characters');

const Base = {
  id: Id,
  prompt: LocalTextSchema,
  points: z.number().positive().max(1000).default(1),
  explanation: LocalTextSchema,
};

export const ChoiceSchema = z.object({ id: Id, text: LocalTextSchema }).strict();

export const SingleChoiceSchema = z
  .object({ ...Base, type: z.literal('single'), choices: z.array(ChoiceSchema).min(2), correct: Id, shuffleChoices: z.boolean().default(true) })
  .strict();
export const MultipleChoiceSchema = z
  .object({
    ...Base,
    type: z.literal('multiple'),
    choices: z.array(ChoiceSchema).min(2),
    correct: z.array(Id).min(1),
    shuffleChoices: z.boolean().default(true),
  })
  .strict();
export const TextBlankSchema = z
  .object({
    ...Base,
    type: z.literal('text'),
    /** accepted answers; any one matches */
    accepted: z.array(z.string().min(1)).min(1),
    caseSensitive: z.boolean().default(false),
    /** "trim" ignores leading/trailing space and runs of spaces; "exact" compares as typed; "ignore" drops all spaces */
    spaces: z.enum(['trim', 'exact', 'ignore']).default('trim'),
  })
  .strict();
export const NumericBlankSchema = z
  .object({
    ...Base,
    type: z.literal('numeric'),
    answer: z.number().finite(),
    /** absolute: |x - answer| <= tolerance; relative: |x - answer| <= tolerance * |answer| */
    tolerance: z
      .object({ kind: z.enum(['absolute', 'relative']), value: z.number().min(0) })
      .strict()
      .default({ kind: 'absolute', value: 0 }),
    unit: z.string().optional(),
  })
  .strict();
export const ShortAnswerSchema = z
  .object({ ...Base, type: z.literal('short'), modelAnswer: LocalTextSchema, rubric: z.array(LocalTextSchema).default([]) })
  .strict();

export const QuestionSchema = z.discriminatedUnion('type', [SingleChoiceSchema, MultipleChoiceSchema, TextBlankSchema, NumericBlankSchema, ShortAnswerSchema]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];

export const BankSectionSchema = z.object({ id: Id, title: LocalTextSchema, questions: z.array(QuestionSchema).min(1) }).strict();
export type BankSection = z.infer<typeof BankSectionSchema>;

export const QuestionBankSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes, 2–64 characters'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version, e.g. 1.0.0'),
    title: LocalTextSchema,
    /** who wrote the questions (shown with the bank) */
    author: z.string().optional(),
    sections: z.array(BankSectionSchema).min(1),
  })
  .strict();
export type QuestionBank = z.infer<typeof QuestionBankSchema>;
export type QuestionBankInput = z.input<typeof QuestionBankSchema>;

export interface BankProblem {
  file: string;
  /** question id when the problem is inside a question */
  questionId?: string;
  /** JSON path inside the file, e.g. "sections.1.questions.3.correct" */
  path: string;
  message: string;
}

export type BankResult = { ok: true; bank: QuestionBank } | { ok: false; problems: BankProblem[] };

export const MAX_BANK_BYTES = 20 * 1024 * 1024;

/** Parses bank text; never throws. Schema problems and cross-reference problems are all listed. */
export function validateBankText(text: string, file: string): BankResult {
  if (text.length > MAX_BANK_BYTES)
    return { ok: false, problems: [{ file, path: '(root)', message: `file is larger than ${MAX_BANK_BYTES / 1024 / 1024} MB` }] };
  const deep = jsonTooDeep(text);
  if (deep) return { ok: false, problems: [{ file, path: '(root)', message: tooDeepMessage(deep) }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ file, path: '(root)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return validateBank(json, file);
}

export function validateBank(json: unknown, file: string): BankResult {
  const problems: BankProblem[] = [];
  const parsed = QuestionBankSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, path: issue.path.join('.') || '(root)', questionId: questionIdAt(json, issue.path), message: issue.message });
    }
  }
  // Cross-references zod cannot see. Run on the raw JSON too, so they are reported alongside schema problems.
  problems.push(...crossCheck(json, file));
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, bank: parsed.data };
}

function questionIdAt(json: unknown, p: readonly PropertyKey[]): string | undefined {
  if (p[0] !== 'sections' || p[2] !== 'questions' || typeof p[3] !== 'number') return undefined;
  const q = (json as { sections?: { questions?: unknown[] }[] }).sections?.[p[1] as number]?.questions?.[p[3]];
  const id = (q as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : `#${p[3] + 1}`;
}

function crossCheck(json: unknown, file: string): BankProblem[] {
  const out: BankProblem[] = [];
  const sections = (json as { sections?: unknown })?.sections;
  if (!Array.isArray(sections)) return out;
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  sections.forEach((s: { id?: unknown; questions?: unknown }, si) => {
    if (typeof s?.id === 'string') {
      if (sectionIds.has(s.id)) out.push({ file, path: `sections.${si}.id`, message: `section id "${s.id}" is used twice` });
      sectionIds.add(s.id);
    }
    if (!Array.isArray(s?.questions)) return;
    s.questions.forEach((q: Record<string, unknown>, qi: number) => {
      const at = `sections.${si}.questions.${qi}`;
      const qid = typeof q?.id === 'string' ? q.id : `#${qi + 1}`;
      if (typeof q?.id === 'string') {
        if (questionIds.has(q.id)) out.push({ file, questionId: qid, path: `${at}.id`, message: `question id "${q.id}" is used twice` });
        questionIds.add(q.id);
      }
      if ((q?.type === 'single' || q?.type === 'multiple') && Array.isArray(q.choices)) {
        const ids = q.choices.map((c: { id?: unknown }) => c?.id);
        const seen = new Set<unknown>();
        ids.forEach((id, ci) => {
          if (seen.has(id)) out.push({ file, questionId: qid, path: `${at}.choices.${ci}.id`, message: `choice id "${String(id)}" is used twice` });
          seen.add(id);
        });
        const correct = q.type === 'single' ? [q.correct] : Array.isArray(q.correct) ? q.correct : [];
        correct.forEach((c, ci) => {
          if (typeof c === 'string' && !ids.includes(c)) {
            out.push({
              file,
              questionId: qid,
              path: q.type === 'single' ? `${at}.correct` : `${at}.correct.${ci}`,
              message: `correct answer "${c}" is not one of the choices (${ids.join(', ')})`,
            });
          }
        });
      }
    });
  });
  return out;
}

/** Problems for a profile's mock exam settings against the bank it names (missing sections, too few questions), as messages for the learner's language. */
export function checkSettingsAgainstBank(settings: { sections: { id: string; bankSection: string; questionCount?: number }[] }, bank: QuestionBank): Msg[] {
  const out: Msg[] = [];
  for (const s of settings.sections) {
    const bs = bank.sections.find((b) => b.id === s.bankSection);
    if (!bs) out.push(msg('exam:problems.noSection', { section: s.id, bank: bank.id, bankSection: s.bankSection }));
    else if (s.questionCount && s.questionCount > bs.questions.length)
      out.push(msg('exam:problems.tooFew', { section: s.id, count: s.questionCount, bankSection: bs.id, available: bs.questions.length }));
  }
  return out;
}
