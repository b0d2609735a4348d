// A virtual camera by its label. Chromium's fake camera is called "fake_device_0", which no real
// learner has, so the catalog does not list it: instead the test renames the track the page sees
// (an init script overrides MediaStreamTrack's label getter for video tracks) to "OBS Virtual
// Camera", exactly what OBS's camera reports. The app's code and catalog run unchanged.
import { test, expect } from './fixtures';
import { startCameraTest } from './start-camera';
import { sceneArgs } from './camera-scenes';
import { axeViolations } from './axe';

const PROFILE = 'mitx-sds-capstone';
test.use({ launchArgs: sceneArgs('one-face') });

test('an OBS Virtual Camera is flagged with the fix to choose the real camera', async ({ app }) => {
  const { page } = app;
  await page.addInitScript(() => {
    const real = Object.getOwnPropertyDescriptor(MediaStreamTrack.prototype, 'label')!;
    Object.defineProperty(MediaStreamTrack.prototype, 'label', {
      configurable: true,
      get(this: MediaStreamTrack) {
        return this.kind === 'video' ? 'OBS Virtual Camera' : (real.get!.call(this) as string);
      },
    });
  });
  const card = await startCameraTest(app, { profileId: PROFILE });
  await expect(card).toHaveAttribute('data-status', 'warn', { timeout: 30_000 });
  await expect(card).toContainText('OBS Virtual Camera, a virtual camera');
  await expect(card.locator('.check-fix')).toContainText('Proctors reject virtual cameras such as OBS Virtual Camera');
  // a warning, not a fail: the capstone FAQ does not name virtual cameras, so the profile flags them as advice
  await expect(page.locator('article[data-check-id="devices.face"]')).toBeVisible({ timeout: 45_000 });
  expect(await axeViolations(page)).toEqual([]);
  await app.screenshot('camera-virtual');
});
