import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { FILL_SCRIPT, runInVolume, volumeManifest } from './support/volume-manifest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-vol-'));
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function labelledVolume(docker: import('dockerode'), prefix = 'vol'): Promise<string> {
  const name = uniqueName(prefix);
  await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
  return name;
}

async function openVolume(page: Page, webHost: Parameters<typeof openApp>[1], name: string, tab = 'files'): Promise<void> {
  await openApp(page, webHost);
  await page.goto(`${webHost.origin}/#volumes/${name}/${tab}`);
  await expect(page.getByRole('heading', { name: `Volume ${name}`, level: 1 })).toBeVisible();
}

const row = (page: Page, name: string) => page.locator(`[data-testid="volume-row"][data-name="${name}"]`);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.describe('volumes', () => {
  test('create a volume, write to it from one container, remove that container, find the file from another', async ({ page, webHost, docker }) => {
    await openApp(page, webHost);
    await page.getByRole('link', { name: 'Volumes' }).click();
    await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'New volume' }).click();
    const nameField = page.getByLabel('Name', { exact: true });
    await nameField.fill('my data');
    await expect(page.getByText('Use only letters, digits and _ . - (no spaces, no accents).')).toBeVisible();
    await nameField.fill('-data');
    await expect(page.getByText('Start with a letter or a digit.')).toBeVisible();
    const name = uniqueName('journey');
    await nameField.fill(name);
    await expect(page.getByText(`docker volume create ${name}`)).toBeVisible();
    await page.getByLabel('Labels (one key=value per line)').fill(`${TEST_LABEL}=1`);
    await page.getByRole('button', { name: 'Create volume' }).click();
    await page.getByLabel('Search').fill(name);
    await expect(row(page, name)).toContainText('Not used by any container');
    expect((await docker.getVolume(name).inspect()).Labels).toEqual({ [TEST_LABEL]: '1' });

    // A taken name is refused as you type.
    await page.getByRole('button', { name: 'New volume' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await expect(page.getByText(`A volume named ${name} already exists.`)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A new container with the volume writes a file by its command.
    await row(page, name).getByRole('link', { name: `Open ${name}` }).click();
    await page.getByRole('tab', { name: 'Attach to a container' }).click();
    const writer = uniqueName('writer');
    await page.getByLabel('Image').selectOption(TEST_IMAGE);
    await page.getByLabel('Container name (optional)').fill(writer);
    await page.getByLabel('Command (optional)').fill('sh -c "echo hello from cais > /data/hello.txt"');
    await expect(page.getByText(`docker run -d --name ${writer} -v ${name}:/data ${TEST_IMAGE} sh -c`)).toBeVisible();
    await page.getByRole('button', { name: 'Create and start' }).click();
    // The command exits at once: the message says so, not "running".
    await expect(page.getByTestId('run-done')).toContainText(`${writer} started and has already stopped (exit code 0).`);
    expect((await docker.getContainer(writer).inspect()).State.Status).toBe('exited');

    // Removing the container keeps the volume and its data.
    await dockerCli('rm', writer);
    await page.getByRole('link', { name: 'All volumes' }).click();
    await page.getByLabel('Search').fill(name);
    await expect(row(page, name)).toContainText('Not used by any container');

    // Another container, which never declared /mnt/data, gets the volume by safe recreate.
    const reader = uniqueName('reader');
    const original = await docker.createContainer({ Image: TEST_IMAGE, name: reader, Labels: { [TEST_LABEL]: '1' }, Env: ['KEEP=me'] });
    await row(page, name).getByRole('link', { name: `Open ${name}` }).click();
    await page.getByRole('tab', { name: 'Attach to a container' }).click();
    await page.getByTestId('attach-container').selectOption({ label: `${reader} (created)` });
    await page.getByLabel('Path inside the container').nth(1).fill('/mnt/data');
    await page.getByLabel('Read-only').nth(1).check();
    await expect(page.getByTestId('mount-help').nth(1)).toContainText(`The data lives in the volume ${name}`);
    // The steps it will take, in docker words, with the container's own settings kept.
    const steps = page.getByTestId('command-hint').filter({ hasText: 'docker create' });
    await expect(steps).toContainText(`docker create --name ${reader}-cais-new`);
    await expect(steps).toContainText('-e KEEP=me');
    await expect(steps).toContainText(`--mount type=volume,source=${name},target=/mnt/data,readonly`);
    await expect(steps).toContainText(`docker rm ${reader}-old`);
    await page.getByRole('button', { name: 'Add to the container' }).click();
    const dialog = page.getByRole('dialog', { name: `Recreate ${reader}?` });
    await expect(dialog).toContainText(`Adds ${name} at /mnt/data.`);
    await dialog.getByRole('button', { name: `Recreate ${reader}` }).click();
    await expect(page.getByTestId('attach-done')).toContainText(`${reader} was recreated.`);
    const recreated = await docker.getContainer(reader).inspect();
    expect(recreated.Id).not.toBe(original.id);
    expect(recreated.Config.Env).toContain('KEEP=me');
    expect(recreated.Mounts).toEqual([expect.objectContaining({ Name: name, Destination: '/mnt/data', RW: false })]);
    const found = await dockerCli('run', '--rm', '--label', `${TEST_LABEL}=1`, '--volumes-from', reader, TEST_IMAGE, 'cat', '/mnt/data/hello.txt');
    expect(found).toBe('hello from cais');
    await page.getByRole('tab', { name: 'Files' }).click();
    await expect(page.locator('[data-testid="file-row"][data-path="hello.txt"]')).toContainText('-rw-r--r--');
  });

  test('browse: tree with sizes, modes and owners, view text, download a file and a folder, upload', async ({ page, webHost, docker }) => {
    const name = await labelledVolume(docker);
    await runInVolume(docker, name, FILL_SCRIPT);
    await openVolume(page, webHost, name);
    const file = (p: string) => page.locator(`[data-testid="file-row"][data-path="${p}"]`);
    await expect(file('link-to-hello')).toContainText('→ docs/hello.txt');
    await expect(file('empty-dir')).toContainText('drwxrwxrwt');
    await page.getByRole('button', { name: 'docs/' }).click();
    await expect(file('docs/hello.txt')).toContainText('1000:1000');
    await expect(file('docs/hello.txt')).toContainText('16 bytes');
    await page.getByRole('button', { name: 'View hello.txt' }).click();
    await expect(page.getByTestId('text-viewer')).toContainText('hello from cais');
    await page.getByRole('button', { name: 'View utf8.txt' }).click();
    await expect(page.getByTestId('text-viewer')).toContainText('línea ação 🚢');

    await page.getByRole('button', { name: 'Download this folder (.tar.gz)' }).click();
    const folderDownload = page.waitForEvent('download');
    await page.getByTestId('download-ready').filter({ hasText: 'Save docs.tar.gz' }).click();
    const folder = await folderDownload;
    expect(folder.suggestedFilename()).toBe('docs.tar.gz');
    const folderBytes = fs.readFileSync((await folder.path())!);
    expect(folderBytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    await page.getByRole('button', { name: `${name}:/` }).click();
    await page.getByRole('button', { name: 'bin/' }).click();
    await page.getByRole('button', { name: 'Download random.bin' }).click();
    const fileDownload = page.waitForEvent('download');
    await page.getByTestId('download-ready').filter({ hasText: 'Save random.bin' }).click();
    const downloaded = await fileDownload;
    expect(downloaded.suggestedFilename()).toBe('random.bin');
    const bytes = fs.readFileSync((await downloaded.path())!);
    expect(bytes.length).toBe(300 * 1024);
    expect(sha256(bytes)).toBe((await runInVolume(docker, name, 'sha256sum /data/bin/random.bin | cut -c1-64')).trim());

    // Upload 1.5 MB: more than one chunk, more than one WebSocket frame.
    const upload = Buffer.alloc(1536 * 1024, 7);
    upload.write('uploaded by the e2e test');
    await page.getByTestId('upload-input').setInputFiles({ name: 'up load.bin', mimeType: 'application/octet-stream', buffer: upload });
    await expect(file('bin/up load.bin')).toContainText('1.6 MB');
    expect((await runInVolume(docker, name, "sha256sum '/data/bin/up load.bin' | cut -c1-64")).trim()).toBe(sha256(upload));
  });

  test('back up, restore into a new volume and clone: every byte, mode, owner and link survives', async ({ page, webHost, docker }) => {
    const name = await labelledVolume(docker);
    await runInVolume(docker, name, FILL_SCRIPT);
    const original = await volumeManifest(docker, name);
    const folder = fs.mkdtempSync(path.join(tmp, 'backup-'));
    const destination = path.join(folder, `${name}.tar.gz`);
    await openVolume(page, webHost, name, 'backup');
    await page.getByLabel('Save the backup as').fill(destination);
    await page.getByRole('button', { name: 'Back up', exact: true }).click();
    await expect(page.getByTestId('backup-done')).toContainText(`Saved ${destination}`);
    expect(fs.readdirSync(folder)).toEqual([`${name}.tar.gz`]);

    const restored = uniqueName('restored');
    await page.getByRole('link', { name: 'All volumes' }).click();
    await page.getByRole('button', { name: 'Restore a backup…' }).click();
    await page.getByLabel('Backup file').setInputFiles(destination);
    await page.getByLabel('New volume name').fill(restored);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByTestId('restore-done')).toContainText(`into ${restored}`);
    expect(await volumeManifest(docker, restored)).toBe(original);

    const cloned = uniqueName('cloned');
    await openVolume(page, webHost, name, 'backup');
    await page.getByLabel('Name of the copy').fill(cloned);
    await page.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect(page.getByTestId('clone-done')).toContainText(`Cloned into ${cloned}`);
    expect(await volumeManifest(docker, cloned)).toBe(original);
    for (const volume of [restored, cloned]) await docker.getVolume(volume).remove();
  });

  test('cancelling a backup leaves no file', async ({ page, webHost, docker }) => {
    const name = await labelledVolume(docker);
    await runInVolume(docker, name, 'dd if=/dev/urandom of=/data/big bs=1M count=400 2>/dev/null');
    const folder = fs.mkdtempSync(path.join(tmp, 'cancel-'));
    await openVolume(page, webHost, name, 'backup');
    await page.getByLabel('Save the backup as').fill(path.join(folder, 'never.tar.gz'));
    await page.getByRole('button', { name: 'Back up', exact: true }).click();
    const progress = page.getByTestId('progress');
    await expect(progress).toContainText('Backing up…');
    await expect(progress).toContainText(/MB so far/);
    expect(fs.readdirSync(folder)).toHaveLength(1); // the hidden temporary file
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('backup-cancelled')).toBeVisible();
    await expect.poll(() => fs.readdirSync(folder)).toEqual([]);
  });

  test('a volume in use is not removed, naming its containers; a free one is, after naming it', async ({ page, webHost, docker }) => {
    const used = await labelledVolume(docker, 'used');
    await runInVolume(docker, used, 'echo precious > /data/keep.txt');
    const container = await createTestContainer(docker, {
      name: uniqueName('user'),
      HostConfig: { Mounts: [{ Type: 'volume', Source: used, Target: '/srv' }] },
    });
    const containerName = (await container.inspect()).Name.slice(1);
    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#volumes`);
    await page.getByLabel('Search').fill(used);
    await expect(row(page, used)).toContainText(containerName);
    await row(page, used).getByRole('button', { name: `Remove ${used}` }).click();
    const refusal = page.getByRole('dialog', { name: `${used} is in use` });
    await expect(refusal).toContainText('this container uses it');
    await expect(refusal.getByRole('listitem')).toHaveText([containerName]);
    // It only tells, so it has one button, not a Cancel and a Close that do the same.
    await expect(refusal.getByRole('button')).toHaveText(['Close']);
    await refusal.getByRole('button', { name: 'Close' }).click();
    expect(await runInVolume(docker, used, 'cat /data/keep.txt')).toBe('precious\n');

    const free = await labelledVolume(docker, 'free');
    await page.getByLabel('Search').fill(free);
    await row(page, free).getByRole('button', { name: `Remove ${free}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove the volume ${free}?` });
    await expect(confirm).toContainText(`docker volume rm ${free}`);
    await confirm.getByRole('button', { name: `Remove ${free} and its files` }).click();
    await expect(row(page, free)).toHaveCount(0);
    await expect(docker.getVolume(free).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('the "used by" column follows containers as they come and go, without a reload', async ({ page, webHost, docker }) => {
    const name = await labelledVolume(docker, 'follow');
    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#volumes`);
    await page.getByLabel('Search').fill(name);
    await expect(row(page, name)).toContainText('Not used by any container');
    const container = await createTestContainer(docker, {
      name: uniqueName('user'),
      HostConfig: { Mounts: [{ Type: 'volume', Source: name, Target: '/srv' }] },
    });
    const containerName = (await container.inspect()).Name.slice(1);
    await expect(row(page, name).getByRole('list', { name: `Containers that use ${name}` })).toContainText(containerName);
    await container.remove({ force: true });
    await expect(row(page, name)).toContainText('Not used by any container');
  });

  test('a file that is not a backup is refused in words and creates nothing', async ({ page, webHost, docker }) => {
    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#volumes`);
    await page.getByRole('button', { name: 'Restore a backup…' }).click();
    await page.getByLabel('Backup file').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('\xff\xd8\xff not a tar at all'.repeat(100)) });
    const target = uniqueName('never');
    await page.getByLabel('New volume name').fill(target);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That file is not a volume backup (.tar.gz). Nothing was written.');
    await expect(docker.getVolume(target).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('prune lists exactly the unused volumes and removes nothing until confirmed', async ({ page, webHost, docker }) => {
    const unused = await labelledVolume(docker, 'unused');
    const used = await labelledVolume(docker, 'inuse');
    await docker.createContainer({ Image: TEST_IMAGE, Labels: { [TEST_LABEL]: '1' }, HostConfig: { Mounts: [{ Type: 'volume', Source: used, Target: '/x' }] } });
    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#volumes`);
    await page.getByRole('button', { name: 'Clean up unused…' }).click();
    const list = page.getByTestId('prune-list');
    await expect(list).toContainText(unused);
    await expect(list).not.toContainText(used);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await docker.getVolume(unused).inspect();
  });
});
