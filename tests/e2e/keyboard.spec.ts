// The whole journey with the keyboard alone (issue 7): no mouse click anywhere in this file. Each
// control is reached with Tab (Shift+Tab to go back up), activated with
// Enter or Space, and must show a visible focus ring when it has focus.
import { test, expect } from './fixtures';
import { sceneArgs } from './camera-scenes';

// the fake camera shows one well-lit face (the astronaut photo), so the face check passes too
test.use({ launchArgs: sceneArgs('one-face') });
import { goToStep, tabTo } from './keys';

test('choose, check, camera, microphone and summary with the keyboard only', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await app.open('choose', { lang: 'en' });
  await expect(page.getByRole('radio').first()).toBeVisible();

  // the skip link is the first stop and lands on the content
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // radios: Tab into the group, arrows move the choice (native radio behaviour)
  const first = page.getByRole('radio').first();
  await tabTo(page, first);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Principles of Manufacturing/ })).toBeChecked();
  await goToStep(page, 'System check', page.getByRole('button', { name: 'Start the system check' }));
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 60_000 });
  // evidence disclosures open from the keyboard
  // (the first one on screen: passed checks are collapsed below the problems)
  const evidence = page.locator('article[data-check-id] details summary').filter({ visible: true }).first();
  await tabTo(page, evidence);
  await page.keyboard.press('Enter');
  await expect(evidence.locator('xpath=..')).toHaveAttribute('open', '');
  // back up to the actions above the results
  await goToStep(page, 'Camera', page.getByRole('button', { name: 'Continue to the camera' }), 10, 'Shift+Tab');
  await tabTo(page, page.getByRole('button', { name: 'Start camera test' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-check-id="devices.face"]')).toHaveAttribute('data-status', 'pass', { timeout: 45_000 });
  await expect(page.locator('article[data-check-id="devices.camera"]')).toHaveAttribute('data-status', 'pass');
  await goToStep(page, 'Microphone', page.getByRole('button', { name: 'Continue to the microphone' }));
  await tabTo(page, page.getByRole('button', { name: 'Start microphone test' }));
  await page.keyboard.press('Space');
  await expect(page.locator('article[data-check-id="devices.microphone"]')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Continue to the speakers' }));
  await page.keyboard.press('Enter');

  // speakers: play the tone and answer with the keyboard only
  await expect(page.getByRole('heading', { level: 1, name: 'Speakers' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Play the test tone' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Did you hear three beeps?' })).toBeFocused({ timeout: 10_000 });
  await tabTo(page, page.getByRole('button', { name: 'I heard it' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-check-id="devices.speakers"]')).toHaveAttribute('data-status', 'pass');
  await goToStep(page, 'Network test', page.getByRole('button', { name: 'Continue to the network test' }));
  await goToStep(page, 'Checklists', page.getByRole('button', { name: 'Continue to the checklists' }));

  // to the summary through the step navigation
  await goToStep(page, 'Summary', page.getByRole('navigation').getByRole('link', { name: /Summary/ }), 10, 'Shift+Tab');
  await app.screenshot('keyboard-summary');

  // the step navigation is reachable too: go to About from the nav with the keyboard
  await goToStep(page, /About/, page.getByRole('navigation').getByRole('link', { name: /About/ }));
});

test('mock exam, results and report with the keyboard only', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await app.open('check', { profileId: 'mitx-pom-final', lang: 'en' });
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 60_000 });

  // to the mock exam through the step navigation
  // (issue 29: the mock exam is one of the "Checklists & mock exam" phase's steps, opened from its button)
  await tabTo(page, page.getByRole('navigation').getByRole('button', { name: /Checklists & mock exam/ }));
  await page.keyboard.press('Enter');
  await goToStep(page, 'Mock exam', page.getByRole('navigation').getByRole('link', { name: /Mock exam/ }));
  await tabTo(page, page.getByRole('button', { name: 'Start a new attempt' }));
  await page.keyboard.press('Enter');
  const open = page.getByRole('button', { name: /Open section/ }).first();
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timer')).toBeVisible();

  // answer the first question, whatever its type, from the keyboard
  const input = page.locator('.exam-question').locator('input, textarea').first();
  await tabTo(page, input);
  const type = await input.getAttribute('type');
  if (type === 'radio' || type === 'checkbox') await page.keyboard.press('Space');
  else await page.keyboard.type('42');
  await expect(page.getByText('Answer saved')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Submit this section' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, submit the section' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeVisible();
  await expect(page.getByTestId('exam-total')).toBeVisible();

  // the report, made and saved from the keyboard
  await goToStep(page, 'Report', page.getByRole('navigation').getByRole('link', { name: /Report/ }));
  await tabTo(page, page.getByRole('button', { name: 'Prepare the report' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-made')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: /Save the report file/ }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.epreport$/);
  await app.screenshot('keyboard-report');
});
