// The learner (or the OS) refuses camera access: headless Chromium without the fake consent UI
// answers NotAllowedError, and the app explains the OS privacy-settings step.
import { test, expect } from './fixtures';

const PROFILE = 'mitx-pom-final';
// fake devices exist, but no consent UI: the permission request is refused
test.use({ launchArgs: ['--use-fake-device-for-media-stream'] });

test('explains the refused permission with the OS privacy step', async ({ app }) => {
  const { page } = app;
  await app.open('camera', { profileId: PROFILE, lang: 'en' });
  await page.getByRole('button', { name: 'Start camera test' }).click();
  const card = page.locator('article[data-check-id="devices.camera"]');
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card).toContainText('permission to use the camera was refused');
  await expect(card).toContainText('NotAllowedError');
  await expect(card).toContainText(/privacy settings/);
  await app.screenshot('camera-denied');
});
