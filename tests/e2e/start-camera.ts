// The first moves of every camera spec: the camera step (of the exam most of them use), the test
// started, and the camera's card handed back for the spec's own assertions.
import type { App } from './fixtures';
import type { Language } from '../../shared/i18n/text';

export const CAMERA_PROFILE = 'mitx-pom-final';

export async function startCameraTest(app: App, o: { profileId?: string; lang?: Language; start?: string } = {}) {
  await app.open('camera', { profileId: o.profileId ?? CAMERA_PROFILE, lang: o.lang ?? 'en' });
  await app.page.getByRole('button', { name: o.start ?? 'Start camera test' }).click();
  return app.page.locator('article[data-check-id="devices.camera"]');
}
