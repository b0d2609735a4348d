// Checklists in Chromium: every checklist of the Principles of Manufacturing finals completed with
// the keyboard alone, kept across a restart; the ID comparison shows a mismatch and its fix, and an
// ID that expires before the exam; the exam date gives the days left and the re-run advice.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { tabTo } from './keys';
import { localDay, addDays } from '../../shared/checklist/dates';
import { fillDay } from './day';

const POM = 'mitx-pom-final';

test('complete every checklist with the keyboard only; the progress survives a restart', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await app.open('checklists', { profileId: POM, lang: 'en' });
  await expect(page.getByTestId('cl-progress')).toContainText('0 of 17 ticked');
  const boxes = page.getByRole('checkbox');
  const count = await boxes.count();
  expect(count).toBe(17); // 15 before issue 24 added the learner guide's same-side ID and close-other-programs items
  // exactly the approved translators, nothing else
  const translator = page.locator('[data-item="materials-translator"] .cl-allowed li');
  await expect(translator).toHaveText([/^Google Translate/, /^Youdao/, /^Bing Translator/]);

  for (let i = 0; i < count; i++) {
    await tabTo(page, boxes.nth(i));
    await page.keyboard.press('Space');
    await expect(boxes.nth(i)).toBeChecked();
  }
  await expect(page.getByTestId('cl-progress')).toHaveText('✓ Every required item is ticked.');

  // the exam date, typed into the date field from the keyboard
  const examDay = addDays(localDay(new Date()), 10);
  const [y, m, d] = examDay.split('-');
  const examGroup = page.getByRole('group', { name: 'Exam date', exact: true });
  // English writes the month first (Intl's order for "en"), then the day and the year
  await tabTo(page, examGroup.getByRole('combobox', { name: 'Month' }));
  for (let i = 0; i < Number(m); i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, examGroup.getByRole('textbox', { name: 'Day' }));
  await page.keyboard.type(String(Number(d)));
  await tabTo(page, examGroup.getByRole('textbox', { name: 'Year' }));
  await page.keyboard.type(y!);
  await expect(page.getByTestId('exam-plan')).toHaveAttribute('data-days', '10');
  await expect(page.getByTestId('exam-plan')).toContainText('10 days left. Run the full check again on');
  await app.screenshot('checklists-done');

  await app.restart();
  await expect(page.getByTestId('cl-progress')).toHaveText('✓ Every required item is ticked.');
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(examGroup.getByRole('textbox', { name: 'Day' })).toHaveValue(String(Number(d)));
  await expect(examGroup.getByRole('combobox', { name: 'Month' })).toHaveValue(String(Number(m)));
  await expect(examGroup.getByRole('textbox', { name: 'Year' })).toHaveValue(y!);

  // the summary no longer asks for the checklists
  await app.open('summary');
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Finish the checklists/ })).toHaveCount(0);

  // reset from the keyboard, with a confirmation
  await app.open('checklists');
  await tabTo(page, page.getByRole('button', { name: "Reset this exam's checklists" }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cl-progress')).toContainText('0 of 17 ticked');
});

test('a name that does not match, and an ID that expires before the exam, are explained with the fix', async ({ app }) => {
  const { page } = app;
  await app.open('checklists', { profileId: POM, lang: 'en' });
  await fillDay(page, 'Exam date', addDays(localDay(new Date()), 20));
  await page.getByLabel('Name on your exam account').fill('Maria Silva');
  await page.getByLabel('Name printed on your ID').fill('Mario Silva');
  const result = page.getByTestId('name-result');
  await expect(result).toHaveAttribute('data-verdict', 'mismatch');
  await expect(result).toContainText('The names do not match.');
  await expect(result).toContainText('Differs — on the account: Maria; on the ID: Mario.');
  await expect(result).toContainText('Change the name on your exam account to match your ID exactly');

  await fillDay(page, 'Expiry date printed on your ID', addDays(localDay(new Date()), 5));
  await expect(page.getByTestId('expiry-result')).toHaveAttribute('data-verdict', 'expires-before-exam');
  await expect(page.getByTestId('expiry-result')).toContainText('15 days before your exam');
  await app.screenshot('checklists-mismatch');

  // accents and a missing middle name: accepted, with what to watch
  await page.getByLabel('Name on your exam account').fill('José Silva');
  await page.getByLabel('Name printed on your ID').fill('JOSE ANTONIO SILVA');
  await expect(result).toHaveAttribute('data-verdict', 'match-with-notes');
  await expect(result).toContainText('Accents differ');
  await expect(result).toContainText('Your ID also shows ANTONIO');

  // nothing typed here is stored
  const saved = await app.handlers.getChecklists(POM);
  expect(JSON.stringify(saved)).not.toMatch(/Silva|SILVA/);
});

test('the ID camera rehearsal measures the picture inside the guide', async ({ app }) => {
  const { page } = app;
  await app.open('checklists', { profileId: POM, lang: 'es' });
  await page.getByRole('button', { name: 'Iniciar el ensayo del documento con la cámara' }).click();
  await expect(page.getByTestId('id-camera')).toHaveAttribute('data-verdict', /readable|dark|blurry/);
  await expect(page.getByTestId('id-camera')).toContainText('Nitidez');
  await page.getByRole('button', { name: 'Detener la cámara' }).click();
  await expect(page.getByTestId('id-camera')).toHaveCount(0);
});

test('a corrupt progress file is moved aside with a message, not silently wiped', async ({ app }) => {
  const { page } = app;
  await app.open('checklists', { profileId: POM, lang: 'pt' });
  await writeFile(path.join(app.dataDir, 'checklists.json'), '{"format": 1, "profiles": {"mitx-pom-final": ');
  await app.restart();
  await expect(page.getByRole('alert')).toContainText('Não foi possível ler o seu progresso salvo');
  await expect(page.getByTestId('cl-progress')).toContainText('0 de 17');
  await app.screenshot('checklists-corrupt-pt');
  // the unreadable file is still there, under another name, for support to look at
  expect((await readdir(app.dataDir)).filter((f) => f.startsWith('checklists.corrupt-'))).toHaveLength(1);
});
