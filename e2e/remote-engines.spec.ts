import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostWithEnv, test } from './support/fixtures';
import { freePort, makeClientHome, sshTestsUnavailable, startSshServer, type SshClientHome, type SshServer } from './support/ssh-server';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');
const unavailable = sshTestsUnavailable();
const engineSocket = (process.env.DOCKER_HOST ?? '').replace(/^unix:\/\//, '');

const words = {
  en: {
    settings: 'Settings',
    containers: 'Containers',
    name: 'Name',
    address: 'Address',
    add: 'Add',
    unknown: /Cais does not know the ssh server/,
    trustTitle: 'Trust this ssh server?',
    trust: 'Trust and connect',
    answered: /Docker \S+ answered/,
    noSshServer: /No ssh server accepted the connection at ssh:\/\/nobody@127\.0\.0\.1:\d+/,
  },
  'pt-BR': {
    settings: 'Configurações',
    containers: 'Contêineres',
    name: 'Nome',
    address: 'Endereço',
    add: 'Adicionar',
    unknown: /O Cais ainda não conhece o servidor ssh/,
    trustTitle: 'Confiar neste servidor ssh?',
    trust: 'Confiar e conectar',
    answered: /Docker \S+ respondeu/,
    noSshServer: /Nenhum servidor ssh aceitou a conexão em ssh:\/\/nobody@127\.0\.0\.1:\d+/,
  },
} as const;

test.describe('remote engines over ssh', () => {
  test.skip(Boolean(unavailable), unavailable ?? '');
  let server: SshServer;
  test.beforeAll(async () => {
    server = await startSshServer({ engineSocket });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  for (const language of ['en', 'pt-BR'] as const) {
    test(`add an ssh engine in Settings, trust its fingerprint, see its containers (${language})`, async ({ page, docker }) => {
      const w = words[language];
      const home: SshClientHome = makeClientHome();
      server.authorize(home.newKey().publicLine);
      const containerName = uniqueName('cais-over-ssh');
      await createTestContainer(docker, { name: containerName });
      // The window starts on the local test engine; the ssh client sees only the test's own home.
      const started = await startHostWithEnv({ ...home.env, DOCKER_HOST: process.env.DOCKER_HOST });
      try {
        await openApp(page, started.host, language);
        await page.getByRole('link', { name: w.settings }).click();
        await page.getByLabel(w.name, { exact: true }).fill('Remote');
        await page.getByLabel(w.address, { exact: true }).fill(`ssh://root@127.0.0.1:${server.port}`);
        await page.getByRole('button', { name: w.add, exact: true }).click();
        const row = page.locator('[data-testid="engine-row"]', { hasText: 'Remote' });
        await row.getByRole('button', { name: language === 'en' ? 'Test Remote' : 'Testar Remote' }).click();
        await expect(row.getByText(w.unknown)).toBeVisible({ timeout: 30_000 });
        const prompt = row.getByTestId('host-key-trust');
        await expect(prompt.getByRole('heading', { name: w.trustTitle })).toBeVisible();
        await expect(prompt.getByTestId('host-key-fingerprint')).toHaveText(server.hostFingerprint);
        expect(home.readKnownHosts()).toBe('');
        expect((await new AxeBuilder({ page }).include('[data-testid="host-key-trust"]').analyze()).violations).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `ssh-trust-${language}.png`), fullPage: true });

        await prompt.getByRole('button', { name: w.trust }).click();
        await expect(row.getByText(w.answered)).toBeVisible({ timeout: 30_000 });
        expect(home.readKnownHosts()).toMatch(/ssh-ed25519/);

        await row.getByRole('button', { name: language === 'en' ? 'Use Remote' : 'Usar Remote' }).click();
        await page.getByRole('link', { name: w.containers }).click();
        await expect(page.locator(`[data-testid="container-row"][data-name="${containerName}"]`)).toBeVisible({ timeout: 30_000 });
        await page.screenshot({ path: path.join(SHOTS, `ssh-containers-${language}.png`) });
      } finally {
        await started.close();
        await home.remove();
      }
    });
    test(`a port where no ssh server listens is named as such, not as an engine stopping (${language})`, async ({ page }) => {
      const w = words[language];
      const home: SshClientHome = makeClientHome();
      const closedPort = await freePort();
      const started = await startHostWithEnv({ ...home.env, DOCKER_HOST: process.env.DOCKER_HOST });
      try {
        await openApp(page, started.host, language);
        await page.getByRole('link', { name: w.settings }).click();
        await page.getByLabel(w.name, { exact: true }).fill('Nowhere');
        await page.getByLabel(w.address, { exact: true }).fill(`ssh://nobody@127.0.0.1:${closedPort}`);
        await page.getByRole('button', { name: w.add, exact: true }).click();
        const row = page.locator('[data-testid="engine-row"]', { hasText: 'Nowhere' });
        await row.getByRole('button', { name: language === 'en' ? 'Test Nowhere' : 'Testar Nowhere' }).click();
        await expect(row.getByText(w.noSshServer)).toBeVisible({ timeout: 30_000 });
        await expect(row).not.toContainText(language === 'en' ? 'stopping or starting' : 'parando ou iniciando');
      } finally {
        await started.close();
        await home.remove();
      }
    });
  }

  test('the offline screen names a changed host key and offers no trust', async ({ page }: { page: Page }) => {
    const home = makeClientHome();
    server.authorize(home.newKey().publicLine);
    const impostor = home.newKey('impostor').publicLine.split(' ').slice(0, 2).join(' ');
    home.knownHosts([`[127.0.0.1]:${server.port} ${impostor}`]);
    const started = await startHostWithEnv({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
    try {
      await openApp(page, started.host, 'en');
      await expect(page.getByText(/shows a different key from the one you trusted before/)).toBeVisible({ timeout: 30_000 });
      // The address as ssh takes it (ssh://user@host:port), never host:port, which ssh reads as a host name.
      await expect(page.getByText(`The ssh server at ssh://root@127.0.0.1:${server.port} shows a different key`)).toBeVisible();
      await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'remote-setup');
      await expect(page.getByTestId('host-key-trust')).toHaveCount(0);
      await page.screenshot({ path: path.join(SHOTS, 'ssh-host-key-changed-en.png'), fullPage: true });
    } finally {
      await started.close();
      await home.remove();
    }
  });

  test('the offline screen offers an unknown server for trust; trusting it connects', async ({ page, docker }) => {
    const home = makeClientHome();
    server.authorize(home.newKey().publicLine);
    const containerName = uniqueName('cais-offline-ssh');
    await createTestContainer(docker, { name: containerName });
    const started = await startHostWithEnv({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
    try {
      await openApp(page, started.host, 'en');
      const prompt = page.getByTestId('host-key-trust');
      await expect(prompt.getByTestId('host-key-fingerprint')).toHaveText(server.hostFingerprint, { timeout: 30_000 });
      await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'remote-setup');
      await prompt.getByRole('button', { name: 'Trust and connect' }).click();
      await expect(page.locator(`[data-testid="container-row"][data-name="${containerName}"]`)).toBeVisible({ timeout: 30_000 });
    } finally {
      await started.close();
      await home.remove();
    }
  });
});
