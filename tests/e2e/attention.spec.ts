// Issue 29 in Spanish and Portuguese, by role and name, axe after each action: what decides the
// verdict first (check screen, summary, report viewer and HTML report), the optional checks that
// could not be read collapsed into one line grouped by reason, no "?" where a value is missing,
// the navigation on one row at 1280 px (a Menu at 320 px), and Continue during the camera test
// saying "not finished".
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { axeViolations } from './axe';
import { testProfile } from './test-profile';
import { findProfile } from '../../shared/profile/load';
import { fakeDeps } from '../unit/inspect/fake-deps';

// the capstone exam (its advisory OS-state checks cannot be read in a browser) that also refuses Linux
const base = findProfile('mitx-sds-capstone')!;
const PROFILE = testProfile({
  id: 'e2e-attention',
  sources: base.sources,
  title: { en: 'Attention exam', es: 'Examen de atención', pt: 'Prova de atenção' },
  program: 'E2E',
  requirements: { ...base.requirements, os: { ...base.requirements.os, blockedPlatforms: { platforms: ['linux'], required: true } } },
});

test.use({
  handlerOptions: {
    scan: {
      extraProfiles: [PROFILE],
      // a computer that reports no make or model (the card said "Encontrado ?")
      inspectDeps: fakeDeps({ platform: 'linux', si: { system: { manufacturer: '', model: '' } } }),
    },
  },
});

const T = {
  es: {
    attention: /Requiere tu atención/,
    unread: /comprobaciones? opcionales? no se pudo|no se pudieron leer en esta computadora/,
    why: /^Motivo: /,
    summary: 'Resumen',
    fixFirst: 'Qué solucionar primero',
    report: 'Informe',
    make: 'Preparar el informe',
    save: /Guardar el archivo del informe/,
    file: 'Archivo de informe (.epreport o .json)',
    computer: /^Computadora/,
    menu: 'Menú',
    notReported: 'no informado por esta computadora',
  },
  pt: {
    attention: /Precisa da sua atenção/,
    unread: /verificaç(ão|ões) opciona(l|is) não pude(ram)? ser lidas? neste computador|não puderam ser lidas neste computador/,
    why: /^Motivo: /,
    summary: 'Resumo',
    fixFirst: 'O que corrigir primeiro',
    report: 'Relatório',
    make: 'Gerar o relatório',
    save: /Salvar o arquivo do relatório/,
    file: 'Arquivo de relatório (.epreport ou .json)',
    computer: /^Computador/,
    menu: 'Menu',
    notReported: 'não informado por este computador',
  },
} as const;

/** a value's placeholder: a "?" standing alone (not "¿…?" prose, not a status icon, which is hidden from the text) */
const PLACEHOLDER = /(^|[\s(:×])\?($|[\s),.;:·×])/;

async function axeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** every shown value (what was found, what is asked) and fix: never a bare "?" */
async function noPlaceholder(where: Locator) {
  for (const text of await where.locator('dd, td:not(:first-child), .fix-list li > strong, .fix-list li > p, .unread li, .unread-item').allInnerTexts())
    expect(text).not.toMatch(PLACEHOLDER);
}

/** the required ones come first: required failures, then required unknowns, then the advisory ones */
async function requiredFirst(cards: Locator) {
  const seen = await cards.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-required')}:${e.getAttribute('data-status')}`));
  const rank = (s: string) => (s === 'true:fail' ? 0 : s === 'true:unknown' ? 1 : 2);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0]).toBe('true:fail');
  expect(seen.map(rank)).toEqual([...seen.map(rank)].sort((a, b) => a - b));
  // no optional check that could not be read stands among them
  expect(seen).not.toContain('false:unknown');
}

