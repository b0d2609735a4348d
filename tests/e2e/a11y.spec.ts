// Accessibility and languages across the whole app (issue 7): every screen, in English, Spanish
// and Portuguese, has zero axe violations (WCAG 2.2 A/AA + best practice), no untranslated
// catalog key on screen, and a screenshot saved for review.
import { test, expect } from './fixtures';
import { axeViolations } from './axe';
import { ROUTES } from '../../renderer/routes';
import { LANGUAGES } from '../../shared/i18n/text';

const PROFILE = 'mitx-pom-final';

for (const lang of LANGUAGES) {
  test.describe(`screens in ${lang}`, () => {
    for (const route of ROUTES) {
      test(`${route.id} (${lang}) has no axe violations`, async ({ app }) => {
        await app.open(route.id, { profileId: PROFILE, lang });
        await expect(app.page.locator('h1').first()).toBeVisible();
        await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
        // a raw catalog key such as "checks:os.blocked.title" means a missing translation
        const text = await app.page.locator('body').innerText();
        expect(text).not.toMatch(
          /\b(common|checks|devices|checklist|exam|report|cli|viewer|safety|journey|evidence|desktop|profiles|cohort|network|osstate):[a-z][\w.-]+/,
        );
        expect(await axeViolations(app.page)).toEqual([]);
        await app.screenshot(`a11y-${route.id}-${lang}`);
      });
    }
  });
}
