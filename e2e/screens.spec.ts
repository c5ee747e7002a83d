import fs from 'node:fs';
import path from 'node:path';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostFor, test } from './support/fixtures';
import { expectAccessible } from './support/axe';

/** Screenshots land here for a person to look at; the README shows one. */
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');


const LANGUAGES = [
  { code: 'en', heading: 'Containers', offline: 'Cais cannot reach a Docker engine' },
  { code: 'pt-BR', heading: 'Contêineres', offline: 'O Cais não consegue falar com um engine Docker' },
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const language of LANGUAGES) {
    test(`containers screen in ${language.code}, ${scheme}: readable and accessible`, async ({ page, webHost, docker }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const name = uniqueName('shot');
      const container = await docker.createContainer({
        Image: TEST_IMAGE,
        name,
        Labels: { [TEST_LABEL]: '1' },
        ExposedPorts: { '8080/tcp': {} },
        HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      });
      await container.start();
      await openApp(page, webHost, language.code);
      await expect(page.getByRole('heading', { name: language.heading, level: 1 })).toBeVisible();
      await expect(page.locator(`[data-name="${name}"]`)).toBeVisible();
      await expectAccessible(page);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `containers-${language.code}-${scheme}.png`) });
      await container.remove({ force: true });
    });

    test(`offline screen in ${language.code}, ${scheme}: readable and accessible`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const started = await startHostFor('unix:///nonexistent/cais/docker.sock');
      try {
        await openApp(page, started.host, language.code);
        await expect(page.getByRole('heading', { name: language.offline })).toBeVisible();
        await expectAccessible(page);
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `offline-${language.code}-${scheme}.png`) });
      } finally {
        await started.close();
      }
    });
  }
}

test.describe('language', () => {
  test.use({ locale: 'pt-BR' });

  test('follows the OS locale at first start, then remembers the choice', async ({ page, webHost }) => {
    await page.goto(webHost.launchUrl());
    await expect(page.getByRole('heading', { name: 'Contêineres', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await page.getByLabel('Idioma').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
