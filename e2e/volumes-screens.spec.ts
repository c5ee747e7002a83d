import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { FILL_SCRIPT, runInVolume } from './support/volume-manifest';

/** Screens of the volumes area, for a person to look at, each checked with axe-core. */
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');


async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `volumes-${name}.png`) });
}

const LANGUAGES = [
  {
    code: 'en',
    title: 'Volumes',
    attachTab: 'Attach to a container',
    backupTab: 'Back up, restore, clone',
    add: 'Add to the container',
    save: 'Save the backup as',
    backup: 'Back up',
    running: 'Backing up…',
    cancel: 'Cancel',
  },
  {
    code: 'pt-BR',
    title: 'Volumes',
    attachTab: 'Conectar a um contêiner',
    backupTab: 'Backup, restauração, clone',
    add: 'Adicionar ao contêiner',
    save: 'Salvar o backup como',
    backup: 'Fazer backup',
    running: 'Fazendo backup…',
    cancel: 'Cancelar',
  },
] as const;

test.describe.configure({ timeout: 120_000 });

for (const scheme of ['light', 'dark'] as const) {
  for (const language of LANGUAGES) {
    test(`volumes screens in ${language.code}, ${scheme}: list, attach, browser, backup in progress`, async ({ page, webHost, docker }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${language.code}-${scheme}`;
      const names = ['site-data', 'postgres-db', 'uploads'].map((base) => `${base}-${suffix.toLowerCase()}`);
      for (const name of names) await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1', app: 'demo' } });
      await runInVolume(docker, names[0], FILL_SCRIPT);
      await runInVolume(docker, names[1], 'dd if=/dev/urandom of=/data/big bs=1M count=300 2>/dev/null');
      const web = await docker.createContainer({
        Image: TEST_IMAGE,
        name: `web-${suffix.toLowerCase()}`,
        Labels: { [TEST_LABEL]: '1' },
        HostConfig: { Mounts: [{ Type: 'volume', Source: names[0], Target: '/var/www' }] },
      });
      await web.start();
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-shots-'));
      try {
        await openApp(page, webHost, language.code);
        const origin = webHost.origin;
        await page.goto(`${origin}/#volumes`);
        await expect(page.getByRole('heading', { name: language.title, level: 1 })).toBeVisible();
        await page.getByRole('searchbox').fill(suffix.toLowerCase());
        await expect(page.locator(`[data-name="${names[0]}"]`)).toBeVisible();
        await page.locator(`[data-name="${names[0]}"]`).getByRole('button').first().click();
        await expect(page.getByTestId('volume-size')).toBeVisible();
        await expectAccessible(page);
        await shot(page, `list-${suffix}`);

        await page.goto(`${origin}/#volumes/${names[0]}/files`);
        await page.locator('[data-testid="file-row"][data-path="docs"] button').first().click();
        await page.locator('[data-testid="file-row"][data-path="docs/hello.txt"] button').first().click();
        await expect(page.getByTestId('text-viewer')).toContainText('hello from cais');
        await expectAccessible(page);
        await shot(page, `browser-${suffix}`);

        await page.getByRole('tab', { name: language.attachTab }).click();
        await page.getByTestId('attach-container').selectOption({ index: 1 });
        await page.locator('input[id$="-path-input"]').fill('/var/backups');
        await page.getByRole('button', { name: language.add }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectAccessible(page);
        await shot(page, `attach-${suffix}`);
        await page.getByRole('dialog').getByRole('button', { name: language.cancel }).click();

        await page.goto(`${origin}/#volumes/${names[1]}/backup`);
        await page.getByLabel(language.save).fill(path.join(folder, 'db.tar.gz'));
        await page.getByRole('button', { name: language.backup, exact: true }).click();
        const progress = page.getByTestId('progress');
        await expect(progress).toContainText(language.running);
        await expect(progress).toContainText(/MB/);
        await expectAccessible(page);
        await shot(page, `backup-${suffix}`);
        // This spec is for the picture; cancelling is proven in volumes.spec.ts. On a
        // fast machine the backup may already be done here, so cancel only if it runs.
        const cancel = progress.getByRole('button', { name: language.cancel });
        if (await cancel.isVisible()) await cancel.click({ timeout: 5000 }).catch(() => undefined);
      } finally {
        await web.remove({ force: true });
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
}
