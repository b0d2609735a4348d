// The learner (or the OS) refuses camera access: headless Chromium without the fake consent UI
// answers NotAllowedError, and the app explains the OS privacy-settings step.
import { test, expect } from './fixtures';
import { startCameraTest } from './start-camera';

// fake devices exist, but no consent UI: the permission request is refused
test.use({ launchArgs: ['--use-fake-device-for-media-stream'] });

test('explains the refused permission with the OS privacy step', async ({ app }) => {
  const card = await startCameraTest(app);
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card).toContainText('permission to use the camera was refused');
  await expect(card).toContainText('NotAllowedError');
  await expect(card).toContainText(/privacy settings/);
  await app.screenshot('camera-denied');
});
