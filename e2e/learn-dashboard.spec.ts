import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { humanSize } from './support/human-size';
import { checkAndShoot } from './support/learn-fixtures';
import { TEST_LABEL } from './support/test-engine';

interface DfLine {
  Type: string;
  TotalCount: number;
  Active: number;
  Size: string;
  Reclaimable: string;
}

const KIND_OF_TYPE: Record<string, string> = {
  Images: 'images',
  Containers: 'containers',
  'Local Volumes': 'volumes',
  'Build Cache': 'buildCache',
};

async function openDashboard(page: Page, host: Parameters<typeof openApp>[1], language = 'en') {
  await openApp(page, host, language);
  await page.goto(`${host.origin}/#dashboard`);
  await expect(page.getByTestId('disk-row')).toHaveCount(4);
}

test.describe('dashboard', () => {
  test('agrees with docker info and docker system df', async ({ page, webHost, docker }) => {
    const running = await createTestContainer(docker, { Cmd: ['sh', '-c', 'echo hi > /written && sleep 600'] });
    await running.start();
    await createTestContainer(docker);
    const volume = uniqueName('cais-test-vol');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });

    await openDashboard(page, webHost);
    const info = JSON.parse(await dockerCli('info', '--format', '{{json .}}')) as Record<string, unknown>;
    const counts = page.getByTestId('engine-counts');
    await expect(counts.locator('[data-count="running"] span').first()).toHaveText(String(info.ContainersRunning));
    await expect(counts.locator('[data-count="paused"] span').first()).toHaveText(String(info.ContainersPaused));
    await expect(counts.locator('[data-count="stopped"] span').first()).toHaveText(String(info.ContainersStopped));
    await expect(counts.locator('[data-count="total"] span').first()).toHaveText(String(info.Containers));
    // One id per image: `docker images -q` repeats an id for each of its tags.
    const imageCount = new Set((await dockerCli('images', '-q')).split('\n').filter(Boolean)).size;
    await expect(counts.locator('[data-count="images"] span').first()).toHaveText(String(imageCount));
    const volumeCount = (await dockerCli('volume', 'ls', '-q')).split('\n').filter(Boolean).length;
    await expect(counts.locator('[data-count="volumes"] span').first()).toHaveText(String(volumeCount));
    const facts = page.getByTestId('engine-facts');
    await expect(facts.locator('[data-fact="version"]')).toContainText(String(info.ServerVersion));
    await expect(facts.locator('[data-fact="cpus"]')).toHaveText(String(info.NCPU));
    await expect(facts.locator('[data-fact="storageDriver"]')).toHaveText(String(info.Driver));
    await expect(facts.locator('[data-fact="endpoint"]')).toContainText(process.env.DOCKER_HOST!.replace(/^unix:\/\//, ''));

    // Nothing changes between the two reads: no other test runs meanwhile.
    const lines = (await dockerCli('system', 'df', '--format', '{{json .}}')).split('\n').map((line) => JSON.parse(line) as DfLine);
    expect(lines).toHaveLength(4);
    const imagesLine = lines.find((line) => line.Type === 'Images')!;
    expect(Number(imagesLine.TotalCount)).toBe(imageCount);
    for (const line of lines) {
      const row = page.locator(`[data-testid="disk-row"][data-kind="${KIND_OF_TYPE[line.Type]}"]`);
      await expect(row).toHaveAttribute('data-total', String(line.TotalCount));
      await expect(row).toHaveAttribute('data-active', String(line.Active));
      expect(humanSize(Number(await row.getAttribute('data-size'))), `${line.Type} size`).toBe(line.Size);
      expect(humanSize(Number(await row.getAttribute('data-reclaimable'))), `${line.Type} reclaimable`).toBe(line.Reclaimable.split(' ')[0]);
    }
    await checkAndShoot(page, 'dashboard-en');
    await openDashboard(page, webHost, 'pt-BR');
    await page.evaluate(() => localStorage.setItem('cais.language', 'pt-BR'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Painel', level: 1 })).toBeVisible();
    await checkAndShoot(page, 'dashboard-pt-BR');
    await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
    await running.remove({ force: true });
    await docker.getVolume(volume).remove();
  });

  test('a container prune removes exactly the stopped containers it listed', async ({ page, webHost, docker }) => {
    const stoppedA = await createTestContainer(docker);
    const stoppedB = await createTestContainer(docker);
    const running = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
    await running.start();

    await openDashboard(page, webHost);
    await page.getByRole('button', { name: 'Clean up containers' }).click();
    const dialog = page.getByTestId('prune-dialog');
    const items = dialog.getByTestId('prune-items').locator('li');
    await expect(items.first()).toBeVisible();
    const listed = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')!));
    expect(listed).toEqual(expect.arrayContaining([stoppedA.id, stoppedB.id]));
    expect(listed).not.toContain(running.id);
    await expect(dialog.getByTestId('command-hint')).toHaveText(/^docker rm /);

    // Made after the list was shown: not listed, so it must stay.
    const late = await createTestContainer(docker);
    await page.getByRole('button', { name: `Remove ${listed.length}` }).click();
    await expect(dialog.getByTestId('prune-done')).toContainText(`Removed ${listed.length}`);
    const remaining = new Set((await docker.listContainers({ all: true })).map((container) => container.Id));
    for (const id of listed) expect(remaining.has(id), id).toBe(false);
    expect(remaining.has(running.id)).toBe(true);
    expect(remaining.has(late.id)).toBe(true);
    await running.remove({ force: true });
    await late.remove();
  });

  test('a volume prune lists named volumes apart and keeps them unless ticked', async ({ page, webHost, docker }) => {
    const named = uniqueName('cais-test-keepme');
    await docker.createVolume({ Name: named, Labels: { [TEST_LABEL]: '1' } });
    const anonymous = { Name: ((await docker.createVolume({ Labels: { [TEST_LABEL]: '1' } })) as unknown as { name: string }).name };
    expect(anonymous.Name).toMatch(/^[0-9a-f]{64}$/);

    await openDashboard(page, webHost);
    await page.getByRole('button', { name: 'Clean up volumes' }).click();
    const dialog = page.getByTestId('prune-dialog');
    await expect(dialog.locator(`[data-id="${anonymous.Name}"]`)).toBeVisible();
    const keep = dialog.getByLabel(`Also remove ${named}`, { exact: false });
    await expect(keep).not.toBeChecked();
    await checkAndShoot(page, 'prune-volumes-en');
    await dialog.getByRole('button', { name: /^Remove \d+$/ }).click();
    await expect(dialog.getByTestId('prune-done')).toBeVisible();

    const names = new Set(((await docker.listVolumes()).Volumes ?? []).map((volume) => volume.Name));
    expect(names.has(anonymous.Name)).toBe(false);
    expect(names.has(named)).toBe(true);
    await docker.getVolume(named).remove();
  });
});
