import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { TEST_IMAGE } from './support/test-engine';

async function leftovers(docker: import('dockerode')): Promise<number> {
  const filters = { label: ['cais.lesson'] };
  const containers = await docker.listContainers({ all: true, filters });
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  return containers.length + volumes.length;
}

test('each lesson runs to the end on the real engine and leaves nothing behind', async ({ page, webHost, docker }) => {
  test.setTimeout(120_000);
  await openApp(page, webHost);
  await page.goto(`${webHost.origin}/#lessons`);
  await page.getByLabel(/Image used by the lessons/).selectOption(TEST_IMAGE);

  const lesson = (id: string) => page.locator(`[data-lesson="${id}"]`);
  const cleanup = (id: string) => lesson(id).locator('[data-step="cleanup"][data-status="done"]');

  await lesson('first-container').getByRole('button', { name: 'Start: Your first container' }).click();
  await expect(cleanup('first-container')).toBeVisible({ timeout: 30_000 });
  await expect(lesson('first-container').locator('[data-step="run"] pre')).toHaveText('Hello from a container');
  await expect(lesson('first-container').locator('[data-step="run"]')).toContainText('exit code 0');

  await lesson('data-survives').getByRole('button', { name: 'Start: Data that survives' }).click();
  await expect(cleanup('data-survives')).toBeVisible({ timeout: 30_000 });
  await expect(lesson('data-survives').locator('[data-step="read"]')).toContainText('In the volume: "kept". In the layer: "missing".');

  await lesson('limits').getByRole('button', { name: 'Start: Limits' }).click();
  await expect(cleanup('limits')).toBeVisible({ timeout: 60_000 });
  await expect(lesson('limits').locator('[data-step="memory"]')).toContainText('the engine reports it as OOM killed, and exit code 137 means killed by signal 9');
  await expect(lesson('limits').locator('[data-step="restart"]')).toContainText('restarted it 2 times');
  await expect(cleanup('limits')).toContainText('Nothing is left behind.');

  expect(await leftovers(docker)).toBe(0);
  await checkAndShoot(page, 'lessons-en');
});

test('lessons in pt-BR: readable and accessible', async ({ page, webHost, docker }) => {
  await openApp(page, webHost, 'pt-BR');
  await page.goto(`${webHost.origin}/#lessons`);
  await page.getByLabel(/Imagem usada pelas lições/).selectOption(TEST_IMAGE);
  await page.getByRole('button', { name: 'Começar: Dados que sobrevivem' }).click();
  await expect(page.locator('[data-lesson="data-survives"] [data-step="cleanup"][data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-lesson="data-survives"] [data-step="read"]')).toContainText('No volume: "kept"');
  expect(await leftovers(docker)).toBe(0);
  await checkAndShoot(page, 'lessons-pt-BR');
  await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
});
