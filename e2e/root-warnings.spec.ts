import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

/** Screenshots go outside the repository, for a person to look at. */
const SHOTS = process.env.CAIS_SHOTS_DIR ?? path.join(os.tmpdir(), 'cais-shots');

type Language = 'en' | 'pt-BR';
const I18N = path.resolve(import.meta.dirname, '../renderer/i18n');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Record<string, unknown>;
/** The shared words and the volumes area, merged as renderer/i18n/catalogs.ts does. */
const catalogs: Record<Language, Record<string, unknown>> = {
  en: { ...readJson('en.json'), volumes: readJson('areas/volumes.en.json') },
  'pt-BR': { ...readJson('pt-BR.json'), volumes: readJson('areas/volumes.pt-BR.json') },
};

/** The catalog's text for a key, with {{placeholders}} filled, as i18next would. */
function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = catalogs[language];
  for (const step of key.split('.')) node = (node as Record<string, unknown>)[step];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens a screen by its address, once the app has settled on its first one. */
async function go(page: Page, hash: string): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '') + hash);
  await expect.poll(() => new URL(page.url()).hash).toBe(hash);
}

for (const language of ['en', 'pt-BR'] as const) {
  const tr = (key: string, values?: Record<string, string | number>) => text(language, key, values);

  test(`run form in ${language}: a root-equivalent host folder is warned as you type; a pasted command's warnings need a tick before create`, async ({ page, webHost, docker }) => {
    await openApp(page, webHost, language);
    await go(page, `#containers/~run/${encodeURIComponent(TEST_IMAGE)}`);
    await expect(page.getByRole('heading', { name: tr('containers.run.title') })).toBeVisible();

    // Typing "/" as a host folder says what it gives the container, next to the field.
    await page.getByRole('button', { name: `+ ${tr('containers.run.addMount')}` }).click();
    const storage = page.getByRole('group', { name: tr('containers.run.mounts') });
    await storage.getByLabel(tr('containers.run.mountType')).selectOption('bind');
    const folder = storage.getByLabel(tr('containers.run.hostFolder'));
    await folder.fill('/srv/site');
    await expect(storage.locator('[data-warning]')).toHaveCount(0);
    await folder.fill('/');
    await expect(folder).toHaveAccessibleDescription(tr('rootRisk.hostRoot'));
    await expect(storage.getByText(tr('rootRisk.hostRoot'))).toBeVisible();
    await expect(page.getByTestId('root-risk-confirm')).toBeVisible();
    await expectAccessible(page);
    await shot(page, `root-warning-folder-${language}`);

    // A pasted docker run: each root-equivalent setting is named, carried or left out.
    const name = uniqueName('rootwarn');
    await page
      .getByLabel(tr('containers.run.paste'))
      .fill(`docker run -v /:/host -v /var/run/docker.sock:/var/run/docker.sock --network host --privileged --name ${name} --label ${TEST_LABEL}=1 ${TEST_IMAGE}`);
    await page.getByRole('button', { name: tr('containers.run.fill') }).click();
    const confirm = page.getByTestId('root-risk-confirm');
    await expect(confirm.locator('[data-risk]')).toHaveText([
      tr('rootRisk.hostRoot'),
      tr('rootRisk.engineSocket', { subject: '/var/run/docker.sock' }),
      tr('rootRisk.networkHost'),
    ]);
    await expect(page.getByLabel(tr('containers.run.network'))).toHaveAccessibleDescription(tr('rootRisk.networkHost'));
    await expect(page.getByTestId('paste-left-out')).toContainText(tr('rootRisk.leftOut.privileged'));
    await expect(page.getByTestId('paste-left-out')).toContainText(tr('rootRisk.leftOutNote'));

    // Create without the tick: nothing is created, and the form says what is missing.
    await page.getByRole('button', { name: tr('containers.run.submit'), exact: true }).click();
    await expect(confirm.getByText(tr('rootRisk.confirmNeeded'))).toBeVisible();
    expect((await docker.listContainers({ all: true, filters: { name: [name] } })).length).toBe(0);
    await expectAccessible(page);
    await shot(page, `root-warning-paste-${language}`);

    // The tick is for these settings only: removing one (the test machine has no engine socket at
    // that path) changes the list, and the new list needs a new tick.
    const tick = confirm.getByLabel(tr('rootRisk.confirmTick'));
    await tick.check();
    await page.getByRole('button', { name: tr('containers.run.removeRow', { title: tr('containers.run.mounts'), index: 2 }) }).click();
    await expect(confirm.locator('[data-risk]')).toHaveText([tr('rootRisk.hostRoot'), tr('rootRisk.networkHost')]);
    await expect(tick).not.toBeChecked();
    await tick.check();
    await page.getByRole('button', { name: tr('containers.run.submit'), exact: true }).click();
    await expect(page.getByRole('tab', { name: tr('containers.details.tab.logs'), selected: true })).toBeVisible();
    const info = await docker.getContainer(name).inspect();
    try {
      expect(info.HostConfig.NetworkMode).toBe('host');
      expect(info.HostConfig.Privileged).toBe(false);
      await go(page, `#containers/${info.Id}/summary`);
      await expect(page.getByTestId('summary-risks').locator('[data-risk]')).toHaveText([tr('rootRisk.networkHost'), tr('rootRisk.hostRoot')]);
    } finally {
      await docker.getContainer(name).remove({ force: true });
    }
  });

  test(`summary in ${language}: privileged mode, added capabilities, devices and host pid of a container made with the docker CLI`, async ({ page, webHost, docker }) => {
    const name = uniqueName('privileged');
    const id = await dockerCli(
      'create', '--name', name, '--label', `${TEST_LABEL}=1`, '--privileged', '--cap-add', 'SYS_ADMIN', '--cap-add', 'NET_ADMIN',
      '--device', '/dev/null:/dev/cais-null', '--pid', 'host', '--tmpfs', '/scratch:size=8m', TEST_IMAGE,
    );
    try {
      await openApp(page, webHost, language);
      await go(page, `#containers/${id}/summary`);
      const risks = page.getByTestId('summary-risks');
      await expect(risks.locator('[data-risk]')).toHaveText([
        tr('rootRisk.privileged'),
        tr('rootRisk.capAdd', { subject: 'NET_ADMIN, SYS_ADMIN' }),
        tr('rootRisk.device', { subject: '/dev/null' }),
        tr('rootRisk.pidHost'),
      ]);
      await expect(risks).toContainText(tr('rootRisk.summaryKept'));
      // --tmpfs is not in inspect's Mounts, but it is one of the container's mounts.
      await expect(page.getByText('/scratch', { exact: true })).toBeVisible();
      await expectAccessible(page);
      await shot(page, `root-warning-summary-${language}`);

      // A usual container says it has no such powers.
      const plain = await createTestContainer(docker);
      try {
        await go(page, `#containers/${plain.id}/summary`);
        await expect(page.getByText(tr('rootRisk.summaryNone'))).toBeVisible();
        await expect(page.getByTestId('summary-risks')).toHaveCount(0);
      } finally {
        await plain.remove({ force: true });
      }
    } finally {
      await docker.getContainer(id).remove({ force: true });
    }
  });

  test(`attach panel in ${language}: a container that exits at once is said to have stopped; a risky host folder needs a tick`, async ({ page, webHost, docker }) => {
    const volume = uniqueName('rootvol');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    const target = await createTestContainer(docker);
    const writer = uniqueName('writer');
    try {
      await openApp(page, webHost, language);
      await go(page, `#volumes/${volume}/attach`);
      await expect(page.getByRole('heading', { name: tr('volumes.run.title') })).toBeVisible();
      await page.getByLabel(tr('volumes.run.image')).selectOption(TEST_IMAGE);
      await page.getByLabel(tr('volumes.run.name')).fill(writer);
      await page.getByLabel(tr('volumes.run.command')).fill("sh -c 'echo hi > /data/x'");
      await page.getByRole('button', { name: tr('volumes.run.submit') }).click();
      await expect(page.getByTestId('run-done')).toContainText(tr('volumes.run.doneStopped', { name: writer, code: 0 }));
      expect((await docker.getContainer(writer).inspect()).State.Status).toBe('exited');
      await shot(page, `attach-run-stopped-${language}`);

      // Attaching /etc of this machine to an existing container: warned as typed, ticked before recreating.
      const targetName = (await target.inspect()).Name.replace(/^\//, '');
      await page.getByTestId('attach-container').selectOption(target.id);
      await page.getByLabel(tr('volumes.attach.kind')).selectOption('bind');
      const hostFolder = page.getByLabel(tr('volumes.attach.hostFolder'));
      await hostFolder.fill('/etc');
      await expect(hostFolder).toHaveAccessibleDescription(tr('rootRisk.hostSystem', { subject: '/etc' }));
      await page.getByRole('button', { name: tr('volumes.attach.submit') }).click();
      const dialog = page.getByRole('dialog');
      const recreate = dialog.getByRole('button', { name: tr('volumes.attach.confirm', { name: targetName }) });
      await expect(dialog.getByTestId('root-risk-confirm')).toContainText(tr('rootRisk.hostSystem', { subject: '/etc' }));
      await expect(recreate).toBeDisabled();
      await dialog.getByLabel(tr('rootRisk.confirmTick')).check();
      await expect(recreate).toBeEnabled();
      await expectAccessible(page);
      await shot(page, `attach-risk-confirm-${language}`);
      await dialog.getByRole('button', { name: tr('volumes.cancel') }).click();
      await expect(dialog).toHaveCount(0);
    } finally {
      await docker.getContainer(writer).remove({ force: true }).catch(() => undefined);
      await target.remove({ force: true });
      await docker.getVolume(volume).remove();
    }
  });
}
