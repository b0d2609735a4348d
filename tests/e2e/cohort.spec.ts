// The cohort dashboard in the report viewer: a support desk opens a folder of reports (with a damaged
// and an edited one among them), or several files, or drops them, and sees the same summary the CLI
// makes of the same files — verdicts, ranked checks with fixes, breakdowns, who needs help by check
// id, the trend, the files not counted — in English, Spanish and Portuguese, WCAG clean.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { axeViolations } from './axe';
import { summarizeFiles } from '../../electron/cohort/summarize';
import { findProfile } from '../../shared/profile/load';
import { renderCohortHtml } from '../../shared/cohort/render-html';
import { createI18n } from '../../shared/i18n';
import { sampleCohort, makeReport } from '../unit/cohort/helpers';
import { machines } from '../fixtures/facts/machines';

function folder(root: string): string {
  const dir = path.join(root, 'lab-reports');
  mkdirSync(path.join(dir, 'room-b'), { recursive: true });
  for (const [i, [name, r]] of sampleCohort().entries()) writeFileSync(path.join(dir, i % 2 ? 'room-b' : '', name), JSON.stringify(r, null, 2));
  const good = makeReport(machines.good());
  writeFileSync(path.join(dir, 'cut.json'), JSON.stringify(good).slice(0, 400));
  writeFileSync(path.join(dir, 'edited.json'), JSON.stringify({ ...good, verdict: 'not-ready' }));
  writeFileSync(path.join(dir, 'notes.txt'), 'not a .json file: left out of a folder');
  return dir;
}

test('a folder of reports becomes the cohort dashboard, with the same data as the CLI, in en/es/pt', async ({ app }, testInfo) => {
  test.setTimeout(90_000);
  const { page } = app;
  const dir = folder(testInfo.outputPath());
  const cli = await summarizeFiles([dir], { cwd: dir });

  await app.open('report', { lang: 'en' });
  const panel = page.getByTestId('cohort-panel');
  await panel.locator('input[webkitdirectory]').setInputFiles(dir);
  for (const lang of ['en', 'es', 'pt'] as const) {
    // the dashboard follows the language switch in the header without reading the files again
    if (lang !== 'en') await page.locator('header select').selectOption(lang);
    const dash = page.getByTestId('cohort');
    await expect(dash).toBeVisible();
    // the same numbers as `exam-preflight summarize` of the same folder
    for (const v of ['ready', 'not-ready', 'incomplete'] as const)
      await expect(dash.locator(`[data-verdict="${v}"] strong`)).toHaveText(String(cli.verdicts[v]));
    await expect(dash.locator('tr[data-check]').first()).toHaveAttribute('data-check', cli.checks[0]!.id);
    await expect(page.getByTestId('cohort-needs-help').locator('tbody tr')).toHaveCount(cli.needsHelp.length);
    for (const h of cli.needsHelp) await expect(page.getByTestId('cohort-needs-help').locator(`tr[data-check-id="${h.checkId}"]`)).toBeVisible();
    await expect(page.getByTestId('cohort-skipped').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('cohort-skipped').locator('tr[data-kind="tampered"]')).toBeVisible();
    await expect(page.getByTestId('cohort-trend')).toBeVisible();
    if (lang === 'en') {
      await expect(dash).toContainText('5 reports read · 2 files skipped');
      await expect(dash.locator('tr[data-check="device.model"]')).toContainText('Use a different computer for the exam');
      await expect(page.getByTestId('cohort-skipped')).toContainText('lab-reports/cut.json is cut off');
      await expect(dash.locator('table[data-breakdown="maker"]')).toContainText('Apple Inc.');
    }
    if (lang === 'es') await expect(page.getByRole('heading', { name: 'Comprobaciones ordenadas por fallos' })).toBeVisible();
    if (lang === 'pt') await expect(page.getByRole('heading', { name: 'Verificações por número de falhas' })).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(path.dirname(await app.screenshot(`cohort-${lang}`)), `cohort-panel-${lang}.png`) });
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('several files judged against one exam; several files dropped; nothing readable says so', async ({ app }, testInfo) => {
  const { page } = app;
  const dir = folder(testInfo.outputPath());
  await app.open('report', { lang: 'en' });
  const panel = page.getByTestId('cohort-panel');
  await panel.getByLabel('Judge all against').selectOption('mitx-pom-final');
  const files = sampleCohort().map(([name]) =>
    path.join(dir, name === 'good.json' || name === 'surface.json' || name === 'timeouts.json' ? '' : 'room-b', name),
  );
  await panel.getByLabel('Report files (several .json)').setInputFiles(files);
  const dash = page.getByTestId('cohort');
  await expect(dash).toContainText(`Every report was judged again against ${'Principles of Manufacturing'}`);
  const pom = await summarizeFiles(files, { cwd: dir, profile: findProfile('mitx-pom-final')! });
  await expect(dash.locator('[data-verdict="ready"] strong')).toHaveText(String(pom.verdicts.ready));
  await expect(dash.locator('table[data-breakdown="exam"] tbody tr')).toHaveCount(1);

  // dropped on the viewer: several files go to the dashboard
  const dropped = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      return dt;
    },
    [
      { name: 'a.json', text: '{}' },
      { name: 'b.json', text: 'not json' },
    ],
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('cohort-problem')).toHaveText('No report could be read from these files.');
  await expect(page.getByTestId('cohort-skipped').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('cohort-skipped')).toContainText('a.json is valid JSON but not an Exam Preflight report.');
  expect(await axeViolations(page)).toEqual([]);
});

test('the HTML dashboard file: self-contained, readable, prints (en and pt)', async ({ app }, testInfo) => {
  const dir = folder(testInfo.outputPath());
  const s = await summarizeFiles([dir], { cwd: dir });
  const page = app.page;
  const shots = path.dirname(await app.screenshot('cohort-html-before'));
  for (const lang of ['en', 'pt'] as const) {
    await page.setContent(renderCohortHtml(s, createI18n(lang), '1.0.0'));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(
      page.getByRole('img', { name: lang === 'en' ? 'Ready: 2, not ready: 2, incomplete: 1' : 'Prontos: 2, não prontos: 2, incompletos: 1', exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: path.join(shots, `cohort-html-${lang}.png`), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(shots, 'cohort-html-pt-print.png'), fullPage: true });
});
