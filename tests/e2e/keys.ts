// Keyboard-only helpers for the end-to-end specs: reach a control with Tab (or Shift+Tab), checking
// that every stop on the way shows a visible focus ring.
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus (at most `max` times), checking every stop shows its focus. */
export async function tabTo(page: Page, target: Locator, max = 80, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return {
        tag: el.tagName,
        text: (el.textContent ?? '').trim().slice(0, 40),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== 'none',
      };
    });
    if (ring) expect(ring.outline || ring.shadow, `focus ring on <${ring.tag}> "${ring.text}"`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a Continue button or a step's link, opens it with Enter, and checks that the step's heading took the focus. */
export async function goToStep(page: Page, heading: string | RegExp, target: Locator, max?: number, key?: 'Tab' | 'Shift+Tab'): Promise<void> {
  await tabTo(page, target, max, key);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}
