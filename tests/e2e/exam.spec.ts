// The timed mock exam in Chromium, with the page's clock and the handlers' clock moved together:
// import a short bank (1-minute sections), declare extra time, let one section run out (warnings
// announced on the way), submit the other early, and read the results with the pacing chart.
import { test, expect } from './fixtures';
import { testProfile } from './test-profile';
import { goToQuestion, halfOfSevenTenths, twoPlusTwo } from './mock-exam';

const BANK = {
  id: 'e2e-bank',
  version: '1.0.0',
  title: { en: 'Short practice bank', es: 'Banco breve' },
  sections: [
    {
      id: 'one',
      title: 'Part one',
      questions: [twoPlusTwo('one-a', [3, 5]), halfOfSevenTenths('one-b')],
    },
    {
      id: 'two',
      title: 'Part two',
      questions: [
        { id: 'two-a', type: 'text', prompt: 'Name the distribution of counts of rare events.', explanation: 'Poisson.', accepted: ['Poisson'] },
        {
          id: 'two-b',
          type: 'short',
          prompt: 'Why does feedback reduce variation?',
          explanation: 'It corrects deviations.',
          modelAnswer: 'It measures the output and corrects deviations.',
        },
      ],
    },
  ],
};

const PROFILE = testProfile({
  id: 'e2e-exam',
  title: 'Short rehearsal',
  program: 'E2E',
  requirements: {},
  mockExam: {
    bankId: 'e2e-bank',
    passMarkPercent: 60,
    breaksAllowed: true,
    warningsPercent: [20, 5],
    sections: [
      { id: 'one', title: 'Part one', timeLimitMinutes: 1, bankSection: 'one' },
      { id: 'two', title: 'Part two', timeLimitMinutes: 1, bankSection: 'two' },
    ],
  },
});

test.use({ handlerOptions: { scan: { extraProfiles: [PROFILE] } } });

test('one section runs out, one is submitted early, results and pacing are shown', async ({ app }) => {
  const { page } = app;
  await app.clock.install();
  await app.open('exam', { profileId: 'e2e-exam', lang: 'en' });

  // a bank from disk, as a course team would ship it
  await page.getByText('For course teams: import a question bank').click();
  await page.locator('input[type=file]').setInputFiles({ name: 'e2e-bank.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BANK)) });
  await expect(page.getByText('Imported bank "e2e-bank" with 4 questions.')).toBeVisible();
  // from here on, time moves only when the test says: the main process's clock and the page's together
  await app.clock.pause();

  // the accommodation is declared up front and shown in the limits
  await page.getByRole('radio', { name: 'Extra minutes per section' }).check();
  await page.getByLabel('Minutes added to each section').fill('1');
  await expect(page.locator('.exam-sections tbody tr').first()).toContainText('2 minutes (normally 1 minute)');
  await app.screenshot('exam-start');
  // with the page's clock faked, a pending render can land between mousedown and mouseup and move
  // the page under the pointer: press the button from the keyboard instead
  await page.getByRole('button', { name: 'Start a new attempt' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Accommodation: 1 extra minute per section.')).toBeVisible();

  // part one: answer one question, then let the clock run out
  await page
    .getByTestId('section-one')
    .getByRole('button', { name: /Open section/ })
    .click();
  await expect(page.getByTestId('timer')).toHaveText('2:00');
  await goToQuestion(page, 'What is 2 + 2?');
  await page.getByRole('radio', { name: '4' }).check();
  await expect(page.getByText('Answer saved')).toBeVisible();
  await app.clock.advance(100_000); // 20 s left: the 20 % warning
  await expect(page.locator('.exam-timer [role=status]')).toHaveText('Warning: about 1 minute left in this section (20 % of the time).');
  await expect(page.getByTestId('timer')).toHaveText('0:20');
  await app.clock.advance(21_000);
  await expect(page.getByTestId('section-one')).toHaveAttribute('data-status', 'expired');
  await expect(page.getByTestId('section-one')).toContainText('Time ran out');

  // part two: answer and submit early
  await page
    .getByTestId('section-two')
    .getByRole('button', { name: /Open section/ })
    .click();
  await goToQuestion(page, 'Name the distribution');
  await page.getByLabel('Your answer').fill('poisson');
  await expect(page.getByText('Answer saved')).toBeVisible();
  await goToQuestion(page, 'Why does feedback');
  await page.getByLabel('Your answer').fill('Feedback compares the output with the target and corrects it.');
  await expect(page.getByText('Answer saved')).toBeVisible();
  await app.clock.advance(30_000);
  await page.getByRole('button', { name: 'Submit this section' }).click();
  await page.getByRole('button', { name: 'Yes, submit the section' }).click();
  await expect(page.getByTestId('section-two')).toHaveAttribute('data-status', 'submitted');

  // results: 2 of 3 auto-graded points so far, the short answer still to mark
  await expect(page.getByTestId('exam-total')).toContainText('(2 of 4 points)');
  await expect(page.getByTestId('score-two')).toContainText('1 answer to mark yourself');
  await expect(page.getByTestId('pacing-chart')).toHaveCount(2);
  // the questions are collapsed under the score and pacing (issue 14): open them all
  await page.getByRole('button', { name: 'Expand all questions' }).click();
  await expect(page.getByText('Explanation').first()).toBeVisible();
  await page
    .getByRole('group', { name: /Your mark for question \d/ })
    .getByRole('button', { name: '1 point' })
    .click();
  await expect(page.getByTestId('exam-total')).toHaveAttribute('data-verdict', 'pass');
  await expect(page.getByTestId('exam-total')).toContainText('Pass: 75 % (pass mark 60 %)');
  await app.screenshot('exam-results');

  // the attempt is listed with its result
  await page.getByRole('button', { name: 'Back to the mock exam overview' }).click();
  await expect(page.getByTestId('past-attempt')).toContainText('Pass: 75 %');
});
