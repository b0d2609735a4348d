// Issue 14, the learner's journey: the verdict never misleads (the summary adds up every step and
// says what is not done; the system check names what failed, with links, problems first), one
// path through ("Continue to …" in journey order, the nav shows each step's state), and the words
// are the learner's (plurals, numbers, dates, evidence). axe runs after every interaction.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { buildReport } from '../../shared/report/model';
import { findProfile } from '../../shared/profile/load';
import { evaluate } from '../../shared/rules';
import { localize } from '../../shared/i18n/text';
import { axeViolations } from './axe';
import { testProfile } from './test-profile';
import { goToQuestion, halfOfSevenTenths, twoPlusTwo } from './mock-exam';
import { fakeDeps } from '../unit/inspect/fake-deps';
import { loadFixture } from '../fixtures/facts/machines';

// A machine we control: Linux, where every systeminformation call fails (so hardware is unknown),
// against an exam that refuses Linux (a required failure) and needs 8 GB (required, unknown here).
const STRICT = testProfile({
  id: 'e2e-strict',
  title: { en: 'Strict exam', es: 'Examen estricto', pt: 'Prova rigorosa' },
  program: 'E2E',
  requirements: {
    os: { blockedPlatforms: { platforms: ['linux'], required: true } },
    hardware: { minMemoryGB: { value: 8, required: true }, minCpuCores: { value: 1, required: false } },
    virtualization: { allowed: false, required: true },
  },
});

// A short bank whose texts exist only in English, and an exam using it (one 5-minute section).
const BANK = {
  id: 'e2e-j14-bank',
  version: '1.0.0',
  title: 'English-only practice',
  sections: [
    {
      id: 'one',
      title: 'Part one',
      questions: [
        twoPlusTwo('q-sum', [3]),
        {
          id: 'q-third',
          type: 'numeric',
          prompt: 'Five thirds, to four decimals?',
          explanation: '5 / 3.',
          answer: 1.6667,
          tolerance: { kind: 'absolute', value: 0.01 },
        },
        halfOfSevenTenths('q-half'),
      ],
    },
  ],
};
const EXAM = testProfile({
  id: 'e2e-j14-exam',
  title: 'Short rehearsal',
  program: 'E2E',
  requirements: {},
  mockExam: {
    bankId: 'e2e-j14-bank',
    passMarkPercent: 60,
    breaksAllowed: true,
    warningsPercent: [20],
    sections: [{ id: 'one', title: 'Part one', timeLimitMinutes: 5, bankSection: 'one' }],
  },
});

test.use({
  handlerOptions: {
    scan: {
      extraProfiles: [STRICT, EXAM],
      inspectDeps: fakeDeps({
        platform: 'linux',
        si: { cpu: { cores: 4, physicalCores: 4, brand: 'E2E CPU', manufacturer: 'E2E' } },
        // a KVM guest: systemd-detect-virt names it (evidence the check shows, in the reader's language)
        programs: { 'systemd-detect-virt': () => ({ ok: true, stdout: 'kvm\n', stderr: '' }) },
      }),
    },
  },
});

async function axeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

