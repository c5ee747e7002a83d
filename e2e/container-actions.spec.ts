import type { Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

const row = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);

async function menuAction(page: Page, name: string, label: string): Promise<void> {
  await row(page, name).getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menu', { name: `More actions for ${name}` }).getByRole('menuitem', { name: new RegExp(`^${label} `) }).click();
}

test.describe('container actions', () => {
  test('restart, pause, resume and kill act on the engine', async ({ page, webHost, docker }) => {
    const name = uniqueName('acts');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    const startedAt = (await container.inspect()).State.StartedAt;
    await openApp(page, webHost);

    await menuAction(page, name, 'Restart');
    await expect.poll(async () => (await container.inspect()).State.StartedAt).not.toBe(startedAt);
    await expect(row(page, name)).toHaveAttribute('data-state', 'running');

    await menuAction(page, name, 'Pause');
    await expect(row(page, name)).toHaveAttribute('data-state', 'paused');
    expect((await container.inspect()).State.Paused).toBe(true);

    await row(page, name).getByRole('button', { name: `Resume ${name}` }).click();
    await expect(row(page, name)).toHaveAttribute('data-state', 'running');

    await menuAction(page, name, 'Kill');
    await expect(row(page, name)).toHaveAttribute('data-state', 'exited');
    expect((await container.inspect()).State.ExitCode).toBe(137);
    await expect(row(page, name).getByRole('alert')).toHaveCount(0);
  });

  test('rename validates as you type and renames in the engine', async ({ page, webHost, docker }) => {
    const name = uniqueName('old');
    const other = uniqueName('other');
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await docker.createContainer({ Image: TEST_IMAGE, name: other, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);

    await menuAction(page, name, 'Rename…');
    const dialog = page.getByRole('dialog', { name: `Rename ${name}` });
    const field = dialog.getByLabel('New name');
    await field.fill('bad name!');
    await expect(dialog.getByText('Start with a letter or digit; then use only letters, digits, _ . and -.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Rename', exact: true })).toBeDisabled();
    await field.fill(other);
    await expect(dialog.getByText('Another container already has this name.')).toBeVisible();
    const renamed = uniqueName('new');
    await field.fill(renamed);
    await expect(dialog.getByText(`docker rename ${name} ${renamed}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(row(page, renamed)).toBeVisible();
    await expect(row(page, name)).toHaveCount(0);
    expect((await docker.getContainer(renamed).inspect()).Name).toBe(`/${renamed}`);
  });

  test('remove names what goes and never removes a named volume', async ({ page, webHost, docker }) => {
    const name = uniqueName('rm');
    const volume = uniqueName('keepme');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Labels: { [TEST_LABEL]: '1' },
      Volumes: { '/scratch': {} },
      HostConfig: { Binds: [`${volume}:/data`] },
    });
    await container.start();
    const anonymous = (await container.inspect()).Mounts.find((m) => m.Destination === '/scratch')!.Name!;
    await openApp(page, webHost);

    await menuAction(page, name, 'Remove…');
    const dialog = page.getByRole('dialog', { name: `Remove ${name}?` });
    await expect(dialog.getByText('It is running: it will be stopped first.')).toBeVisible();
    await expect(dialog.getByRole('listitem').filter({ hasText: volume })).toBeVisible();
    await expect(dialog.getByText(`docker rm -f ${name}`)).toBeVisible();
    await dialog.getByLabel(/Also remove its 1 anonymous volume/).check();
    await expect(dialog.getByText(`docker rm -f -v ${name}`)).toBeVisible();
    await dialog.getByRole('button', { name: `Remove ${name}` }).click();

    await expect(row(page, name)).toHaveCount(0);
    await expect(docker.getContainer(name).inspect()).rejects.toThrow(/no such container/i);
    expect((await docker.getVolume(volume).inspect()).Name).toBe(volume);
    await expect(docker.getVolume(anonymous).inspect()).rejects.toThrow(/no such volume/i);
  });

  test('cancelling a removal, by button or Escape, leaves the container alone', async ({ page, webHost, docker }) => {
    const name = uniqueName('stay');
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);
    await menuAction(page, name, 'Remove…');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await menuAction(page, name, 'Remove…');
    await expect(page.getByRole('dialog', { name: `Remove ${name}?` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await docker.getContainer(name).inspect()).Name).toBe(`/${name}`);
  });

  test('search, sort and bulk actions on a selection', async ({ page, webHost, docker }) => {
    const tag = uniqueName('bulk');
    const names = [`${tag}-a`, `${tag}-b`, `${tag}-c`];
    for (const name of names) await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);

    await page.getByLabel('Search by name or image').fill(tag);
    await expect(page.getByTestId('container-row')).toHaveCount(3);
    await page.getByLabel('Sort by').selectOption('name');
    await expect(page.getByTestId('container-row').first()).toHaveAttribute('data-name', names[0]);

    await page.getByLabel('Select all shown containers').check();
    const bar = page.getByRole('region', { name: 'Selected containers' });
    await expect(bar.getByText('3 selected')).toBeVisible();
    await bar.getByRole('button', { name: 'Start' }).click();
    for (const name of names) await expect(row(page, name)).toHaveAttribute('data-state', 'running');

    await page.getByLabel('Select all shown containers').check();
    await bar.getByRole('button', { name: 'Remove…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove 3 containers?' });
    for (const name of names) await expect(dialog.getByText(name, { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove 3 containers' }).click();
    await expect(page.getByTestId('container-row')).toHaveCount(0);
    await expect(page.getByText(`No container matches “${tag}”.`)).toBeVisible();
    for (const name of names) await expect(docker.getContainer(name).inspect()).rejects.toThrow(/no such container/i);
  });
});
