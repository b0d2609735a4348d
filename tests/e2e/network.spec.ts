// Network test screen in real Chromium, with the real handlers measuring real servers on loopback
// (HTTPS with a test certificate trusted through the handlers' `ca` option, a STUN responder or a
// UDP black hole, loopback allowed as an admin policy would). Running, passed and failed, in
// English, Spanish and Portuguese; axe on each state.
import type { Page } from '@playwright/test';
import { test as base, expect, type App } from './fixtures';
import { axeViolations } from './axe';
import { testProfile } from './test-profile';
import type { Language } from '../../shared/i18n/text';
import { speedServer, stunResponder, testCert, udpBlackHole, type Closable, type SpeedServerOptions } from '../unit/network/servers';

interface Setup {
  server?: SpeedServerOptions;
  udpBlocked?: boolean;
  directionMs: number;
  required?: boolean;
}

const test = base.extend<{ setup: Setup; hosts: string[] }>({
  setup: [{ directionMs: 1500 }, { option: true }],
  // filled by handlerOptions with the servers of this test
  hosts: async ({}, use) => {
    await use([]);
  },
  handlerOptions: async ({ setup, hosts }, use) => {
    const open: Closable[] = [];
    const s = await speedServer(setup.server);
    const udp = setup.udpBlocked ? await udpBlackHole() : await stunResponder();
    open.push(s, udp);
    const profile = testProfile({
      id: 'lab-exam',
      title: { en: 'Lab exam', es: 'Examen de laboratorio', pt: 'Prova de laboratório' },
      program: 'Lab',
      requirements: {
        network: {
          measure: {
            minDownloadMbps: { value: 3, required: setup.required ?? false },
            minUploadMbps: { value: 3, required: setup.required ?? false },
            maxLatencyMs: { value: 300 },
            services: { urls: [`${s.url}/platform`], required: true },
            udp: { stunServer: udp.server, required: setup.required ?? false },
            throughput: { downloadUrl: `${s.url}/__down?bytes={bytes}`, uploadUrl: `${s.url}/__up` },
          },
        },
      },
    });
    hosts.push(`127.0.0.1:${s.port}`, `udp ${udp.server}`);
    await use({
      scan: { extraProfiles: [profile] },
      network: { deps: { ca: testCert().cert, allowPrivate: true, env: {} }, tuning: { directionMs: setup.directionMs, maxBytes: 30 * 1024 * 1024 } },
    });
    await Promise.all(open.map((x) => x.close()));
  },
});

const START = { en: 'Start network test', es: 'Iniciar prueba de red', pt: 'Iniciar teste de rede' } as const;
const UPLOAD = { en: 'Upload speed', es: 'Velocidad de subida', pt: 'Velocidade de upload' } as const;

/** The network step of the lab exam in `lang`, with the run started. */
async function startRun(app: App, lang: Language) {
  await app.open('network', { profileId: 'lab-exam', lang });
  await app.page.getByRole('button', { name: START[lang] }).click();
}

async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

for (const lang of ['en', 'es', 'pt'] as const satisfies readonly Language[]) {
  test.describe(`passed (${lang})`, () => {
    test('lists the hosts before the button, contacts nothing until Start, then shows every finding and the run in the history', async ({ app, hosts }) => {
      const { page } = app;
      await app.open('network', { profileId: 'lab-exam', lang });
      await expect(page.getByTestId('net-hosts')).toContainText(hosts[0]!);
      await expect(page.getByTestId('net-hosts')).toContainText(hosts[1]!);
      expect(await app.handlers.networkHistory('lab-exam')).toEqual([]);
      await expectAxeClean(page);
      await page.getByRole('button', { name: START[lang] }).click();
      const results = page.getByTestId('net-results');
      await expect(results).toBeVisible({ timeout: 20_000 });
      for (const id of ['network.services', 'network.download', 'network.upload', 'network.latency', 'network.udp', 'network.clock']) {
        await expect(results.locator(`article[data-check-id="${id}"]`)).toHaveAttribute('data-status', 'pass');
      }
      await expect(page.getByTestId('live-chart')).toBeVisible();
      await expect(page.getByTestId('history-chart')).toBeVisible();
      await expectAxeClean(page);
      await app.screenshot(`network-passed-${lang}`);
    });
  });

  test.describe(`failed (${lang})`, () => {
    test.use({ setup: { server: { throttleUploadBps: 1_000_000 }, udpBlocked: true, directionMs: 2500, required: true } });
    test('a ~1 Mbps upload fails with its number and blocked UDP is named with its fix', async ({ app }) => {
      const { page } = app;
      await startRun(app, lang);
      const results = page.getByTestId('net-results');
      await expect(results).toBeVisible({ timeout: 25_000 });
      const up = results.locator('article[data-check-id="network.upload"]');
      await expect(up).toHaveAttribute('data-status', 'fail');
      await expect(up).toContainText(UPLOAD[lang]);
      await expect(up).toContainText(/(?<!\d)[01]([.,]\d)? Mbps/);
      await expect(results.locator('article[data-check-id="network.udp"]')).toHaveAttribute('data-status', 'fail');
      await expect(results.locator('article[data-check-id="network.download"]')).toHaveAttribute('data-status', 'pass');
      await expectAxeClean(page);
      await app.screenshot(`network-failed-${lang}`);
    });
  });

  test.describe(`running (${lang})`, () => {
    test.use({ setup: { server: { throttleBps: 4_000_000 }, directionMs: 10_000 } });
    test('draws the speed live, and Cancel stops the run and says the results are partial', async ({ app }) => {
      const { page } = app;
      await startRun(app, lang);
      const chart = page.getByTestId('live-chart');
      await expect(chart).toBeVisible({ timeout: 10_000 });
      await expect
        .poll(async () => (await chart.locator('polyline.down').getAttribute('points'))?.split(' ').length ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(4);
      await expectAxeClean(page);
      await app.screenshot(`network-running-${lang}`);
      await page.getByRole('button', { name: { en: 'Cancel', es: 'Cancelar', pt: 'Cancelar' }[lang] }).click();
      await expect(page.getByTestId('net-results')).toBeVisible({ timeout: 5000 });
      await expect(page.getByTestId('net-results')).toContainText(
        { en: 'You cancelled the test', es: 'Cancelaste la prueba', pt: 'Você cancelou o teste' }[lang],
      );
    });
  });
}

base.describe('policy off', () => {
  base.use({ handlerOptions: { scan: { networkChecks: false } } });
  base('says the organisation turned it off and offers no button', async ({ app }) => {
    await app.open('network', { profileId: 'mitx-sds-capstone', lang: 'en' });
    await expect(app.page.getByText('Your organisation has turned network checks off')).toBeVisible();
    await expect(app.page.getByRole('button', { name: START.en })).toHaveCount(0);
  });
});
