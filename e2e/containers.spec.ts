import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';

const row = (page: import('@playwright/test').Page, name: string) =>
  page.locator(`[data-testid="container-row"][data-name="${name}"]`);

test.describe('containers list', () => {
  test('shows what the command line does, live, without a reload', async ({ page, webHost }) => {
    await openApp(page, webHost);
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'connected');

    const name = uniqueName('cli');
    let navigations = 0;
    page.on('framenavigated', () => (navigations += 1));

    await dockerCli('run', '-d', '--label', `${TEST_LABEL}=1`, '--name', name, '-p', '127.0.0.1::8080', TEST_IMAGE);
    await expect(row(page, name)).toHaveAttribute('data-state', 'running');
    await expect(row(page, name).getByText('running', { exact: true })).toBeVisible();
    // Named by the text it shows (WCAG 2.5.3); what it does is its description.
    const portLink = row(page, name).getByRole('link', { name: /^127\.0\.0\.1:\d+→8080\/tcp$/ });
    await expect(portLink).toBeVisible();
    await expect(portLink).toHaveAccessibleDescription(/^Open http:\/\/127\.0\.0\.1:\d+ in the browser$/);

    await dockerCli('stop', name);
    await expect(row(page, name)).toHaveAttribute('data-state', 'exited');
    await expect(row(page, name).getByText('stopped', { exact: true })).toBeVisible();

    await dockerCli('rm', name);
    await expect(row(page, name)).toHaveCount(0);
    expect(navigations).toBe(0);
  });

  test('starts and stops a container from its buttons', async ({ page, webHost, docker }) => {
    const name = uniqueName('buttons');
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);

    await row(page, name).getByRole('button', { name: `Start ${name}` }).click();
    await expect(row(page, name)).toHaveAttribute('data-state', 'running');
    expect((await docker.getContainer(name).inspect()).State.Running).toBe(true);

    await row(page, name).getByRole('button', { name: `Stop ${name}` }).click();
    await expect(row(page, name)).toHaveAttribute('data-state', 'exited');
    expect((await docker.getContainer(name).inspect()).State.Running).toBe(false);
    // Success says nothing alarming.
    await expect(row(page, name).getByRole('alert')).toHaveCount(0);
  });

  test('hides stopped containers when asked and shows them again', async ({ page, webHost, docker }) => {
    const name = uniqueName('hidden');
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);
    await expect(row(page, name)).toBeVisible();
    await page.getByLabel('Show stopped containers too').uncheck();
    await expect(row(page, name)).toHaveCount(0);
    await page.getByLabel('Show stopped containers too').check();
    await expect(row(page, name)).toBeVisible();
  });

  test('does not poll: an idle window sends nothing to the host', async ({ page, webHost }) => {
    const sockets: import('@playwright/test').WebSocket[] = [];
    page.on('websocket', (socket) => sockets.push(socket));
    await openApp(page, webHost);
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(sockets).toHaveLength(1);
    let framesSent = 0;
    sockets[0].on('framesent', () => (framesSent += 1));
    await page.waitForTimeout(3000);
    expect(sockets).toHaveLength(1);
    expect(framesSent).toBe(0);
  });

  test('says in words why an action failed, with the engine text one click away', async ({ page, webHost, docker }) => {
    const name = uniqueName('vanishing');
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await openApp(page, webHost);
    await expect(row(page, name)).toBeVisible();
    // Make start fail inside the engine: its command does not exist in the image.
    await docker.getContainer(name).remove();
    await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' }, Cmd: ['/no/such/binary'] });
    await row(page, name).getByRole('button', { name: `Start ${name}` }).click();
    const alert = row(page, name).getByRole('alert');
    await expect(alert).toContainText('The container\'s command does not exist inside its image.');
    await alert.getByText('Details').click();
    await expect(alert).toContainText(/no such file or directory|not found/i);
  });
});