test('the summary before anything is done: incomplete, never "all set", every step not started', async ({ app }) => {
  const { page } = app;
  await app.open('summary', { profileId: 'mitx-pom-final', lang: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'incomplete');
  await expect(page.getByText('You are all set')).toHaveCount(0);
  await expect(page.getByText(/^Ready$/)).toHaveCount(0);
  await expect(page.getByTestId('nothing-to-fix')).toHaveText('Nothing to fix in the steps done so far, but 7 steps are not done yet.');
  const steps = page.getByRole('list', { name: 'Your steps' });
  for (const name of ['System check', 'Camera', 'Microphone', 'Speakers', 'Network', 'Checklists', 'Mock exam']) {
    await expect(steps.getByRole('listitem').filter({ hasText: name })).toContainText('not started');
  }
  await expect(page.getByRole('button', { name: 'Go to System check' })).toBeVisible();
  // the navigation shows each step's state to screen readers too
  // (issue 29: the steps are grouped in phases, each a button that opens its steps)
  const steps29 = page.getByRole('navigation', { name: 'Steps' });
  await steps29.getByRole('button', { name: 'Computer (not started)' }).click();
  await expect(steps29.getByRole('link', { name: 'System check (not started)' })).toBeVisible();
  await axeClean(page);
  await app.screenshot('journey14-summary-empty-en');
  for (const lang of ['es', 'pt'] as const) {
    await page.getByLabel(lang === 'es' ? 'Language' : 'Idioma').selectOption(lang);
    await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'incomplete');
    await axeClean(page);
    await app.screenshot(`journey14-summary-empty-${lang}`);
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Suas etapas' })).toBeVisible();
});

test('the system check names the failed and unknown required checks, links to their cards, problems first, passes collapsed', async ({ app }) => {
  const { page } = app;
  await app.open('check', { profileId: 'e2e-strict', lang: 'en' });
  await expect(page.locator('.scan-status')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'not-ready');
  const failed = page.getByTestId('verdict-failed');
  await expect(failed).toContainText('These 2 required checks failed:');
  await expect(page.getByTestId('verdict-unknown')).toContainText('Memory (RAM)');
  // the link moves focus to the failing card, which sits first under "Needs your attention"
  const link = failed.getByRole('link').first();
  const title = await link.innerText();
  await link.click();
  const card = page.locator('article.check-card:focus');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(title);
  const attention = page.getByRole('region', { name: /Needs your attention/ });
  await expect(attention.locator('article').first()).toHaveAttribute('data-status', 'fail');
  // plurals per count, not "1 failed, 1 warnings"
  await expect(page.locator('.scan-status')).toContainText(/Check finished: \d+ results — /);
  await expect(page.locator('.scan-status')).not.toContainText('1 warnings');
  // passes are collapsed
  const passed = page.locator('details.check-passed');
  if (await passed.count()) {
    await expect(passed).not.toHaveAttribute('open', '');
    await passed.locator('summary').click();
    await expect(passed).toHaveAttribute('open', '');
  }
  await axeClean(page);
  await app.screenshot('journey14-check-en');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByTestId('verdict-failed')).toContainText('Fallaron estas 2 comprobaciones obligatorias:');
  await expect(page.locator('.scan-status')).toContainText('Comprobación terminada');
  await axeClean(page);
  await app.screenshot('journey14-check-es');
  // the inspector's evidence is a message in Spanish, not "systemd-detect-virt says 'kvm'"
  const vm = page.locator('article[data-check-id="security.virtual-machine"]');
  await vm.getByText(/^Pruebas/).click();
  await expect(vm.locator('.check-evidence li')).toContainText(['Señal fuerte: systemd-detect-virt responde «kvm»']);
  // FAQ quotes are English on a Spanish screen: marked, and said in words
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(page.getByTestId('verdict-failed')).toContainText('Estas 2 verificações obrigatórias reprovaram:');
  await expect(vm.locator('.check-evidence li')).toContainText(['Sinal forte: systemd-detect-virt responde “kvm”']);
  await app.screenshot('journey14-check-pt');
});

