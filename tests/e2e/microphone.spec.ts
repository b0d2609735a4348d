// Microphone journey in real Chromium: the fake audio device beeps, so the level meter must move
// and the test passes (no device: devices-missing.spec.ts); the room's level and the clipped share
// are measured and shown (the verdicts on them: tests/unit/renderer/analyze.test.ts).
import { test, expect } from './fixtures';

const PROFILE = 'mitx-sds-capstone';

test('the level meter moves with the beeps and the test passes', async ({ app }) => {
  const { page } = app;
  await app.open('microphone', { profileId: PROFILE, lang: 'en' });
  await page.getByRole('button', { name: 'Start microphone test' }).click();
  const meter = page.locator('meter#mic-level');
  // the meter moves while listening (it decays slowly, so the beeps stay visible)
  await expect.poll(async () => Number(await meter.getAttribute('data-level')), { timeout: 10_000 }).toBeGreaterThan(15);
  await expect.poll(async () => Number(await page.locator('[data-peak]').getAttribute('data-peak'))).toBeGreaterThan(15);
  const card = page.locator('article[data-check-id="devices.microphone"]');
  await expect(card).toHaveAttribute('data-status', 'pass');
  await expect(card).toContainText('sound heard');
  await card.locator('summary').click();
  await expect(card).toContainText(/Room level while quiet: \d+ of 100/);
  await expect(card).toContainText(/Clipped sound: [\d.]+ %/);
  await app.screenshot('microphone-ok');
});
