// Accessibility and languages across the whole app (issue 7): every screen, in English, Spanish
// and Portuguese, has zero axe violations (WCAG 2.2 A/AA + best practice), no untranslated
// catalog key on screen, and a screenshot saved for review.
import { test, expect } from './fixtures';
import { axeViolations } from './axe';
import { ROUTES } from '../../renderer/app/route-ids';
import { LANGUAGES } from '../../shared/i18n/text';
import { CATALOGS } from '../../shared/i18n/catalogs';

/** "section.key" where the section is a top-level group of any catalog: a raw key on screen */
const SECTIONS = [...new Set(Object.values(CATALOGS.en).flatMap((c) => Object.keys(c)))].filter((k) => /^[a-z][A-Za-z]+$/.test(k));
const SECTION_KEY = new RegExp(`(?<![\\w@/.-])(${SECTIONS.join('|')})\\.[a-z][A-Za-z]+(?![\\w-]*\\.(?:com|edu|org|net)\\b)`);

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
        // i18next shows a missing key of a namespace without the namespace ("nav.speakers")
        expect(text).not.toMatch(SECTION_KEY);
        expect(await axeViolations(app.page)).toEqual([]);
        await app.screenshot(`a11y-${route.id}-${lang}`);
      });
    }
  });
}
