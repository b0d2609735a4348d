// Camera journey in real Chromium with the fake device at 1280×720 and 30 fps: it passes.
// The failure journeys need other Chromium flags, one set per file (flags are per worker):
// devices-missing.spec.ts, devices-denied.spec.ts, camera-covered.spec.ts.
import { test, expect } from './fixtures';
import { startCameraTest } from './start-camera';

// Chromium's fake camera runs at 20 fps unless told otherwise; a typical webcam does 30.
test.use({ launchArgs: ['--use-fake-device-for-media-stream=fps=30', '--use-fake-ui-for-media-stream'] });

test('measures 1280×720 at about 30 fps and passes', async ({ app }) => {
  const { page } = app;
  const card = await startCameraTest(app);
  await expect(card).toHaveAttribute('data-status', 'pass');
  await expect(card).toContainText(/1280×720 at (2[4-9]|3[0-2]) frames per second/);
  await expect(page.getByLabel('Camera', { exact: true })).toBeVisible(); // the device picker
  await app.screenshot('camera-ok');
});
