// The face check with real photos as the fake camera (camera-scenes.ts). Chromium's flags are per
// worker, so each scene is its own spec file (camera-face-*.spec.ts) calling faceSceneTest once.
// The detector runs in a worker, on the wasm backend, under the app's CSP, in Chromium without a GPU.
import { test, expect } from './fixtures';
import { sceneArgs, type SceneName } from './camera-scenes';
import { axeViolations } from './axe';
import { startCameraTest } from './start-camera';

export function faceSceneTest(scene: SceneName, want: { status: string; text: RegExp; fix: RegExp | null; lang?: 'en' | 'es' | 'pt'; start?: string }) {
  test.use({ launchArgs: sceneArgs(scene) });
  test(`${scene}: the face check says ${want.status}`, async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const camera = await startCameraTest(app, { lang: want.lang, start: want.start });
    const card = page.locator('article[data-check-id="devices.face"]');
    await expect(card).toBeVisible({ timeout: 45_000 });
    await expect(card).toHaveAttribute('data-status', want.status);
    await expect(card).toContainText(want.text);
    if (want.fix) await expect(card.locator('.check-fix')).toContainText(want.fix);
    else await expect(card.locator('.check-fix')).toHaveCount(0);
    // the camera's own card is there too (its frame rate depends on how busy the machine is: camera.spec.ts)
    await expect(camera).toContainText('640×480');
    await card.locator('summary').click();
    await expect(card.locator('.check-evidence')).toContainText(/\d+/);
    expect(await axeViolations(page)).toEqual([]);
    await app.screenshot(`camera-face-${scene}${want.lang && want.lang !== 'en' ? `-${want.lang}` : ''}`);
  });
}
