// The whole journey with the keyboard alone (issue 7): no mouse click anywhere in this file. Each
// control is reached with Tab (Shift+Tab to go back up), activated with
// Enter or Space, and must show a visible focus ring when it has focus.
import { test, expect } from './fixtures';
import { tabTo } from './keys';

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
  await tabTo(page, page.getByRole('button', { name: 'Start the system check' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'System check' })).toBeFocused();
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 60_000 });
  // evidence disclosures open from the keyboard
  const evidence = page.locator('article[data-check-id] details summary').first();
  await tabTo(page, evidence);
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-check-id] details').first()).toHaveAttribute('open', '');
  // back up to the actions above the results
  await tabTo(page, page.getByRole('button', { name: 'Continue to the camera' }), 10, 'Shift+Tab');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Camera' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Start camera test' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-check-id="devices.camera"]')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Continue to the microphone' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Microphone' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Start microphone test' }));
  await page.keyboard.press('Space');
  await expect(page.locator('article[data-check-id="devices.microphone"]')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Continue to the summary' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeFocused();
  await app.screenshot('keyboard-summary');

  // the step navigation is reachable too: go to About from the nav with the keyboard
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: /About/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /About/ })).toBeFocused();
});