for (const lang of ['es', 'pt'] as const) {
  const w = T[lang];
  test(`${lang}: required problems first, unreadable optional checks in one line, no "?", one-row navigation`, async ({ app }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.open('check', { profileId: PROFILE.id, lang });
    await expect(page.locator('.scan-status')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'not-ready');
    await axeClean(page);

    // the check screen: what decides the verdict first
    const problems = page.getByRole('region', { name: w.attention });
    await requiredFirst(problems.locator('> article'));
    const unread = problems.getByTestId('unread');
    await expect(unread.locator('> summary')).toHaveText(w.unread);
    await expect(unread.locator('article').first()).toBeHidden();
    await app.screenshot(`attention-check-${lang}`);
    await unread.locator('> summary').click();
    await axeClean(page);
    await expect(unread.locator('.unread-reason').first()).toHaveText(w.why);
    // grouped: fewer reasons than checks
    const reasons = await unread.locator('.unread-reason').count();
    expect(reasons).toBeLessThan(await unread.locator('article').count());
    await expect(unread.locator('article[data-required="true"]')).toHaveCount(0);
    await noPlaceholder(page.locator('main'));
    await expect(page.locator('article[data-check-id="device.model"] dd').first()).toHaveText(w.notReported);

    // the navigation: one row at 1280 px
    const nav = page.getByRole('navigation', { name: lang === 'es' ? 'Pasos' : 'Etapas' });
    const tops = await nav.locator('.nav-journey > li, .nav-apart > li').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
    expect(tops.length).toBeGreaterThanOrEqual(7);
    for (const b of tops) {
      expect(Math.abs(b.top - tops[0]!.top)).toBeLessThan(2);
      expect(b.right).toBeLessThanOrEqual(1280);
    }
    // a phase opens its steps, Escape closes it and returns to its button
    const computer = nav.getByRole('button', { name: w.computer });
    await computer.click();
    await expect(computer).toHaveAttribute('aria-expanded', 'true');
    await axeClean(page);
    await page.keyboard.press('Escape');
    await expect(computer).toHaveAttribute('aria-expanded', 'false');
    await expect(computer).toBeFocused();

    // the summary: "what to fix first" in the same order, the unread ones in one line
    await nav.getByRole('link', { name: new RegExp(`^${w.summary}`) }).click();
    await expect(page.getByRole('heading', { level: 2, name: w.fixFirst })).toBeVisible();
    const first = page.getByTestId('fix-first').getByRole('listitem');
    await expect(first.first()).toContainText(lang === 'es' ? 'Sistema operativo' : 'Sistema operacional');
    await expect(page.getByTestId('unread').locator('> summary')).toHaveText(w.unread);
    // one state per step: the system check's mark and words agree
    await expect(page.locator('li[data-step="check"]')).toHaveAttribute('data-state', 'problem');
    await expect(page.locator('li[data-step="check"]')).not.toContainText(lang === 'es' ? 'hecho' : 'concluído');
    await app.screenshot(`attention-summary-${lang}`);
    await page.getByTestId('unread').locator('> summary').click();
    await axeClean(page);
    await noPlaceholder(page.locator('main'));

    // the report: made, saved, opened in the viewer — the same order there
    await nav.getByRole('link', { name: new RegExp(`^${w.report}`) }).click();
    await page.getByRole('button', { name: w.make }).click();
    await expect(page.getByTestId('report-made')).toBeVisible();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.save }).click()]);
    const file = testInfo.outputPath(`attention-${lang}.epreport`);
    await dl.saveAs(file);
    await page.getByLabel(w.file, { exact: true }).setInputFiles(file);
    const viewer = page.getByTestId('viewer');
    await expect(viewer.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'not-ready');
    await requiredFirst(viewer.locator('.rp-checks > article'));
    await expect(viewer.getByTestId('unread').locator('> summary')).toHaveText(w.unread);
    await axeClean(page);
    await noPlaceholder(viewer);
    await viewer.scrollIntoViewIfNeeded();
    await app.screenshot(`attention-report-${lang}`);

    // the HTML report of the same file: the attention table first, the unread line collapsed
    const saved = JSON.parse(await readFile(file, 'utf8')) as { checkId: string };
    const [htmlDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /HTML|web/i }).click()]);
    const html = await readFile((await htmlDl.path())!, 'utf8');
    expect(html).toContain(saved.checkId);
    const report = await page.context().newPage();
    await report.setContent(html);
    await expect(report.locator('table[data-attention] tbody tr').first().locator('.status.fail')).toBeVisible();
    await expect(report.locator('details.unread summary')).toHaveText(w.unread);
    await noPlaceholder(report.locator('body'));
    await report.screenshot({ path: path.join(SCREENSHOT_DIR, `attention-report-html-${lang}.png`), fullPage: true });
    await report.close();
  });
}

test('pt at 320 px: the navigation is one Menu button that opens every step', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 320, height: 800 });
  await app.open('choose', { profileId: PROFILE.id, lang: 'pt' });
  const nav = page.getByRole('navigation', { name: 'Etapas' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: /^Resumo/ })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of [/^Verificação do sistema/, /^Câmera/, /^Simulado/, /^Resumo/, /^Relatório/, /^Sobre/])
    await expect(nav.getByRole('link', { name })).toBeVisible();
  await axeClean(page);
  await nav.getByRole('link', { name: /^Câmera/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('es: Continue while the face check still runs says "not finished — come back", never "could not run"', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await app.open('camera', { profileId: 'mitx-pom-final', lang: 'es' });
  await page.getByRole('button', { name: 'Empezar la prueba de cámara' }).click();
  // the camera's own card lands while the face is still being watched (at least 4 s of frames)
  await expect(page.locator('article[data-check-id="devices.camera"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('article[data-check-id="devices.face"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continuar al micrófono' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Micrófono' })).toBeFocused();
  await axeClean(page);
  const nav = page.getByRole('navigation', { name: 'Pasos' });
  await nav.getByRole('link', { name: /^Resumen/ }).click();
  const camera = page.locator('li[data-step="camera"]');
  await expect(camera).toHaveAttribute('data-state', 'not-started');
  await expect(camera).toContainText('sin terminar');
  await expect(camera).toContainText('vuelve para terminar la prueba de la cámara');
  await expect(page.locator('main')).not.toContainText('no pudo ejecutarse');
  await axeClean(page);
  // back to the camera from its phase: the step says what is left to do
  await nav.getByRole('button', { name: /^Cámara, sonido y red/ }).click();
  await nav.getByRole('link', { name: 'Cámara (sin terminar)' }).click();
  await expect(page.getByTestId('camera-unfinished')).toHaveText('sin terminar — vuelve para terminar la prueba de la cámara');
  await axeClean(page);
});
