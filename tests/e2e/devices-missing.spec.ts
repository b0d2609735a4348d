// No camera and no microphone at all (no fake devices; consent would be given): each device gets
// the "not found" explanation and fix, not a generic error.
import { test, expect } from './fixtures';
import { startCameraTest } from './start-camera';

const PROFILE = 'mitx-pom-final';
test.use({ launchArgs: ['--use-fake-ui-for-media-stream'] });

test('explains that no camera was found', async ({ app }) => {
  const card = await startCameraTest(app);
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card).toContainText('no camera found');
  await expect(card).toContainText('NotFoundError');
  await expect(card).toContainText('Connect a camera');
  await app.screenshot('camera-none');
});

test('explains that no microphone was found', async ({ app }) => {
  const { page } = app;
  await app.open('microphone', { profileId: PROFILE, lang: 'es' });
  await page.getByRole('button', { name: 'Empezar la prueba de micrófono' }).click();
  const card = page.locator('article[data-check-id="devices.microphone"]');
  await expect(card).toHaveAttribute('data-status', /fail|warn/);
  await expect(card).toContainText('no se encontró ningún dispositivo: micrófono');
  await app.screenshot('microphone-none-es');
});
