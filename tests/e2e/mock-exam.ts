// Pieces the mock exam specs share: two questions whose answers the specs give, and moving through
// the attempt's (shuffled) question navigator to the question asked.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** "What is 2 + 2?" with the choice labelled 4 right, among the wrong numbers given (in order). */
export const twoPlusTwo = (id: string, wrong: number[]) => ({
  id,
  type: 'single',
  prompt: 'What is 2 + 2?',
  explanation: 'Addition.',
  choices: [...wrong, 4].sort((a, b) => a - b).map((n) => ({ id: `c${n}`, text: String(n) })),
  correct: 'c4',
  shuffleChoices: false,
});

/** "Half of 0.7?": 0.35, within 0.01. */
export const halfOfSevenTenths = (id: string) => ({
  id,
  type: 'numeric',
  prompt: 'Half of 0.7?',
  explanation: '0.7 / 2 = 0.35.',
  answer: 0.35,
  tolerance: { kind: 'absolute', value: 0.01 },
});

/** Questions come in the attempt's shuffled order: move through the navigator (buttons named like `nav`) to the one asked. */
export async function goToQuestion(page: Page, prompt: string, nav: RegExp = /Question \d+, /, count = 4) {
  const shown = page.locator('.exam-question .exam-prompt');
  for (let i = 0; i < count && !((await shown.textContent()) ?? '').includes(prompt); i++) {
    await page.getByRole('button', { name: nav }).nth(i).click();
  }
  await expect(shown).toContainText(prompt);
}
