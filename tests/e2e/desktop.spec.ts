// What support staff and admins expect of a desktop tool, in Chromium with the real handlers: the
// check id copied to the clipboard through main (a recording clipboard stands in for Electron's),
// the log and crash-report folders and the opt-in update check on About, and a report the app was
// started with (double-click on a .epreport) opening in the viewer.
import { test, expect } from './fixtures';
import { axeViolations } from './axe';
import { buildReport } from '../../shared/report/model';
import { findProfile } from '../../shared/profile/load';
import { evaluate } from '../../shared/rules';
import { loadFixture } from '../fixtures/facts/machines';
import { tabTo } from './keys';

const copied: string[] = [];
const checked: string[] = [];
const facts = loadFixture('surface-laptop');
const profile = findProfile('mitx-sds-capstone')!;
const startReport = buildReport({ profile, facts, results: evaluate(profile, facts), appVersion: '1.0.0', createdAt: '2026-11-20T10:00:00Z' });
let inbox: { text: string; fileName: string } | null = null;

test.use({
  handlerOptions: {
    desktop: {
      clipboard: {
        writeText: (s: string) => {
          copied.push(s);
        },
      },
      openPath: async () => '',
      log: { file: '/var/log/exam-preflight/main.log', log: () => {}, flush: async () => {} },
      crashDumps: '/home/~/.config/Exam Preflight/Crashpad',
      checkUpdate: async (feed: string) => {
        checked.push(feed);
        return { version: '9.9.9', newer: true };
      },
      updatePolicy: { allowed: true, feedUrl: 'https://updates.example.edu/exam-preflight' },
      reportInbox: {
        take: async () => {
          const f = inbox;
          inbox = null;
          return f ? [f] : [];
        },
      },
    },
  },
});

test('report screen: the check id and a one-line summary go to the clipboard, announced', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await app.open('check', { profileId: 'mitx-pom-final', lang: 'en' });
  await expect(page.locator('[data-verdict]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: /Report/ }).click();
  await page.getByRole('button', { name: 'Prepare the report' }).click();
  const made = page.getByTestId('report-made');
  const checkId = (await made.locator('.rp-checkid').textContent())!.trim();
  await tabTo(page, page.getByRole('button', { name: 'Copy check id and summary' }));
  await page.keyboard.press('Enter');
  await expect(made.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(copied.at(-1)).toMatch(new RegExp(`^${checkId} — Principles of Manufacturing.*: (Ready|Not ready|Incomplete)`));
  await app.screenshot('desktop-copy-report');
  // the summary offers the same, with the id of the report just made
  await page.getByRole('link', { name: /Summary/ }).click();
  await page.getByRole('button', { name: 'Copy check id and summary' }).click();
  expect(copied.at(-1)!.startsWith(checkId)).toBe(true);
});

test('About (es): log file and crash reports named, folders open, updates only after opting in', async ({ app }) => {
  const { page } = app;
  await app.open('about', { lang: 'es' });
  const d = page.getByTestId('diagnostics');
  await expect(d).toContainText('/var/log/exam-preflight/main.log');
  await expect(d).toContainText('Se guardan solo en este equipo');
  await expect(d.getByRole('button', { name: 'Buscar actualizaciones ahora' })).toHaveCount(0);
  await expect(d).toContainText('Desactivado: actívalo arriba');
  const optIn = d.getByRole('checkbox', { name: 'Buscar una versión más reciente cuando yo lo pida' });
  await optIn.click(); // saved in main first, then shown checked
  await expect(optIn).toBeChecked();
  await d.getByRole('button', { name: 'Buscar actualizaciones ahora' }).click();
  await expect(d.getByRole('status')).toContainText('Está disponible la versión 9.9.9');
  expect(checked).toEqual(['https://updates.example.edu/exam-preflight']);
  await d.getByRole('button', { name: 'Abrir la carpeta de registros' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await app.screenshot('desktop-about-es');
});

test('a report the app was started with opens in the viewer', async ({ app }) => {
  inbox = { text: JSON.stringify(startReport), fileName: 'learner.epreport' };
  const { page } = app;
  await app.open('choose', { lang: 'pt' });
  await expect(page.getByRole('heading', { level: 1, name: 'Relatório' })).toBeVisible();
  await expect(page.locator('main')).toContainText(startReport.checkId);
  await app.screenshot('desktop-opened-file-pt');
});

test('Choose (pt): each exam says when its requirements were checked, and warns when that is long ago', async ({ app }) => {
  const { page } = app;
  await app.open('choose', { lang: 'pt' });
  await expect(page.getByText('Requisitos conferidos com as perguntas frequentes do exame em 25 de novembro de 2026.').first()).toBeVisible();
  await app.clock.advance(400 * 86_400_000); // the main process's clock, a year on
  await page.reload();
  await expect(page.getByText(/Requisitos conferidos pela última vez em 25 de novembro de 2026, há mais de seis meses/).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await app.screenshot('desktop-choose-stale-pt');
});
