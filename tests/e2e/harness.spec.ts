// The harness itself: window.preflight exists in the page, its calls reach the real handlers, and
// arguments the handlers reject come back as errors, as over Electron IPC.
import { test, expect } from './fixtures';

test('window.preflight reaches the real main-process handlers', async ({ app }) => {
  await app.open('choose', { lang: 'es' });
  const settings = await app.page.evaluate(() => window.preflight.getSettings());
  expect(settings.effectiveLanguage).toBe('es');
  const error = await app.page.evaluate(() =>
    window.preflight.updateSettings({ language: 'klingon' } as never).then(
      () => 'accepted',
      (e: Error) => e.message,
    ),
  );
  expect(error).toMatch(/language/);
  // the bad call changed nothing
  expect((await app.handlers.getSettings()).language).toBe('es');
});
