// A covered lens: Chromium's fake camera plays a black video file, and the app says to uncover it.
import path from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './harness';

const PROFILE = 'mitx-pom-final';
test.use({
  launchArgs: [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${path.join(ROOT, 'tests/fixtures/media/black.y4m')}`,
  ],
});

test('detects a black picture and says to uncover the lens', async ({ app }) => {
  const { page } = app;
  await app.open('camera', { profileId: PROFILE, lang: 'en' });
  await page.getByRole('button', { name: 'Start camera test' }).click();
  const card = page.locator('article[data-check-id="devices.camera"]');
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card).toContainText('uncover the lens');
  // the file is 640×480, the exam's minimum: darkness alone fails it
  await expect(card.locator('dd').first()).toHaveText(/^640×480 at \d+ frames per second$/);
  await app.screenshot('camera-covered');
});
