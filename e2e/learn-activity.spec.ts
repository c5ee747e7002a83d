import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import tar from 'tar-stream';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostFor, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { startRegistry } from './support/registry';
import { splitHostPath, volumeCreate, volumeRestore } from '../electron/api/docker-commands';
import { quoteShellWord } from '../electron/api/shell-words';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { runInVolume, volumeManifest } from './support/volume-manifest';

const run = promisify(execFile);

test('the activity panel lists two actions in order, and its script repeats them on a fresh state', async ({ page, docker, context }) => {
  // A host of its own, so the log holds only this test's actions.
  const started = await startHostFor(process.env.DOCKER_HOST!);
  const first = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
  const second = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
  const [firstName, secondName] = await Promise.all([first, second].map(async (c) => (await c.inspect()).Name.slice(1)));
  try {
    await openApp(page, started.host);
    const row = (name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);
    await row(firstName).getByRole('button', { name: `Start ${firstName}` }).click();
    await expect(row(firstName)).toHaveAttribute('data-state', 'running');
    await row(secondName).getByRole('button', { name: `Start ${secondName}` }).click();
    await expect(row(secondName)).toHaveAttribute('data-state', 'running');

    await page.getByRole('button', { name: 'Activity (2)' }).click();
    const entries = page.getByTestId('activity-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0).locator('code')).toHaveText(new RegExp(`^docker start (${first.id.slice(0, 12)}|${firstName})$`));
    await expect(entries.nth(1).locator('code')).toHaveText(new RegExp(`^docker start (${second.id.slice(0, 12)}|${secondName})$`));
    await expect(entries.nth(0)).toHaveAttribute('data-outcome', 'ok');
    await expect(entries.nth(1)).toHaveAttribute('data-outcome', 'ok');

    await page.getByText('Show the script').click();
    const script = (await page.getByTestId('activity-script').textContent())!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy as a shell script' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
    await checkAndShoot(page, 'activity-en');

    // Back to the state before the actions, then let the script do them again.
    await Promise.all([first.stop({ t: 0 }), second.stop({ t: 0 })]);
    expect((await first.inspect()).State.Running).toBe(false);
    await run('sh', ['-c', script], { env: { ...process.env } });
    expect((await first.inspect()).State.Running).toBe(true);
    expect((await second.inspect()).State.Running).toBe(true);

    await page.evaluate(() => localStorage.setItem('cais.language', 'pt-BR'));
    await page.reload();
    await page.getByRole('button', { name: 'Atividade (2)' }).click();
    await expect(page.getByRole('heading', { name: 'O que o Cais fez no engine' })).toBeVisible();
    await checkAndShoot(page, 'activity-pt-BR');
    await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
  } finally {
    await Promise.all([first.remove({ force: true }), second.remove({ force: true })]);
    await started.close();
  }
});

test('a failed action is listed as failed, and stays a comment in the script', async ({ page, docker }) => {
  const started = await startHostFor(process.env.DOCKER_HOST!);
  const broken = await createTestContainer(docker, { Cmd: ['/no/such/binary'] });
  const name = (await broken.inspect()).Name.slice(1);
  try {
    await openApp(page, started.host);
    await page.locator(`[data-testid="container-row"][data-name="${name}"]`).getByRole('button', { name: `Start ${name}` }).click();
    await page.getByRole('button', { name: 'Activity (1)' }).click();
    await expect(page.getByTestId('activity-entry')).toHaveAttribute('data-outcome', 'failed');
    await page.getByText('Show the script').click();
    await expect(page.getByTestId('activity-script')).toContainText(/# docker start \S+/);
    await expect(page.getByTestId('activity-script')).not.toContainText(/^docker start/m);
  } finally {
    await broken.remove({ force: true });
    await started.close();
  }
});

// ── The command beside each action, run in a shell, does the same ──────────

/** Runs a shown command as a person would paste it, against the test engine. */
async function shell(command: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', command], { env: { ...process.env } });
  return stdout.trim();
}

const containerRow = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);

/** The command shown under a container's menu item, before choosing it. */
async function menuCommand(page: Page, name: string, label: string): Promise<Locator> {
  await containerRow(page, name).getByRole('button', { name: `More actions for ${name}` }).click();
  const item = page.getByRole('menu', { name: `More actions for ${name}` }).getByRole('menuitem', { name: new RegExp(`^${label} `) });
  await expect(item).toBeVisible();
  return item;
}

const hint = (scope: Page | Locator) => scope.getByTestId('command-hint');

/** A process 1 that ends on SIGTERM, so docker stop does not wait its 10 seconds. */
const STOPS_AT_ONCE = ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'];

test.describe('each action\'s command, run in a shell, has the same effect', () => {
  test('stop, rename and remove a container', async ({ page, webHost, docker }) => {
    const name = uniqueName('cmd');
    const renamed = uniqueName('renamed');
    const container = await createTestContainer(docker, { name, Cmd: STOPS_AT_ONCE });
    await container.start();
    try {
      await openApp(page, webHost);

      // Stop: the menu shows the command under the action.
      const stop = await menuCommand(page, name, 'Stop');
      const stopCommand = (await hint(stop).textContent())!;
      expect(stopCommand).toBe(`docker stop ${name}`);
      await stop.click();
      await expect(containerRow(page, name)).toHaveAttribute('data-state', 'exited');
      await container.start();
      await shell(stopCommand);
      expect((await container.inspect()).State.Running).toBe(false);

      // Rename.
      await (await menuCommand(page, name, 'Rename…')).click();
      const dialog = page.getByRole('dialog', { name: `Rename ${name}` });
      await dialog.getByLabel('New name').fill(renamed);
      const renameCommand = (await hint(dialog).textContent())!;
      expect(renameCommand).toBe(`docker rename ${name} ${renamed}`);
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
      await expect(containerRow(page, renamed)).toBeVisible();
      expect((await container.inspect()).Name).toBe(`/${renamed}`);
      await container.rename({ name });
      await shell(renameCommand);
      expect((await container.inspect()).Name).toBe(`/${renamed}`);

      // Remove, running: -f. Undone by making the same container again under the same name.
      await container.start();
      await (await menuCommand(page, renamed, 'Remove…')).click();
      const remove = page.getByRole('dialog', { name: `Remove ${renamed}?` });
      const removeCommand = (await hint(remove).textContent())!;
      expect(removeCommand).toBe(`docker rm -f ${renamed}`);
      await remove.getByRole('button', { name: /^Remove/ }).last().click();
      await expect(containerRow(page, renamed)).toHaveCount(0);
      await expect(container.inspect()).rejects.toThrow();
      const again = await createTestContainer(docker, { name: renamed, Cmd: STOPS_AT_ONCE });
      await again.start();
      await shell(removeCommand);
      await expect(again.inspect()).rejects.toThrow();
    } finally {
      for (const left of [name, renamed]) await docker.getContainer(left).remove({ force: true }).catch(() => undefined);
    }
  });

  test('run from the form with a port, a variable and a volume', async ({ page, webHost, docker }) => {
    const name = uniqueName('formrun');
    const volume = uniqueName('formvol');
    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#containers/~run/${encodeURIComponent(TEST_IMAGE)}`);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Command', { exact: true }).fill('sleep 600');
    await page.getByRole('button', { name: '+ Add a port' }).click();
    await page.getByRole('group', { name: 'Ports' }).getByLabel('Container port').fill('8080');
    await page.getByRole('button', { name: '+ Add a variable' }).click();
    await page.getByRole('group', { name: 'Environment variables' }).getByLabel('Name').fill('GREETING');
    await page.getByRole('group', { name: 'Environment variables' }).getByLabel('Value').fill('olá mundo');
    await page.getByRole('button', { name: '+ Add storage' }).click();
    await page.getByRole('group', { name: 'Storage' }).getByLabel('Volume name').fill(volume);
    await page.getByRole('group', { name: 'Storage' }).getByLabel('Path inside the container').fill('/data');
    const command = (await hint(page.getByTestId('docker-run-preview')).textContent())!;
    expect(command).toBe(`docker run -d --name ${name} -p 127.0.0.1::8080 -e 'GREETING=olá mundo' -v ${volume}:/data ${TEST_IMAGE} sleep 600`);
    await page.getByRole('button', { name: 'Create and start' }).click();
    await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();

    const settings = async () => {
      const info = await docker.getContainer(name).inspect();
      return {
        running: info.State.Running,
        image: info.Config.Image,
        cmd: info.Config.Cmd,
        env: info.Config.Env.filter((e) => e.startsWith('GREETING=')),
        ports: Object.entries(info.HostConfig.PortBindings ?? {}).map(([port, b]) => `${(b as { HostIp: string }[])[0].HostIp}->${port}`),
        mounts: info.Mounts.map((m) => `${m.Type}:${m.Name}:${m.Destination}:${m.RW}`),
      };
    };
    try {
      const fromUi = await settings();
      expect(fromUi.running).toBe(true);
      await docker.getContainer(name).remove({ force: true });
      await shell(command);
      expect(await settings()).toEqual(fromUi);
    } finally {
      await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
      await docker.getVolume(volume).remove().catch(() => undefined);
    }
  });

  test('create and remove a volume', async ({ page, webHost, docker }) => {
    const name = uniqueName('cmdvol');
    await openApp(page, webHost);
    await page.getByRole('link', { name: 'Volumes' }).click();
    await page.getByRole('button', { name: 'New volume' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Labels (one key=value per line)').fill(`${TEST_LABEL}=1\nnote=two words`);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create volume' }) });
    const createCommand = (await hint(form).textContent())!;
    expect(createCommand).toBe(`docker volume create --label ${TEST_LABEL}=1 --label 'note=two words' ${name}`);
    await page.getByRole('button', { name: 'Create volume' }).click();
    const volumeRow = page.locator(`[data-testid="volume-row"][data-name="${name}"]`);
    await page.getByLabel('Search').fill(name);
    await expect(volumeRow).toBeVisible();
    const fromUi = await docker.getVolume(name).inspect();
    await docker.getVolume(name).remove();
    await shell(createCommand);
    const fromCli = await docker.getVolume(name).inspect();
    expect({ driver: fromCli.Driver, labels: fromCli.Labels }).toEqual({ driver: fromUi.Driver, labels: fromUi.Labels });

    await volumeRow.getByRole('button', { name: `Remove ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove the volume ${name}?` });
    const removeCommand = (await hint(confirm).textContent())!;
    expect(removeCommand).toBe(`docker volume rm ${name}`);
    await confirm.getByRole('button', { name: `Remove ${name} and its files` }).click();
    await expect(volumeRow).toHaveCount(0);
    await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
    await shell(removeCommand);
    await expect(docker.getVolume(name).inspect()).rejects.toThrow();
  });

  test('tag and remove an image; pull from a registry', async ({ page, webHost, docker }) => {
    const registry = await startRegistry();
    const tag = `cais-test/${uniqueName('tagged')}:v1`;
    const remote = `${registry.address}/cais-test/${uniqueName('pulled')}:v1`;
    const imageId = (await docker.getImage(TEST_IMAGE).inspect()).Id;
    try {
      await openApp(page, webHost);
      await page.getByRole('link', { name: 'Images' }).click();
      const openDetail = async (reference: string) => {
        await page.getByLabel('Filter').fill(reference);
        await page.locator(`[data-testid="image-row"][data-reference="${reference}"]`).getByRole('button', { name: `Details of ${reference}` }).click();
        await expect(page.getByTestId('image-detail')).toHaveAttribute('data-reference', reference);
      };

      // Tag.
      await openDetail(TEST_IMAGE);
      await page.getByLabel('New name (with a tag)').fill(tag);
      const tagCommand = (await hint(page).filter({ hasText: 'docker tag' }).textContent())!;
      expect(tagCommand).toBe(`docker tag ${TEST_IMAGE} ${tag}`);
      await page.getByRole('button', { name: 'Tag', exact: true }).click();
      await expect.poll(async () => (await docker.getImage(tag).inspect().catch(() => undefined))?.Id).toBe(imageId);
      await docker.getImage(tag).remove();
      await shell(tagCommand);
      expect((await docker.getImage(tag).inspect()).Id).toBe(imageId);

      // Remove (the tag only: the image stays under its other name).
      await openDetail(tag);
      await page.getByRole('button', { name: `Remove ${tag}…` }).click();
      const rmiCommand = (await hint(page).filter({ hasText: 'docker rmi' }).textContent())!;
      expect(rmiCommand).toBe(`docker rmi ${tag}`);
      await page.getByRole('button', { name: 'Remove', exact: true }).click();
      await expect.poll(async () => Boolean(await docker.getImage(tag).inspect().catch(() => undefined))).toBe(false);
      await docker.getImage(TEST_IMAGE).tag({ repo: tag.split(':')[0], tag: 'v1' });
      await shell(rmiCommand);
      await expect(docker.getImage(tag).inspect()).rejects.toThrow();
      expect((await docker.getImage(TEST_IMAGE).inspect()).Id).toBe(imageId);

      // Pull from the local registry: pushed there, then gone from here.
      await shell(`docker tag ${TEST_IMAGE} ${remote} && docker push ${remote} && docker rmi ${remote}`);
      await page.getByRole('button', { name: 'Pull an image' }).click();
      await page.getByLabel('Image name').fill(remote);
      const pullCommand = (await hint(page).filter({ hasText: 'docker pull' }).textContent())!;
      expect(pullCommand).toBe(`docker pull ${remote}`);
      await page.getByRole('button', { name: 'Pull', exact: true }).click();
      await expect.poll(async () => (await docker.getImage(remote).inspect().catch(() => undefined))?.Id, { timeout: 20_000 }).toBe(imageId);
      const pulledByUi = (await docker.getImage(remote).inspect()).RepoDigests;
      await docker.getImage(remote).remove();
      await shell(pullCommand);
      const pulledByCli = await docker.getImage(remote).inspect();
      expect(pulledByCli.Id).toBe(imageId);
      expect(pulledByCli.RepoDigests).toEqual(pulledByUi);
    } finally {
      for (const reference of [tag, remote]) await docker.getImage(reference).remove().catch(() => undefined);
      await registry.stop();
    }
  });

  test('the backup\'s command writes an archive that restores the same files', async ({ page, webHost, docker }) => {
    const name = uniqueName('bakvol');
    const restored = uniqueName('restored');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-backup-cmd-'));
    const destination = path.join(folder, 'volume backup.tar.gz');
    await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
    // The command names busybox as its helper image; the test engine has no registry, so it gets the test image under that name.
    await docker.getImage(TEST_IMAGE).tag({ repo: 'busybox', tag: 'latest' });
    try {
      await runInVolume(docker, name, 'echo hello > /data/a.txt && mkdir -p /data/sub/deep && echo "two words" > /data/sub/deep/b.txt && ln -s a.txt /data/link');
      const expected = await volumeManifest(docker, name);
      await openApp(page, webHost);
      await page.goto(`${webHost.origin}/#volumes/${name}/backup`);
      await page.getByLabel('Save the backup as').fill(destination);
      const backupCommand = (await hint(page).filter({ hasText: 'tar czf' }).textContent())!;
      expect(backupCommand).toBe(`docker run --rm -v ${name}:/data:ro -v ${quoteShellWord(`${folder}:/backup`)} busybox tar czf '/backup/volume backup.tar.gz' -C /data .`);
      await page.getByRole('button', { name: 'Back up', exact: true }).click();
      await expect(page.getByTestId('backup-done')).toBeVisible();

      // The UI's archive aside; the command writes its own at the same path.
      const fromUi = path.join(folder, 'from-ui.tar.gz');
      fs.renameSync(destination, fromUi);
      await shell(backupCommand);
      expect(fs.existsSync(destination)).toBe(true);
      expect(await archiveFiles(destination)).toEqual(await archiveFiles(fromUi));

      // And the command's archive, restored by the restore command into a new volume, gives the same files.
      const restoreCommand = `${volumeCreate({ name: restored })} && ${volumeRestore(restored, splitHostPath(destination))}`;
      await shell(restoreCommand);
      expect(await volumeManifest(docker, restored)).toBe(expected);
    } finally {
      await docker.getImage('busybox:latest').remove().catch(() => undefined);
      for (const volume of [name, restored]) await docker.getVolume(volume).remove().catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The regular files, folders and links of a .tar.gz, with file contents, as a sorted list ("./a" and "a" alike). */
async function archiveFiles(file: string): Promise<string[]> {
  const extract = tar.extract();
  const found: string[] = [];
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      const name = header.name.replace(/^\.\//, '').replace(/\/$/, '');
      if (name && name !== '.') found.push(`${header.type} ${name} ${header.linkname ?? ''} ${Buffer.concat(chunks).toString('base64')}`);
      next();
    });
  });
  await pipeline(fs.createReadStream(file), createGunzip(), extract);
  return found.sort();
}

test('the log says what really happened: quick run\'s chosen host ports, and a settings change as the commands that repeat it', async ({ page, docker }) => {
  const started = await startHostFor(process.env.DOCKER_HOST!);
  const name = uniqueName('recreated');
  const container = await createTestContainer(docker, { name, Cmd: STOPS_AT_ONCE, Env: ['KEEP=1'] });
  await container.start();
  let quick: string | undefined;
  try {
    await openApp(page, started.host);
    // Quick run from the run form: the image exposes 8080.
    await page.goto(`${started.host.origin}/#containers/~run/${encodeURIComponent(TEST_IMAGE)}`);
    await page.getByRole('button', { name: 'Quick run' }).click();
    await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();
    quick = decodeURIComponent(page.url().split('#containers/')[1].split('/')[0]);
    const info = await docker.getContainer(quick).inspect();
    const hostPort = info.NetworkSettings.Ports['8080/tcp']![0].HostPort;
    await page.getByRole('button', { name: 'Activity (1)' }).click();
    await expect(page.getByTestId('activity-entry').first().locator('code')).toHaveText(
      `docker run -d --name ${info.Name.slice(1)} -p 127.0.0.1:${hostPort}:8080 ${TEST_IMAGE}`,
    );
    await page.getByRole('button', { name: 'Close' }).click();

    // A settings change recreates the container: logged as create, rename, stop, start and rm.
    await page.goto(`${started.host.origin}/#containers/${container.id}/settings`);
    await page.getByRole('button', { name: '+ Add a variable' }).click();
    const env = page.getByRole('group', { name: 'Environment variables' });
    await env.getByLabel('Name').last().fill('MODE');
    await env.getByLabel('Value').last().fill('two words');
    await page.getByRole('button', { name: 'Apply by making a new container…' }).click();
    await page.getByRole('dialog', { name: `Make a new ${name}?` }).getByRole('button', { name: `Make a new ${name}` }).click();
    await expect(page.getByRole('tab', { name: 'Summary', selected: true })).toBeVisible();
    await page.getByRole('button', { name: 'Activity (2)' }).click();
    const logged = (await page.getByTestId('activity-entry').nth(1).locator('code').textContent())!;
    expect(logged.split(' && \\\n  ')).toEqual([
      `docker create --name ${name}-cais-new -e KEEP=1 -e 'MODE=two words' --label ${TEST_LABEL}=1 ${TEST_IMAGE} sh -c 'trap "exit 0" TERM; sleep 600 & wait'`,
      `docker rename ${name} ${name}-old`,
      `docker rename ${name}-cais-new ${name}`,
      `docker stop ${name}-old`,
      `docker start ${name}`,
      `docker rm ${name}-old`,
    ]);
    await checkAndShoot(page, 'activity-recreate-en');

    // Run on a fresh copy of the old container, the commands give the same new one.
    const fromUi = await docker.getContainer(name).inspect();
    await docker.getContainer(name).remove({ force: true });
    const fresh = await createTestContainer(docker, { name, Cmd: STOPS_AT_ONCE, Env: ['KEEP=1'] });
    await fresh.start();
    await shell(logged);
    const fromCli = await docker.getContainer(name).inspect();
    expect(fromCli.Id).not.toBe(fresh.id);
    // The same variables; their order in the list is the engine's business.
    expect({ env: fromCli.Config.Env.toSorted(), cmd: fromCli.Config.Cmd, running: fromCli.State.Running }).toEqual({
      env: fromUi.Config.Env.toSorted(),
      cmd: fromUi.Config.Cmd,
      running: fromUi.State.Running,
    });
    await expect(docker.getContainer(`${name}-old`).inspect()).rejects.toThrow();
  } finally {
    for (const left of [name, `${name}-old`, `${name}-cais-new`, quick ?? '']) if (left) await docker.getContainer(left).remove({ force: true }).catch(() => undefined);
    await started.close();
  }
});

test('command hints beside actions, in both languages: screenshots and no serious axe violation', async ({ page, webHost, docker }) => {
  const name = uniqueName('shots');
  const volume = uniqueName('shotvol');
  const container = await createTestContainer(docker, { name, Cmd: STOPS_AT_ONCE });
  await container.start();
  await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
  const base = `${webHost.origin}/`;
  try {
    for (const language of ['en', 'pt-BR'] as const) {
      await openApp(page, webHost, language);
      await page.evaluate((lang) => localStorage.setItem('cais.language', lang), language);
      await page.goto(`${base}#containers`);
      await page.reload();
      await containerRow(page, name).getByRole('button', { name: language === 'en' ? `More actions for ${name}` : new RegExp(name) }).last().click();
      await expect(page.getByRole('menu')).toBeVisible();
      await checkAndShoot(page, `command-menu-${language}`);
      await page.keyboard.press('Escape');
      await page.goto(`${base}#containers/${container.id}/settings`);
      await expect(hint(page).first()).toBeVisible();
      await checkAndShoot(page, `command-settings-${language}`);
      await page.goto(`${base}#volumes/${volume}/backup`);
      await expect(hint(page).first()).toBeVisible();
      await checkAndShoot(page, `command-backup-${language}`);
    }
  } finally {
    await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
    await container.remove({ force: true });
    await docker.getVolume(volume).remove();
  }
});
