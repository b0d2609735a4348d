// Every question type's grading (variants, case and space rules, numeric tolerance), seeded
// shuffling and sampling, bank validation that lists every problem at once, and the bundled banks.
import { describe, expect, it } from 'vitest';
import { QuestionSchema, validateBank, validateBankText, checkSettingsAgainstBank, type Question } from '../../../shared/exam/bank';
import { grade, parseNumber } from '../../../shared/exam/grading';
import { sample, seedFor, shuffle } from '../../../shared/exam/random';
import { bundledBanks } from '../../../shared/exam/banks';
import { builtinProfiles } from '../../../shared/profile/load';
import { BANK_INPUT } from './helpers';

const q = (x: Record<string, unknown>): Question => QuestionSchema.parse({ id: 'q', prompt: 'p', explanation: 'e', ...x });

describe('grading', () => {
  it('multiple choice: one answer, or exactly the right set (order and repeats do not matter)', () => {
    const single = q({
      type: 'single',
      choices: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      correct: 'b',
    });
    expect(grade(single, 'b')).toEqual({ status: 'correct', earned: 1 });
    expect(grade(single, 'a')).toEqual({ status: 'incorrect', earned: 0 });
    expect(grade(single, undefined)).toEqual({ status: 'unanswered', earned: 0 });
    const multi = q({
      type: 'multiple',
      points: 3,
      choices: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
      correct: ['a', 'c'],
    });
    expect(grade(multi, ['c', 'a'])).toEqual({ status: 'correct', earned: 3 });
    expect(grade(multi, ['a'])).toMatchObject({ status: 'incorrect' });
    expect(grade(multi, ['a', 'b', 'c'])).toMatchObject({ status: 'incorrect' });
    expect(grade(multi, [])).toMatchObject({ status: 'unanswered' });
  });

  it("fill-in text: any accepted variant; case and spaces by the question's rules", () => {
    const loose = q({ type: 'text', accepted: ['Poisson', 'Poisson distribution'] });
    for (const a of ['poisson', '  POISSON ', 'poisson   distribution']) expect(grade(loose, a).status).toBe('correct');
    expect(grade(loose, 'Poison').status).toBe('incorrect');
    expect(grade(loose, '   ').status).toBe('unanswered');
    const strict = q({ type: 'text', accepted: ['NaCl'], caseSensitive: true, spaces: 'exact' });
    expect(grade(strict, 'NaCl').status).toBe('correct');
    expect(grade(strict, 'nacl').status).toBe('incorrect');
    expect(grade(strict, ' NaCl').status).toBe('incorrect');
    const noSpaces = q({ type: 'text', accepted: ['x^2 + 1'], spaces: 'ignore' });
    expect(grade(noSpaces, 'x^2+1').status).toBe('correct');
    // composed and decomposed accents are the same text
    expect(grade(q({ type: 'text', accepted: ['café'] }), 'cafe\u0301').status).toBe('correct');
  });

  it('numeric: absolute and relative tolerance, decimal comma, percent sign, no float noise', () => {
    const abs = q({ type: 'numeric', answer: 0.35, tolerance: { kind: 'absolute', value: 0.01 } });
    for (const a of ['0.35', '0,345', '0.36', '.34']) expect(grade(abs, a).status).toBe('correct');
    for (const a of ['0.361', '0.3', 'about 0.35', '']) expect(grade(abs, a).status).not.toBe('correct');
    const rel = q({ type: 'numeric', answer: 2000, tolerance: { kind: 'relative', value: 0.05 } });
    expect(grade(rel, '2099').status).toBe('correct');
    expect(grade(rel, '1 900').status).toBe('correct');
    expect(grade(rel, '2101').status).toBe('incorrect');
    const exact = q({ type: 'numeric', answer: 0.3 });
    expect(grade(exact, String(0.1 + 0.2)).status).toBe('correct');
    expect(parseNumber('45%')).toBe(45);
    expect(parseNumber('2.5e-3')).toBe(0.0025);
    expect(parseNumber('1,2,3')).toBeNull();
  });

  it('short answer: never auto-graded; pending until self-marked, counted once marked', () => {
    const short = q({ type: 'short', points: 4, modelAnswer: 'Feedback reduces variation.' });
    expect(grade(short, 'feedback')).toEqual({ status: 'pending', earned: 0 });
    expect(grade(short, 'feedback', 3)).toEqual({ status: 'self-marked', earned: 3 });
    expect(grade(short, 'feedback', 9)).toEqual({ status: 'self-marked', earned: 4 });
    expect(grade(short, undefined)).toEqual({ status: 'unanswered', earned: 0 });
  });
});

describe('shuffling and sampling', () => {
  const items = Array.from({ length: 40 }, (_, i) => `q${i}`);
  it('are the same for the same seed and differ for another', () => {
    expect(shuffle(items, 7)).toEqual(shuffle(items, 7));
    expect(shuffle(items, 7)).not.toEqual(shuffle(items, 8));
    expect([...shuffle(items, 7)].sort()).toEqual([...items].sort());
    expect(seedFor(1, 'a', 'b')).toBe(seedFor(1, 'a', 'b'));
    expect(seedFor(1, 'a', 'b')).not.toBe(seedFor(1, 'ab'));
  });
  it('sample N of M without repeats; all when N is absent or too large', () => {
    const s = sample(items, 8, 3);
    expect(s).toHaveLength(8);
    expect(new Set(s).size).toBe(8);
    expect(sample(items, 8, 3)).toEqual(s);
    expect(sample(items, undefined, 3)).toHaveLength(40);
    expect(sample(items, 99, 3)).toHaveLength(40);
    // over many seeds every question gets picked: no part of the bank is dead weight
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) for (const x of sample(items, 8, seed)) seen.add(x);
    expect(seen.size).toBe(40);
  });
});

