import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EngineConnection } from '../electron/engine/connection';
import { realHostFacts } from '../electron/engine/host-facts';
import { startWebHost } from '../electron/transports/web-host';
import { SettingsStore } from '../electron/settings/settings-store';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, RENDERER_DIR, startHostFor, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { podmanUnavailable, startPodmanService, type PodmanService } from './support/podman-service';
import { dockerFor } from './support/test-engine';
import { buildTestImage } from './support/test-image';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');
const row = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);

/** A web host with a settings folder of its own, as `npm run web` starts it. */
async function hostWithSettings(dir: string) {
  const facts = realHostFacts();
  const engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
  void engine.start();
  const settings = new SettingsStore(dir);
  const host = await startWebHost({ engine, settings, staticDir: RENDERER_DIR });
  return { host, close: async () => (await host.close(), engine.close()) };
}

test.describe('settings', () => {
  test('theme, log lines and confirmations are saved, applied, and asked', async ({ page, docker }) => {
    // A host of its own: these choices must not leak into other specs' shared host.
    const started = await startHostFor(process.env.DOCKER_HOST!);
    const name = uniqueName('cais-confirm');
    try {
      await openApp(page, started.host);
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
      await page.getByLabel("Log lines kept in a container's log view").fill('50');
      await expect(page.getByText('Type a whole number from 100 to 100000.')).toBeVisible();
      await page.getByLabel("Log lines kept in a container's log view").fill('2500');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('checkbox', { name: 'Ask before stopping a container' }).check();
      await page.reload();
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
      await expect(page.getByLabel("Log lines kept in a container's log view")).toHaveValue('2500');
      await expect(page.getByRole('checkbox', { name: 'Ask before stopping a container' })).toBeChecked();
      await expectAccessible(page, { strict: true });

      // Stop now asks first, naming the container; Cancel leaves it running.
      const container = await createTestContainer(docker, { name });
      await container.start();
      await page.getByRole('link', { name: 'Containers' }).click();
      await row(page, name).getByRole('button', { name: `Stop ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Stop ${name}?` });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await container.inspect()).State.Running).toBe(true);
      await row(page, name).getByRole('button', { name: `Stop ${name}` }).click();
      await page.getByRole('dialog', { name: `Stop ${name}?` }).getByRole('button', { name: 'Stop' }).click();
      await expect(row(page, name)).toHaveAttribute('data-state', 'exited');
    } finally {
      await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
      await started.close();
    }
  });

  test('a damaged settings file is reported once, in Portuguese too', async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-settings-'));
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ damaged');
    const started = await hostWithSettings(dir);
    try {
      await openApp(page, started.host, 'pt-BR');
      const notice = page.getByRole('alert').filter({ hasText: 'O arquivo de configurações estava danificado' });
      await expect(notice).toContainText('settings.json.broken-');
      await notice.getByRole('button', { name: 'OK' }).click();
      await expect(notice).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Contêineres', level: 1 })).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: 'danificado' })).toHaveCount(0);
    } finally {
      await started.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('with no engine, the offline screen leads to Settings, where a working engine can be chosen', async ({ page }) => {
  const started = await startHostFor('unix:///nonexistent/cais-e2e.sock');
  try {
    await openApp(page, started.host);
    await page.getByRole('link', { name: 'Use another engine (Settings)' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await page.getByLabel('Name').fill('Test engine');
    await page.getByLabel('Address').fill(process.env.DOCKER_HOST!);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Use Test engine' }).click();
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'connected');
    await page.getByRole('link', { name: 'Containers' }).click();
    await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
  } finally {
    await started.close();
  }
});

const podmanMissing = podmanUnavailable();
test.describe('engines: switching between Docker and Podman in the UI', () => {
  test.skip(Boolean(podmanMissing), `Podman service unavailable: ${podmanMissing}`);
  let podman: PodmanService;
  const podmanName = uniqueName('cais-in-podman');
  const dockerName = uniqueName('cais-in-docker');

  test.beforeAll(async () => {
    podman = await startPodmanService();
    await buildTestImage(dockerFor(podman.host));
    await createTestContainer(dockerFor(podman.host), { name: podmanName });
    await createTestContainer(dockerFor(process.env.DOCKER_HOST!), { name: dockerName });
  });
  test.afterAll(async () => {
    await dockerFor(process.env.DOCKER_HOST!).getContainer(dockerName).remove({ force: true }).catch(() => undefined);
    await podman?.close();
  });

  for (const language of ['en', 'pt-BR'] as const) {
    test(`with Podman in use, what it lacks is said and disabled, and what it has works (${language})`, async ({ page }) => {
      const T = language === 'en'
        ? { stop: 'Stop', apply: 'Apply to this container', gap: "Podman's Docker-compatible service does not support changing limits", backUp: 'Back up', clone: 'Clone', owners: 'would lose the files\' owners', restore: 'Restore' }
        : { stop: 'Parar', apply: 'Aplicar neste contêiner', gap: 'O serviço compatível com o Docker do Podman não permite mudar limites', backUp: 'Fazer backup', clone: 'Clonar', owners: 'perderiam os donos dos arquivos', restore: 'Restaurar' };
      const name = uniqueName('cais-podman-gap');
      const volume = uniqueName('cais-podman-owners');
      const container = await createTestContainer(dockerFor(podman.host), { name });
      await container.start();
      const started = await startHostFor(podman.host);
      try {
        await openApp(page, started.host, language);
        // Supported: stopping a container through Podman's Docker API.
        await expect(row(page, name)).toHaveAttribute('data-state', 'running');
        await row(page, name).getByRole('button', { name: `${T.stop} ${name}` }).click();
        await expect(row(page, name)).toHaveAttribute('data-state', 'exited');
        // Not supported: docker update. Said, with Podman's own command, and the button is off.
        await page.evaluate((id) => (location.hash = `#containers/${id}/settings`), container.id);
        const gap = page.locator('[data-testid="engine-gap"][data-feature="containerUpdate"]');
        await expect(gap).toContainText(T.gap);
        await expect(gap).toContainText(`podman update --cpus 1 --memory 256m ${name}`);
        await expect(page.getByRole('button', { name: T.apply })).toBeDisabled();
        await page.screenshot({ path: path.join(SHOTS, `podman-gap-${language}.png`), fullPage: true });
        await expectAccessible(page, { strict: true });
        // Not done rather than done wrong: a backup or clone through Podman's archive API loses owners.
        await dockerFor(podman.host).createVolume({ Name: volume, Labels: { 'cais.test': '1' } });
        await page.evaluate((name) => (location.hash = `#volumes/${encodeURIComponent(name)}/backup`), volume);
        const ownersGaps = page.locator('[data-testid="engine-gap"][data-feature="volumeArchiveOwners"]');
        await expect(ownersGaps).toHaveCount(2);
        await expect(ownersGaps.first()).toContainText(T.owners);
        await expect(ownersGaps.first()).toContainText(`podman volume export ${volume} --output ${volume}.tar`);
        await expect(page.getByRole('button', { name: T.backUp, exact: true })).toBeDisabled();
        await expect(page.getByRole('button', { name: T.clone, exact: true })).toBeDisabled();
        await expect(page.getByRole('button', { name: T.restore, exact: true })).toBeVisible();
        await page.screenshot({ path: path.join(SHOTS, `podman-owners-gap-${language}.png`), fullPage: true });
        await expectAccessible(page, { strict: true });
      } finally {
        await started.close();
        await container.remove({ force: true }).catch(() => undefined);
        await dockerFor(podman.host).getVolume(volume).remove().catch(() => undefined);
      }
    });

    test(`add Podman, test it, use it, and back to Docker (${language})`, async ({ page }) => {
      const T = language === 'en'
        ? { settings: 'Settings', containers: 'Containers', add: 'Add', name: 'Name', address: 'Address', test: 'Test', use: 'Use', answered: /Podman \S+ answered/ }
        : { settings: 'Configurações', containers: 'Contêineres', add: 'Adicionar', name: 'Nome', address: 'Endereço', test: 'Testar', use: 'Usar', answered: /Podman \S+ respondeu/ };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-engines-'));
      const started = await hostWithSettings(dir);
      try {
        await openApp(page, started.host, language);
        await expect(row(page, dockerName)).toBeVisible();
        await page.getByRole('link', { name: T.settings }).click();
        await expect(page.getByRole('heading', { name: T.settings, level: 1 })).toBeVisible();
        await page.getByLabel(T.name).fill('Podman');
        await page.getByLabel(T.address).fill(podman.socket); // a bare path is a unix socket
        await page.getByRole('button', { name: T.add, exact: true }).click();
        await page.getByRole('button', { name: `${T.test} Podman` }).click();
        await expect(page.getByText(T.answered)).toBeVisible();
        // The test result lists what this Podman lacks behind its Docker API.
        await expect(page.locator('[data-testid="engine-gap"][data-feature="containerUpdate"]')).toBeVisible();
        await page.getByRole('button', { name: `${T.use} Podman` }).click();
        // The sidebar always says which engine is in use, by product and address.
        await expect(page.getByTestId('engine-status')).toContainText(podman.socket);
        await expect(page.getByTestId('engine-status')).toContainText(/Podman \d/);
        await page.screenshot({ path: path.join(SHOTS, `settings-engines-${language}.png`), fullPage: true });
        await expectAccessible(page, { strict: true });

        await page.getByRole('link', { name: T.containers }).click();
        await expect(row(page, podmanName)).toBeVisible();
        await expect(row(page, dockerName)).toHaveCount(0);
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).engine).toMatch(/^custom:/);

        await page.getByRole('link', { name: T.settings }).click();
        await expect(page.getByRole('heading', { name: T.settings, level: 1 })).toBeVisible();
        await page.getByRole('button', { name: `${T.use} DOCKER_HOST` }).click();
        await expect(page.getByTestId('engine-status')).toContainText(process.env.DOCKER_HOST!.replace('unix://', ''));
        await page.getByRole('link', { name: T.containers }).click();
        await expect(row(page, dockerName)).toBeVisible();
        await expect(row(page, podmanName)).toHaveCount(0);
      } finally {
        await started.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
