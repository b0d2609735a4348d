// The speaker test: a tone, then the learner's own answer with two buttons. "I did not hear it"
// gives the volume/output fix (advisory for this exam); "I heard it" passes.
import { test, expect } from './fixtures';
import { axeViolations } from './axe';

const PROFILE = 'mitx-pom-final';

test('plays the tone and records what the learner heard', async ({ app }) => {
  const { page } = app;
  await app.open('speakers', { profileId: PROFILE, lang: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Play the test tone' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Did you hear three beeps?' })).toBeFocused({ timeout: 10_000 });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'I did not hear it' }).click();
  const card = page.locator('article[data-check-id="devices.speakers"]');
  await expect(card).toHaveAttribute('data-status', 'warn');
  await expect(card.locator('.check-fix')).toContainText('turn up the volume');
  await app.screenshot('speakers-not-heard');
  await page.getByRole('button', { name: 'Play again' }).click();
  await page.getByRole('button', { name: 'I heard it' }).click();
  await expect(card).toHaveAttribute('data-status', 'pass');
  expect(await axeViolations(page)).toEqual([]);
  await app.screenshot('speakers-heard');
});

test('in Spanish', async ({ app }) => {
  const { page } = app;
  await app.open('speakers', { profileId: PROFILE, lang: 'es' });
  await page.getByRole('button', { name: 'Reproducir el tono de prueba' }).click();
  await page.getByRole('button', { name: 'No lo oí' }).click();
  await expect(page.locator('article[data-check-id="devices.speakers"]')).toContainText('no oíste el tono de prueba');
  await app.screenshot('speakers-es');
});

test('in Portuguese', async ({ app }) => {
  const { page } = app;
  await app.open('speakers', { profileId: PROFILE, lang: 'pt' });
  await page.getByRole('button', { name: 'Tocar o som de teste' }).click();
  await page.getByRole('button', { name: 'Ouvi', exact: true }).click();
  await expect(page.locator('article[data-check-id="devices.speakers"]')).toHaveAttribute('data-status', 'pass');
  await app.screenshot('speakers-pt');
});