describe('question bank validation', () => {
  const problemsOf = (bank: unknown) => {
    const r = validateBank(bank, 'bank.json');
    if (r.ok) throw new Error('expected the bank to be rejected');
    return r.problems;
  };
  const clone = () => JSON.parse(JSON.stringify(BANK_INPUT));

  it('accepts the test bank', () => {
    expect(validateBank(clone(), 'bank.json').ok).toBe(true);
  });

  it('lists every problem at once, each with the file, the question id and the path', () => {
    const b = clone();
    const qs = b.sections[0].questions;
    qs[0].correct = 'nope'; // correct answer not a choice
    qs[1].choices[1].id = 'x'; // duplicate choice id
    delete qs[2].accepted; // missing field
    qs[3].tolerance = { kind: 'percent', value: 1 }; // unknown tolerance kind
    qs[4].points = -2; // negative points
    b.sections[1].questions[1].id = 'b0'; // duplicate question id
    b.sections[1].questions[2].colour = 'red'; // unknown key
    b.sections[1].questions[3].type = 'essay'; // unknown type
    const p = problemsOf(b);
    const find = (qid: string, re: RegExp) => p.find((x) => x.questionId === qid && re.test(`${x.path}: ${x.message}`));
    expect(find('q-single', /correct: correct answer "nope" is not one of the choices \(x, y, z\)/)).toBeTruthy();
    expect(find('q-multi', /choices\.1\.id: choice id "x" is used twice/)).toBeTruthy();
    expect(find('q-text', /questions\.2\.accepted/)).toBeTruthy();
    expect(find('q-num', /tolerance\.kind/)).toBeTruthy();
    expect(find('q-short', /points/)).toBeTruthy();
    expect(find('b0', /question id "b0" is used twice/)).toBeTruthy();
    expect(find('b2', /colour/)).toBeTruthy();
    expect(find('b3', /type/)).toBeTruthy();
    expect(p.every((x) => x.file === 'bank.json')).toBe(true);
    expect(p.length).toBeGreaterThanOrEqual(8);
  });

  it('names problems outside questions by their path', () => {
    const b = clone();
    b.id = 'Bad Id';
    b.version = '1';
    b.sections[1].id = 'a';
    delete b.sections[0].title;
    const p = problemsOf(b);
    expect(p.map((x) => x.path)).toEqual(expect.arrayContaining(['id', 'version', 'sections.1.id', 'sections.0.title']));
    expect(problemsOf({ sections: 'many' }).length).toBeGreaterThan(1);
    expect(problemsOf([])).toHaveLength(1);
    expect(problemsOf(null)).toHaveLength(1);
  });

  it('reads text safely: not JSON, empty, too large, prototype keys', () => {
    const notJson = validateBankText('{"id": "x",', 'broken.json');
    expect(notJson).toMatchObject({ ok: false, problems: [{ file: 'broken.json', path: '(root)', message: expect.stringMatching(/^not valid JSON/) }] });
    expect(validateBankText('', 'empty.json').ok).toBe(false);
    expect(validateBankText(' '.repeat(21 * 1024 * 1024), 'huge.json')).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/larger than 20 MB/) }],
    });
    const proto = clone();
    const text = JSON.stringify(proto).replace('"version"', '"__proto__": {"polluted": true}, "version"');
    expect(validateBankText(text, 'proto.json').ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('settings that do not fit their bank are named', () => {
    const r = validateBank(clone(), 'bank.json');
    if (!r.ok) throw new Error('bank should be valid');
    expect(
      checkSettingsAgainstBank(
        {
          sections: [
            { id: 's1', bankSection: 'zz' },
            { id: 's2', bankSection: 'b', questionCount: 50 },
          ],
        },
        r.bank,
      ),
    ).toEqual([
      { key: 'exam:problems.noSection', params: { section: 's1', bank: 'test-bank', bankSection: 'zz' } },
      { key: 'exam:problems.tooFew', params: { section: 's2', count: 50, bankSection: 'b', available: 10 } },
    ]);
  });
});

describe('bundled practice banks', () => {
  const { banks, problems } = bundledBanks();
  it('are valid', () => expect(problems).toEqual([]));
  it('have at least three sections of at least eight questions, each with an explanation', () => {
    expect(banks.length).toBeGreaterThanOrEqual(2);
    for (const b of banks) {
      expect(b.sections.length, b.id).toBeGreaterThanOrEqual(3);
      for (const s of b.sections) {
        expect(s.questions.length, `${b.id}/${s.id}`).toBeGreaterThanOrEqual(8);
        for (const x of s.questions) expect(typeof x.explanation === 'string' ? x.explanation : x.explanation.en, `${b.id}/${x.id}`).toMatch(/\S.{9,}/);
      }
    }
  });
  it('fit the mock exam settings of every built-in profile that has one', () => {
    for (const p of builtinProfiles().filter((x) => x.mockExam)) {
      const bank = banks.find((b) => b.id === p.mockExam!.bankId);
      expect(bank, `${p.id} names bank ${p.mockExam!.bankId}`).toBeTruthy();
      expect(checkSettingsAgainstBank(p.mockExam!, bank!), p.id).toEqual([]);
    }
  });
});
