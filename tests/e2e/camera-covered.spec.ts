// A covered lens: Chromium's fake camera plays a black video file, and the app says to uncover it.
import path from 'node:path';
import { test, expect } from './fixtures';
import { startCameraTest } from './start-camera';
import { ROOT } from './harness';

test.use({
  launchArgs: [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${path.join(ROOT, 'tests/fixtures/media/black.y4m')}`,
  ],
});

test('detects a black picture and says to uncover the lens', async ({ app }) => {
  const { page } = app;
  const card = await startCameraTest(app);
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card).toContainText('uncover the lens');
  // the file is 640×480, the exam's minimum: darkness alone fails it, and "Found" names the cause
  // (issue 14: it used to say only "640×480 at 15 frames per second")
  await expect(card.locator('dd').first()).toHaveText(/^the picture is black: the lens is covered or the room is dark \(640×480 at \d+ frames per second\)$/);
  // no face check on a black picture, and no stray status line repeating the badge
  await expect(page.locator('article[data-check-id="devices.face"]')).toHaveCount(0);
  const status = page.locator('.device-status');
  await expect(status.locator('.sr-only')).toHaveText('Camera test finished: Fail'); // for screen readers only
  expect(
    await status.evaluate((el) =>
      [...el.childNodes]
        .filter((n) => !(n instanceof Element && n.classList.contains('sr-only')))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  ).toBe('');
  await app.screenshot('camera-covered');
});
