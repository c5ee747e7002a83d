import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { removeQuietly } from './support/image-fixtures';
import { startRegistry, type LocalRegistry } from './support/registry';
import { TEST_IMAGE } from './support/test-engine';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');
const user = { username: 'cais-e2e', password: `pw-${randomBytes(12).toString('hex')}` };
let registry: LocalRegistry;

test.beforeAll(async () => {
  registry = await startRegistry({ user });
});
test.afterAll(async () => {
  await registry?.stop();
});


/** Everything the page receives over its WebSocket to the host: the password must never be in it. */
function recordReceivedFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8'))));
  return frames;
}

async function registryTags(name: string): Promise<string[]> {
  const basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
  const response = await fetch(`http://${registry.address}/v2/${name}/tags/list`, { headers: { authorization: `Basic ${basic}` } });
  return response.ok ? ((await response.json()) as { tags: string[] }).tags : [];
}

test.describe('registry login', () => {
  test('push is refused without a login; a wrong password is refused in words; the right one logs in and the push works; log out', async ({ page, webHost, docker }) => {
    const received = recordReceivedFrames(page);
    const target = `${registry.address}/cais-test/${uniqueName('private')}:v1`;
    await openApp(page, webHost);
    await page.getByRole('link', { name: 'Images' }).click();

    // Without a login the registry refuses the push, and the sentence says what to do.
    await page.getByLabel('Filter').fill(TEST_IMAGE);
    await page.getByRole('button', { name: `Details of ${TEST_IMAGE}` }).click();
    await page.getByLabel('New name (with a tag)').fill(target);
    await page.getByRole('button', { name: 'Tag and push' }).click();
    const pushError = page.getByRole('alert').filter({ hasText: 'The registry asks for a login.' });
    await expect(pushError).toContainText(`Log in to ${registry.address} under Registries, then try again.`, { timeout: 20_000 });
    await expect(pushError).toHaveAttribute('data-code', 'UNAUTHORIZED');
    await page.getByRole('button', { name: 'Close' }).first().click();

    await page.getByRole('button', { name: 'Registries' }).click();
    const panel = page.locator('section[aria-labelledby="registries-title"]');
    await expect(panel.getByTestId('login-keeping')).toHaveText(
      'In the browser version, a login is remembered until Cais closes; the desktop app keeps it on disk encrypted with the system keychain. Here, the password is never written to disk.',
    );
    await expect(panel.getByText('Not logged in to any registry.', { exact: false })).toBeVisible();
    await panel.getByLabel('Registry (host or host:port)').fill(`http://${registry.address}/`);
    await panel.getByLabel('User name').fill(user.username);
    await expect(panel.getByTestId('command-hint')).toHaveText(`docker login ${registry.address} -u ${user.username} --password-stdin`);

    await panel.getByLabel('Password or access token').fill('not-the-password');
    await panel.getByRole('button', { name: 'Log in' }).click();
    await expect(panel.getByRole('alert')).toContainText('The registry refused that user name and password.');
    await expect(panel.getByRole('alert')).toHaveAttribute('data-code', 'LOGIN_REFUSED');

    await panel.getByLabel('Registry (host or host:port)').fill('127.0.0.1:1');
    await panel.getByRole('button', { name: 'Log in' }).click();
    await expect(panel.getByRole('alert')).toContainText('The registry cannot be reached.');
    await panel.getByRole('button', { name: 'Dismiss' }).click();

    await panel.getByLabel('Registry (host or host:port)').fill(registry.address);
    await panel.getByLabel('Password or access token').fill(user.password);
    await panel.getByRole('button', { name: 'Log in' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Logged in' })).toHaveText(`Logged in to ${registry.address} as ${user.username}.`);
    await expect(panel.getByLabel('Password or access token')).toHaveValue('');
    const login = panel.locator(`[data-testid="registry-login"][data-registry="${registry.address}"]`);
    await expect(login).toContainText(`${registry.address} as ${user.username}`);
    await expectAccessible(page);

    // The login is the host's, not the page's: a reload still lists it, without any password.
    await page.reload();
    await page.getByRole('button', { name: 'Registries' }).click();
    await expect(login).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).first().click();

    await page.getByLabel('Filter').fill(TEST_IMAGE);
    await page.getByRole('button', { name: `Details of ${TEST_IMAGE}` }).click();
    await page.getByLabel('New name (with a tag)').fill(target);
    await page.getByRole('button', { name: 'Tag and push' }).click();
    await expect(page.getByText(new RegExp(`^Pushed ${target.replace(/[.]/g, '\\.')} \\(sha256:`))).toBeVisible({ timeout: 20_000 });
    const name = target.slice(registry.address.length + 1).replace(/:v1$/, '');
    expect(await registryTags(name)).toEqual(['v1']);
    await page.getByRole('button', { name: 'Close' }).first().click();

    await page.getByRole('button', { name: 'Registries' }).click();
    await panel.getByRole('button', { name: `Log out of ${registry.address}` }).click();
    await expect(login).toHaveCount(0);
    await expect(panel.getByText('Not logged in to any registry.', { exact: false })).toBeVisible();

    // Every frame the page received (the list calls, the activity log, errors): no password.
    expect(received.length).toBeGreaterThan(10);
    expect(received.filter((frame) => frame.includes(user.password))).toEqual([]);
    expect(received.some((frame) => frame.includes(`docker login ${registry.address} -u ${user.username} --password-stdin`))).toBe(true);
    await removeQuietly(docker, target);
  });

  for (const [language, scheme] of [['en', 'light'], ['pt-BR', 'light'], ['pt-BR', 'dark']] as const) {
    test(`login panel screenshot in ${language}, ${scheme}, with a login and a refusal; axe finds nothing serious`, async ({ page, webHost }) => {
      const text = {
        en: { nav: 'Images', open: 'Registries', registry: 'Registry (host or host:port)', user: 'User name', password: 'Password or access token', login: 'Log in', as: 'as', logout: 'Log out of' },
        'pt-BR': { nav: 'Imagens', open: 'Registros', registry: 'Registro (host ou host:porta)', user: 'Usuário', password: 'Senha ou token de acesso', login: 'Entrar', as: 'como', logout: 'Sair de' },
      }[language];
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, webHost, language);
      await page.getByRole('link', { name: text.nav }).click();
      await page.getByRole('button', { name: text.open }).click();
      const panel = page.locator('section[aria-labelledby="registries-title"]');
      await panel.getByLabel(text.registry).fill(registry.address);
      await panel.getByLabel(text.user).fill(user.username);
      await panel.getByLabel(text.password).fill(user.password);
      await panel.getByRole('button', { name: text.login }).click();
      await expect(panel.getByTestId('registry-login')).toContainText(`${registry.address} ${text.as} ${user.username}`);
      await panel.getByLabel(text.password).fill('wrong');
      await panel.getByRole('button', { name: text.login }).click();
      await expect(panel.getByRole('alert')).toHaveAttribute('data-code', 'LOGIN_REFUSED');
      await expectAccessible(page);
      await panel.screenshot({ path: path.join(SHOTS, `images-login-${language}-${scheme}.png`) });
      await panel.getByRole('button', { name: `${text.logout} ${registry.address}` }).click();
      await expect(panel.getByTestId('registry-login')).toHaveCount(0);
    });
  }
});
