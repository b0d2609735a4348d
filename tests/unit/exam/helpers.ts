// A tiny bank and settings for the engine tests: every question type, two sections.
import type { QuestionBankInput } from '../../../shared/exam/bank';
import { QuestionBankSchema } from '../../../shared/exam/bank';
import { MockExamSettingsSchema, type MockExamSettingsInput } from '../../../shared/exam/settings';

export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
export const MIN = 60_000;

export const BANK_INPUT: QuestionBankInput = {
  id: 'test-bank',
  version: '1.0.0',
  title: 'Test bank',
  sections: [
    {
      id: 'a',
      title: 'Section A',
      questions: [
        {
          id: 'q-single',
          type: 'single',
          prompt: 'p',
          explanation: 'e',
          choices: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
            { id: 'z', text: 'Z' },
          ],
          correct: 'y',
        },
        {
          id: 'q-multi',
          type: 'multiple',
          prompt: 'p',
          explanation: 'e',
          points: 2,
          choices: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
            { id: 'z', text: 'Z' },
          ],
          correct: ['x', 'z'],
        },
        { id: 'q-text', type: 'text', prompt: 'p', explanation: 'e', accepted: ['Poisson', 'Poisson distribution'] },
        { id: 'q-num', type: 'numeric', prompt: 'p', explanation: 'e', answer: 0.35, tolerance: { kind: 'absolute', value: 0.01 } },
        { id: 'q-short', type: 'short', prompt: 'p', explanation: 'e', points: 2, modelAnswer: 'm' },
      ],
    },
    {
      id: 'b',
      title: 'Section B',
      questions: Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, type: 'numeric' as const, prompt: `p${i}`, explanation: 'e', answer: i })),
    },
  ],
};
export const BANK = QuestionBankSchema.parse(BANK_INPUT);

export function settings(over: Partial<MockExamSettingsInput> = {}) {
  return MockExamSettingsSchema.parse({
    bankId: 'test-bank',
    sections: [
      { id: 'a', title: 'A', timeLimitMinutes: 10, bankSection: 'a' },
      { id: 'b', title: 'B', timeLimitMinutes: 20, bankSection: 'b', questionCount: 4 },
    ],
    ...over,
  });
}
