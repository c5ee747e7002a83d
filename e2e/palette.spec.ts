import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

test.describe('command palette', () => {
  test('Ctrl+K finds a container and starts it, opens an image and a volume, all from the keyboard', async ({ page, webHost, docker }) => {
    const name = uniqueName('palette');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Cmd: ['sleep', '600'], Labels: { [TEST_LABEL]: '1' } });
    const volume = uniqueName('palette-vol');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    try {
      await openApp(page, webHost);
      await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();

      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog');
      const input = palette.getByRole('combobox');
      await expect(input).toBeFocused();
      await input.fill(name);
      // The container is not running: it can be started, not stopped.
      await expect(palette.getByRole('option', { name: `Start ${name}` })).toBeVisible();
      await expect(palette.getByRole('option', { name: `Stop ${name}` })).toHaveCount(0);
      await input.fill(`start ${name}`);
      await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
      await expect(palette.getByRole('option').first()).toContainText(`Start ${name}`);
      await checkAndShoot(page, 'palette-en');
      await page.keyboard.press('Enter');
      await expect(palette).toHaveCount(0);
      await expect.poll(async () => (await container.inspect()).State.Running).toBe(true);

      // Now running: stop is offered. Escape closes without acting.
      await page.keyboard.press('Control+k');
      await input.fill(name);
      await expect(palette.getByRole('option', { name: `Stop ${name}` })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(palette).toHaveCount(0);
      expect((await container.inspect()).State.Running).toBe(true);

      // An image opens its details on the images page.
      await page.keyboard.press('Control+k');
      await input.fill(`open image ${TEST_IMAGE}`);
      await expect(palette.getByRole('option').first()).toContainText(`Open image ${TEST_IMAGE}`);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#images\//);
      await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
      await expect(page.getByRole('heading', { name: TEST_IMAGE })).toBeVisible();

      // A volume, found by part of its name, with arrow keys to the second entry (its backup).
      await page.keyboard.press('Control+k');
      await input.fill(volume);
      await expect(palette.getByRole('option', { name: `Open volume ${volume}` })).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(palette.getByRole('option', { name: `Back up ${volume}…` })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#volumes/${volume}/backup$`));

      // Pages, in Portuguese too.
      await page.evaluate(() => localStorage.setItem('cais.language', 'pt-BR'));
      await page.reload();
      await page.getByRole('button', { name: /Buscar e agir/ }).click();
      await palette.getByRole('combobox').fill('painel');
      await expect(palette.getByRole('option').first()).toContainText('Ir para Painel');
      await checkAndShoot(page, 'palette-pt-BR');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#dashboard$/);
    } finally {
      await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
      await container.remove({ force: true });
      await docker.getVolume(volume).remove();
    }
  });
});