test('one path through: every step ends with "Continue to <next step>" in journey order, and the nav shows the states', async ({ app }) => {
  const { page } = app;
  await app.open('check', { profileId: 'e2e-strict', lang: 'en' });
  await expect(page.locator('.scan-status')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  const nav = page.getByRole('navigation', { name: 'Steps' });
  await nav.getByRole('button', { name: 'Computer (problem)' }).click();
  await expect(nav.getByRole('link', { name: 'System check (problem)' })).toBeVisible();
  for (const [next, h1] of [
    ['the camera', 'Camera'],
    ['the microphone', 'Microphone'],
    ['the speakers', 'Speakers'],
    ['the network test', 'Network test'],
    ['the checklists', 'Checklists'],
    ['the mock exam', 'Mock exam'],
    ['the summary', 'Summary'],
    ['the report', 'Report'],
  ]) {
    await page.getByRole('button', { name: `Continue to ${next}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeFocused();
  }
  await nav.getByRole('button', { name: /^Camera, sound & network/ }).click();
  await expect(nav.getByRole('link', { name: 'Camera (not started)' })).toBeVisible();
  await app.open('summary');
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'not-ready');
  await expect(page.getByRole('list', { name: 'Your steps' }).getByRole('listitem').filter({ hasText: 'System check' })).toContainText(
    '2 required checks failed',
  );
  await axeClean(page);
  await app.screenshot('journey14-summary-problem-en');
});

test('mock exam results: score and pacing first, questions collapsed with wrong ones first, expand all, focus and announcement after submitting, numbers in Spanish', async ({
  app,
}) => {
  const { page } = app;
  await app.open('exam', { profileId: 'e2e-j14-exam', lang: 'es' });
  await expect(page.getByRole('heading', { level: 1, name: 'Examen de práctica' })).toBeVisible();
  // the bank import is for course teams: behind a labelled disclosure, closed
  const courseTeam = page.getByText('Para equipos docentes: importar un banco de preguntas');
  await expect(courseTeam).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /banco de preguntas/i })).toBeHidden();
  await courseTeam.click();
  await page.locator('input[type=file]').setInputFiles({ name: 'bank.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BANK)) });
  // questions that exist only in English are said to be
  await expect(page.getByTestId('bank-english')).toHaveText('Las preguntas de práctica de este examen solo están disponibles en inglés.');
  await axeClean(page);
  await app.screenshot('journey14-exam-home-es');

  await page.getByRole('button', { name: 'Empezar un nuevo intento' }).click();
  await page.getByRole('button', { name: /Abrir sección/ }).click();
  await goToQuestion(page, '2 + 2', /Pregunta \d+, /, 3);
  await page.getByRole('radio', { name: '4' }).check();
  await expect(page.getByText('Respuesta guardada')).toBeVisible();
  await page.getByRole('button', { name: 'Entregar esta sección' }).click();
  await page.getByRole('button', { name: 'Sí, entregar la sección' }).click();

  // focus lands on the results, and the outcome is announced
  await expect(page.getByRole('heading', { level: 2, name: 'Resultados' })).toBeFocused();
  await expect(page.getByTestId('exam-announce')).toHaveText('Sección entregada: Part one, 1 de 3 puntos. Tus resultados están abajo.');
  // score first, with the decimal comma
  await expect(page.getByTestId('exam-total')).toContainText('33,3 %');
  await expect(page.getByTestId('pacing-chart')).toBeVisible();
  // questions collapsed; wrong and unanswered first
  const questions = page.locator('details.exam-questions');
  await expect(questions).not.toHaveAttribute('open', '');
  await expect(page.getByTestId('questions-one')).toHaveText('Las 3 preguntas y tus respuestas (2 incorrectas o sin responder, primero)');
  await axeClean(page);
  await page.getByRole('button', { name: 'Desplegar todas las preguntas' }).click();
  await expect(questions).toHaveAttribute('open', '');
  const items = page.locator('.exam-result');
  await expect(items.first()).toHaveAttribute('data-grade', 'unanswered');
  await expect(items.last()).toHaveAttribute('data-grade', 'correct');
  // answer keys in the reader's notation
  await expect(page.locator('.exam-result').filter({ hasText: 'Five thirds' })).toContainText('1,6667 (se acepta ± 0,01)');
  await expect(page.getByRole('button', { name: 'Plegar todas las preguntas' })).toBeVisible();
  await expect(items.first().locator('.exam-prompt')).toContainText('(en inglés)');
  await expect(items.first().locator('.exam-prompt [lang="en"]')).toHaveCount(1);
  await axeClean(page);
  await app.screenshot('journey14-exam-results-es');
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(page.getByTestId('exam-total')).toContainText('33,3 %');
  await app.screenshot('journey14-exam-results-pt');
});

test('ID comparison in Spanish: letters without accents, particles and surnames as separate notes, a bounded note, dates that cannot be read are said', async ({
  app,
}) => {
  const { page } = app;
  await app.open('checklists', { profileId: 'mitx-pom-final', lang: 'es' });
  await expect(page.getByRole('heading', { level: 1, name: /^Listas de/ })).toBeVisible();
  const account = page.getByRole('textbox', { name: 'Nombre en tu cuenta del examen' });
  const onId = page.getByRole('textbox', { name: 'Nombre impreso en tu documento' });
  const result = page.getByTestId('name-result');
  for (const [a, b] of [
    ['Łukasz Nowak', 'LUKASZ NOWAK'],
    ['Søren Kierkegaard', 'Soren Kierkegaard'],
    ['Johann Strauß', 'Johann Strauss'],
  ]) {
    await account.fill(a!);
    await onId.fill(b!);
    await expect(result).toHaveAttribute('data-verdict', 'match-with-notes');
    await expect(result).toContainText('Algunas letras se escriben distinto');
  }
  // a particle and a second surname: two plain notes, not one "differs"
  await account.fill('Maria Silva');
  await onId.fill('Maria da Silva Santos');
  await expect(result).toHaveAttribute('data-verdict', 'match-with-notes');
  await expect(result.getByRole('listitem')).toHaveText([/Tu documento también muestra da \(una partícula/, /Tu documento muestra otro apellido, Santos,/]);
  // a pasted essay is not echoed whole
  await onId.fill(`Maria ${'x'.repeat(5000)} Silva`);
  expect((await result.innerText()).length).toBeLessThan(700);

  // a day that does not exist, and a year out of range, are said; no expiry verdict from them
  const expiry = page.getByRole('group', { name: 'Fecha de vencimiento impresa en tu documento' });
  await expiry.getByRole('textbox', { name: 'Día' }).fill('31');
  await expiry.getByRole('combobox', { name: 'Mes' }).selectOption({ label: 'febrero' });
  await expiry.getByRole('textbox', { name: 'Año' }).fill('2027');
  await expect(expiry.getByRole('alert')).toHaveText('febrero de 2027 no tiene día 31: revisa el día.');
  await expect(page.getByTestId('expiry-result')).toHaveCount(0);
  await expiry.getByRole('textbox', { name: 'Año' }).fill('22027');
  await expect(expiry.getByRole('textbox', { name: 'Año' })).toHaveValue('2202');
  await expect(expiry.getByRole('alert')).toContainText('Escribe el año con cuatro cifras, entre');
  await axeClean(page);
  await expiry.getByRole('textbox', { name: 'Día' }).fill('28');
  await expiry.getByRole('textbox', { name: 'Año' }).fill(String(new Date().getFullYear() + 2));
  await expect(expiry.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('expiry-result')).toHaveAttribute('data-verdict', 'no-exam-date');
  // the fields are in the reader's order and words: day, month by name, year — never mm/dd/yyyy
  await expect(expiry.locator('.day-part')).toHaveText([/^Día/, /^Mes/, /^Año/]);
  await expect(page.getByRole('button', { name: 'Continuar al examen de práctica' })).toBeVisible();
  await axeClean(page);
  await page.getByTestId('name-result').scrollIntoViewIfNeeded();
  await app.screenshot('journey14-checklists-es');
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(page.getByRole('group', { name: 'Data de validade impressa no seu documento' }).locator('.day-part')).toHaveText([/^Dia/, /^Mês/, /^Ano/]);
  await app.screenshot('journey14-checklists-pt');
});

test('report viewer in Spanish: the exam named in Spanish, "tú" throughout, a file over the limit gets "too large" and clears the previous one', async ({
  app,
}) => {
  const { page } = app;
  await app.open('report', { lang: 'es' });
  // one register: tú, as everywhere else
  await expect(page.getByText('Abre un informe que te envió un estudiante')).toBeVisible();
  const sds = findProfile('mitx-sds-capstone')!;
  const facts = loadFixture('windows-xp'); // read through the facts schema (an old format is upgraded)
  const report = buildReport({ profile: sds, facts, results: evaluate(sds, facts), appVersion: '1.0.0', createdAt: '2026-11-20T10:00:00.000Z' });
  const picker = page.getByLabel('Archivo de informe (.epreport o .json)', { exact: true });
  await picker.setInputFiles({ name: 'bueno.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
  await expect(page.getByTestId('viewer')).toContainText(report.checkId);
  // the exam in the reader's language, not as the (English) report stored it
  const spanishTitle = localize(sds.title, 'es').text;
  expect(spanishTitle).not.toBe(report.profile.title);
  await expect(page.getByTestId('viewer-exam')).toHaveText(spanishTitle);

  // a little over the 20 MB limit: the clear message, and nothing left of the previous file
  const over = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
  await picker.setInputFiles({ name: 'enorme.json', mimeType: 'application/json', buffer: over });
  await expect(page.getByTestId('viewer-problem')).toHaveText(
    /^enorme\.json es demasiado grande para ser un informe \(20 MB; el límite es 20 MB\)\. No se muestra nada de él\.$/,
  );
  await expect(page.getByTestId('viewer')).toHaveCount(0);
  await axeClean(page);
  await app.screenshot('journey14-viewer-too-large-es');
  await page.getByLabel('Idioma').selectOption('pt');
  await page
    .getByLabel('Arquivo de relatório (.epreport ou .json)', { exact: true })
    .setInputFiles({ name: 'bom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
  await expect(page.getByTestId('viewer-exam')).toHaveText(localize(sds.title, 'pt').text);
  await expect(page.getByTestId('viewer-problem')).toHaveCount(0);
  await app.screenshot('journey14-viewer-pt');
});
