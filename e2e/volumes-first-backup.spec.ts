import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { WebHost } from '../electron/transports/web-host';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostWithEnv, test } from './support/fixtures';
import { TEST_LABEL } from './support/test-engine';
import { runInVolume } from './support/volume-manifest';

/**
 * A new user's first backup goes to the default folder in their home, which
 * does not exist yet. The web host gets a throwaway HOME, so no real folder
 * of the person running the tests is touched.
 */
const text = {
  en: {
    folder: 'Cais backups',
    saveAs: 'Save the backup as',
    backUp: 'Back up',
    saved: 'Saved',
    missing: 'That folder does not exist.',
    openRestore: 'Restore a backup…',
    backupFile: '…or its path on this computer',
    newName: 'New volume name',
    restore: 'Restore',
    restored: (name: string) => `Restored 1 file into ${name}.`,
    taken: 'already exists',
    copyName: 'Name of the copy',
    clone: 'Clone',
    cloned: (name: string) => `Cloned into ${name}`,
  },
  'pt-BR': {
    folder: 'Backups do Cais',
    saveAs: 'Salvar o backup como',
    backUp: 'Fazer backup',
    saved: 'salvo',
    missing: 'Essa pasta não existe.',
    openRestore: 'Restaurar um backup…',
    backupFile: '…ou o caminho dele neste computador',
    newName: 'Nome do volume novo',
    restore: 'Restaurar',
    restored: (name: string) => `1 arquivo restaurado em ${name}.`,
    taken: 'Já existe um volume',
    copyName: 'Nome da cópia',
    clone: 'Clonar',
    cloned: (name: string) => `Clonado em ${name}`,
  },
} as const;

async function openTab(page: Page, host: WebHost, language: string, hash: string): Promise<void> {
  await openApp(page, host, language);
  await page.goto(`${host.origin}/#${hash}`);
}

for (const language of ['en', 'pt-BR'] as const) {
  const words = text[language];
  test(`the first backup creates the default folder, owner-only, and restore and clone say only what happened (${language})`, async ({ page, docker }) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-home-'));
    const started = await startHostWithEnv({ DOCKER_HOST: process.env.DOCKER_HOST, HOME: home });
    const created: string[] = [];
    try {
      const name = uniqueName('first');
      await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
      created.push(name);
      await runInVolume(docker, name, 'echo first > /data/first.txt');
      const folder = path.join(home, words.folder);
      expect(fs.existsSync(folder)).toBe(false);

      await openTab(page, started.host, language, `volumes/${name}/backup`);
      const destination = page.getByLabel(words.saveAs);
      await expect(destination).toHaveValue(new RegExp(`^${folder}/${name}-.*\\.tar\\.gz$`));
      const file = await destination.inputValue();
      await page.getByRole('button', { name: words.backUp, exact: true }).click();
      await expect(page.getByTestId('backup-done')).toContainText(words.saved);
      expect(fs.readdirSync(folder)).toEqual([path.basename(file)]);
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);

      // A folder the user typed that does not exist is named as missing, and not made.
      const elsewhere = path.join(home, 'nowhere', 'x.tar.gz');
      await destination.fill(elsewhere);
      await page.getByRole('button', { name: words.backUp, exact: true }).click();
      await expect(page.getByRole('alert')).toContainText(words.missing);
      expect(fs.existsSync(path.dirname(elsewhere))).toBe(false);

      // Restoring into a new volume: success, and no "already exists" for the volume it made.
      const restored = uniqueName('restored');
      await openTab(page, started.host, language, 'volumes');
      await page.getByRole('button', { name: words.openRestore }).click();
      await page.getByLabel(words.backupFile).fill(file);
      await page.getByLabel(words.newName).fill(restored);
      await page.getByRole('button', { name: words.restore, exact: true }).click();
      await expect(page.getByTestId('restore-done')).toContainText(words.restored(restored));
      created.push(restored);
      // The list learns of the new volume; the message under the name stays the help text.
      await expect(page.locator(`[data-testid="volume-row"][data-name="${restored}"]`)).toHaveCount(1);
      await expect(page.getByText(words.taken)).toHaveCount(0);

      // Same for a clone.
      const cloned = uniqueName('cloned');
      await openTab(page, started.host, language, `volumes/${name}/backup`);
      await page.getByLabel(words.copyName).fill(cloned);
      await page.getByRole('button', { name: words.clone, exact: true }).click();
      await expect(page.getByTestId('clone-done')).toContainText(words.cloned(cloned));
      created.push(cloned);
      await expect.poll(async () => (await docker.listVolumes()).Volumes.some((volume) => volume.Name === cloned)).toBe(true);
      await page.getByTestId('clone-done').screenshot({ path: path.join(os.tmpdir(), `cais-clone-done-${language}.png`) });
      await expect(page.getByText(words.taken)).toHaveCount(0);
    } finally {
      await started.close();
      for (const volume of created) await docker.getVolume(volume).remove().catch(() => undefined);
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
}
