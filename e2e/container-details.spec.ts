import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

const CHATTY = "trap 'exit 0' TERM; i=0; while :; do echo \"line $i\"; i=$((i+1)); sleep 0.05 & wait $!; done";

async function openTab(page: Page, id: string, tab: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#containers/${id}/${tab}`);
}

test.describe('container details', () => {
  test('logs follow, search with next and previous, download and timestamps', async ({ page, webHost, docker }) => {
    const name = uniqueName('logs');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Labels: { [TEST_LABEL]: '1' },
      Cmd: ['sh', '-c', `echo "\u001b[31mred alert\u001b[0m" >&2; ${CHATTY}`],
    });
    await container.start();
    await openApp(page, webHost);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await page.getByRole('tab', { name: 'Logs' }).click();

    const log = page.getByRole('log', { name: `Log of ${name}` });
    await expect(log).toContainText('line 3');
    // stderr is told apart, and ANSI colour codes become colour, not garbage.
    await expect(log.locator('[data-stream="stderr"]').first()).toHaveText('red alert');
    const seen = Number(await log.getAttribute('data-lines'));
    await expect.poll(async () => Number(await log.getAttribute('data-lines'))).toBeGreaterThan(seen + 5);

    await page.getByLabel('Follow').uncheck();
    await page.getByLabel('Search').fill('line 1');
    await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
    await expect(log.locator('mark').first()).toHaveText('line 1');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByText(/^1 of \d+$/)).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(`${name}.log`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain('red alert');
    expect(text).not.toContain('\u001b[');
    expect(text).toMatch(/^line 0$/m);

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Timestamps').check();
    await expect(log).toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z line \d+/);
  });

  test('logs of a container with a TTY read cleanly', async ({ page, webHost, docker }) => {
    const name = uniqueName('tty');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Tty: true,
      Labels: { [TEST_LABEL]: '1' },
      Cmd: ['sh', '-c', 'echo hello from a tty; echo second line'],
    });
    await container.start();
    await container.wait();
    await openApp(page, webHost);
    await openTab(page, container.id, 'logs');
    const log = page.getByRole('log', { name: `Log of ${name}` });
    await expect(log.locator('[data-index="0"]')).toHaveText('hello from a tty');
    await expect(log.locator('[data-index="1"]')).toHaveText('second line');
  });

  test('the terminal runs a command and shows its output; a missing shell is explained', async ({ page, webHost, docker }) => {
    const name = uniqueName('term');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    await openApp(page, webHost);
    await openTab(page, container.id, 'terminal');
    const terminal = page.getByTestId('terminal');
    await expect(terminal.locator('.xterm-rows')).toContainText('#');
    await terminal.click();
    await page.keyboard.type('echo hello-$((40+2))\n');
    await expect(terminal.locator('.xterm-rows')).toContainText('hello-42');

    await page.getByLabel('Shell').selectOption('bash');
    await expect(page.getByText('This container has no bash. Try another shell, such as sh.')).toBeVisible();
  });

  test('terminal and stats explain a stopped container', async ({ page, webHost, docker }) => {
    const container = await docker.createContainer({ Image: TEST_IMAGE, name: uniqueName('idle'), Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);
    await openTab(page, container.id, 'terminal');
    await expect(page.getByText('The container is not running: start it to open a terminal inside.')).toBeVisible();
    await page.getByRole('tab', { name: 'Stats' }).click();
    await expect(page.getByText(/The container is not running, so it uses no CPU or memory/)).toBeVisible();
  });

  test('stats update live; inspect filters; summary masks secrets until clicked', async ({ page, webHost, docker }) => {
    const name = uniqueName('stats');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Labels: { [TEST_LABEL]: '1' },
      Env: ['GREETING=hello', 'DB_PASSWORD=hunter2'],
      HostConfig: { Memory: 64 * 1024 * 1024 },
    });
    await container.start();
    await openApp(page, webHost);
    await openTab(page, container.id, 'stats');
    const samples = page.getByTestId('stats-samples');
    await expect.poll(async () => Number(await samples.getAttribute('data-count')), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('stat-memory')).toContainText('of 64.0 MiB');

    await page.getByRole('tab', { name: 'Inspect' }).click();
    await page.getByLabel('Filter by key or value').fill('GREETING');
    await expect(page.getByTestId('inspect-tree')).toContainText('"GREETING=hello"');
    await expect(page.getByTestId('inspect-tree')).not.toContainText('NetworkSettings');

    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect(page.getByText('GREETING=hello')).toBeVisible();
    await expect(page.getByText('hunter2')).toHaveCount(0);
    await page.getByRole('button', { name: 'Show the value of DB_PASSWORD' }).click();
    await expect(page.getByText('hunter2')).toBeVisible();
  });

  test('a container that writes without end: the window keeps at most 10,000 lines and stays usable', async ({ page, webHost, docker }) => {
    const container = await createTestContainer(docker, {
      name: uniqueName('firehose'),
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; i=0; while :; do echo \"line $i of a long day\"; i=$((i+1)); done"],
    });
    await container.start();
    await openApp(page, webHost);
    await openTab(page, container.id, 'logs');
    const log = page.getByRole('log');
    await expect.poll(async () => Number(await log.getAttribute('data-lines')), { timeout: 20_000 }).toBe(10_000);
    // Still following, still bounded, and the controls still answer.
    await page.waitForTimeout(1000);
    expect(Number(await log.getAttribute('data-lines'))).toBe(10_000);
    await page.getByLabel('Wrap lines').uncheck();
    await expect(page.getByLabel('Wrap lines')).not.toBeChecked();
    expect(await log.locator('[data-index]').count()).toBeLessThan(200);
    await container.kill();
  });

  test('a long log read whole without following: the window shows its last 10,000 lines', async ({ page, webHost, docker }) => {
    const container = await createTestContainer(docker, {
      name: uniqueName('long-log'),
      Cmd: ['seq', '1', '200000'],
    });
    await container.start();
    await container.wait();
    await openApp(page, webHost);
    await openTab(page, container.id, 'logs');
    const log = page.getByRole('log');
    await expect(log).toContainText('200000');
    await page.getByLabel('Follow').uncheck();
    await page.getByRole('combobox', { name: /^Show/ }).selectOption({ label: 'the whole log' });
    // Not following, the view stays at the top: its first line is the 10,000th from the end.
    await expect(log).toHaveAttribute('data-lines', '10000', { timeout: 30_000 });
    await expect(log.locator('[data-index="0"]')).toHaveText('190001');
  });
});
