import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { removeQuietly } from './support/image-fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

let tmp: string;
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-build-'));
});
test.afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeContext(name: string, dockerfile: string): string {
  const dir = path.join(tmp, uniqueName(name));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

async function openBuild(page: Page, host: Parameters<typeof openApp>[1]) {
  await openApp(page, host);
  await page.getByRole('link', { name: 'Images' }).click();
  await page.getByRole('button', { name: 'Build' }).first().click();
}

test.describe('build', () => {
  test('a build argument reaches the Dockerfile and ends up in the image', async ({ page, webHost, docker }) => {
    const dir = writeContext('args', `FROM ${TEST_IMAGE}\nARG GREETING\nRUN echo "$GREETING" > /greeting && cat /greeting\nLABEL ${TEST_LABEL}=1\n`);
    const tag = `cais-test/${uniqueName('args')}:v1`;
    const greeting = 'hello from Cais';
    await openBuild(page, webHost);
    await page.getByLabel('Folder (the build context)').fill(dir);
    await page.getByLabel('Name and tag (optional)').fill(tag);
    await page.getByLabel('Build arguments (one NAME=value a line)').fill(`GREETING=${greeting}\n`);
    await expect(page.getByTestId('command-hint').filter({ hasText: 'docker build' })).toHaveText(`docker build -t ${tag} --build-arg 'GREETING=${greeting}' ${dir}`);
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    await expect(page.getByText(`Built ${tag}.`)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-testid="build-step"][data-step="3"]')).toContainText(greeting);
    // The file is in the image itself, not only in the log.
    expect(await dockerCli('run', '--rm', '--label', `${TEST_LABEL}=1`, tag, 'cat', '/greeting')).toBe(greeting);
    await removeQuietly(docker, tag);
  });

  test('cancelling a slow build stops it promptly, leaves no image and says so', async ({ page, webHost, docker }) => {
    const marker = uniqueName('slow');
    const dir = writeContext('slow', `FROM ${TEST_IMAGE}\nRUN echo ${marker} && sleep 30\nLABEL ${TEST_LABEL}=1\n`);
    const tag = `cais-test/${uniqueName('cancelled')}:v1`;
    const sleepers = async () =>
      (await docker.listContainers({ all: true })).filter((container) => container.Command.includes('sleep 30') && container.Command.includes(marker));

    await openBuild(page, webHost);
    await page.getByLabel('Folder (the build context)').fill(dir);
    await page.getByLabel('Name and tag (optional)').fill(tag);
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    // The slow step is running: its first line is in the log and its container exists.
    await expect(page.locator('[data-testid="build-step"][data-step="2"]')).toContainText(marker, { timeout: 20_000 });
    await expect.poll(async () => (await sleepers()).length).toBe(1);

    const cancelledAt = Date.now();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Build cancelled.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Build', exact: true }).last()).toBeEnabled();
    // The engine stops the step (its container goes) long before the 30 s sleep would have ended.
    await expect.poll(async () => (await sleepers()).length, { timeout: 15_000 }).toBe(0);
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(page.getByText(`Built ${tag}.`)).toHaveCount(0);
    await expect(page.getByTestId('build-failed')).toHaveCount(0);
    // The activity log does not call it done.
    await page.getByRole('button', { name: /^Activity \(\d+\)$/ }).click();
    const entry = page.getByTestId('activity-entry').filter({ hasText: `-t ${tag}` });
    await expect(entry).toHaveAttribute('data-outcome', 'failed');
    await expect(entry).toContainText('cancelled before it finished');
  });
});
