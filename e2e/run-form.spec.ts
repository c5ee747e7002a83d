import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type Docker from 'dockerode';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { clippedOptions } from './support/clipped-options';

const sh = promisify(execFile);

async function openRunForm(page: Page, webHost: Parameters<typeof openApp>[1], image = ''): Promise<void> {
  await openApp(page, webHost);
  await page.getByRole('link', { name: 'Run a container…' }).click();
  await expect(page.getByRole('heading', { name: 'Run a container' })).toBeVisible();
  if (image) await page.getByLabel('Image', { exact: true }).fill(image);
}

async function addRow(page: Page, group: string, button: string): Promise<import('@playwright/test').Locator> {
  await page.getByRole('button', { name: `+ ${button}` }).click();
  return page.getByRole('group', { name: group });
}

async function containerCount(docker: Docker): Promise<number> {
  return (await docker.listContainers({ all: true })).length;
}

/** The fields a user set, read back from docker inspect, in a comparable shape. */
async function settingsOf(docker: Docker, id: string) {
  const info = await docker.getContainer(id).inspect();
  return {
    image: info.Config.Image,
    cmd: info.Config.Cmd,
    env: info.Config.Env.filter((e) => e.startsWith('GREETING=') || e.startsWith('SPACED=')).sort(),
    label: info.Config.Labels['team'],
    ports: Object.entries(info.HostConfig.PortBindings ?? {}).map(([port, bindings]) => `${(bindings as { HostIp: string }[])[0].HostIp}->${port}`),
    mounts: info.Mounts.map((m) => `${m.Type}:${m.Name ?? m.Source}:${m.Destination}:${m.RW ? 'rw' : 'ro'}`).sort(),
    restart: info.HostConfig.RestartPolicy?.Name,
    nanoCpus: info.HostConfig.NanoCpus,
    memory: info.HostConfig.Memory,
  };
}

test.describe('run a container', () => {
  test('quick run: a free name, the exposed port on 127.0.0.1, started, logs shown', async ({ page, webHost, docker }) => {
    await openRunForm(page, webHost, TEST_IMAGE);
    await page.getByRole('button', { name: 'Quick run' }).click();
    await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();
    const id = decodeURIComponent(page.url().split('#containers/')[1].split('/')[0]);
    const info = await docker.getContainer(id).inspect();
    expect(info.State.Running).toBe(true);
    expect(info.Name).toMatch(/^\/busybox(-\d+)?$/);
    expect(info.HostConfig.PortBindings?.['8080/tcp']?.[0].HostIp).toBe('127.0.0.1');
    await docker.getContainer(id).remove({ force: true });
  });

  test('the form creates what it shows, and its docker run command does the same', async ({ page, webHost, docker }) => {
    const volume = uniqueName('formvol');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    await openRunForm(page, webHost, TEST_IMAGE);
    await page.getByLabel('Command', { exact: true }).fill("sh -c 'echo started; sleep 300'");

    const ports = await addRow(page, 'Ports', 'Add a port');
    await ports.getByLabel('Container port').fill('8080');
    await expect(ports.getByText('127.0.0.1: only this computer can connect.')).toBeVisible();

    const env = await addRow(page, 'Environment variables', 'Add a variable');
    await env.getByLabel('Name').fill('GREETING');
    await env.getByLabel('Value').fill('olá mundo');

    const mounts = await addRow(page, 'Storage', 'Add storage');
    await mounts.getByLabel('Volume name').fill(volume);
    await mounts.getByLabel('Path inside the container').fill('/data');
    await mounts.getByLabel('Read-only').check();

    await page.getByLabel('Restart policy').selectOption('unless-stopped');
    await page.getByLabel('CPUs').fill('0.5');
    await page.getByLabel('Memory limit').fill('64');
    const labels = await addRow(page, 'Labels', 'Add a label');
    await labels.getByLabel('Key').fill(TEST_LABEL);
    await labels.getByLabel('Value').fill('1');
    const team = await addRow(page, 'Labels', 'Add a label');
    await team.getByLabel('Key').nth(1).fill('team');
    await team.getByLabel('Value').nth(1).fill('blue');

    const preview = page.getByTestId('docker-run-preview').getByTestId('command-hint');
    await expect(preview).toContainText(`-p 127.0.0.1::8080 -e 'GREETING=olá mundo' --mount type=volume,source=${volume},target=/data,readonly --restart unless-stopped --cpus 0.5 --memory 64m`);
    const command = (await preview.textContent())!;

    const before = await containerCount(docker);
    await page.getByRole('button', { name: 'Create and start' }).click();
    await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();
    await expect(page.getByRole('log')).toContainText('started');
    const fromForm = decodeURIComponent(page.url().split('#containers/')[1].split('/')[0]);
    expect(await containerCount(docker)).toBe(before + 1);

    // The shown command, run in a shell, makes an equivalent container.
    const { stdout } = await sh('sh', ['-c', command], { env: process.env });
    const fromCli = stdout.trim();
    const expected = {
      image: TEST_IMAGE,
      cmd: ['sh', '-c', 'echo started; sleep 300'],
      env: ['GREETING=olá mundo'],
      label: 'blue',
      ports: ['127.0.0.1->8080/tcp'],
      mounts: [`volume:${volume}:/data:ro`],
      restart: 'unless-stopped',
      nanoCpus: 500_000_000,
      memory: 64 * 1024 * 1024,
    };
    expect(await settingsOf(docker, fromForm)).toEqual(expected);
    expect(await settingsOf(docker, fromCli)).toEqual(expected);
    await docker.getContainer(fromForm).remove({ force: true });
    await docker.getContainer(fromCli).remove({ force: true });
  });

  test('pasting a docker run command fills the form and names what it left out', async ({ page, webHost }) => {
    await openRunForm(page, webHost);
    await page.getByLabel('Paste a docker run command').fill(
      `docker run -d --rm --privileged --name pasted-web -p 127.0.0.1:18080:8080 -e MODE=dev -v cache:/cache --restart always -m 128m ${TEST_IMAGE} httpd -f -p 8080`,
    );
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await expect(page.getByText('Filled, but these flags are not in the form and were left out: --rm, --privileged')).toBeVisible();
    await expect(page.getByLabel('Image', { exact: true })).toHaveValue(TEST_IMAGE);
    await expect(page.getByLabel('Name', { exact: true }).first()).toHaveValue('pasted-web');
    await expect(page.getByLabel('Command', { exact: true })).toHaveValue('httpd -f -p 8080');
    await expect(page.getByRole('group', { name: 'Ports' }).getByLabel('Host port')).toHaveValue('18080');
    await expect(page.getByRole('group', { name: 'Environment variables' }).getByLabel('Value')).toHaveValue('dev');
    await expect(page.getByLabel('Memory limit')).toHaveValue('128');
    await expect(page.getByLabel('Restart policy')).toHaveValue('always');
  });

  test('bad input is explained as you type and nothing reaches the engine', async ({ page, webHost, docker }) => {
    const taken = uniqueName('taken');
    await docker.createContainer({ Image: TEST_IMAGE, name: taken, Labels: { [TEST_LABEL]: '1' } });
    const busy = await docker.createContainer({
      Image: TEST_IMAGE,
      name: uniqueName('busy'),
      Labels: { [TEST_LABEL]: '1' },
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await busy.start();
    const busyPort = (await busy.inspect()).NetworkSettings.Ports['8080/tcp'][0].HostPort;
    const before = await containerCount(docker);
    await openRunForm(page, webHost, TEST_IMAGE);
    const submit = page.getByRole('button', { name: 'Create and start' });

    await page.getByLabel('Name', { exact: true }).fill('no way!');
    await expect(page.getByText('Start with a letter or digit; then use only letters, digits, _ . and -.')).toBeVisible();
    await expect(submit).toBeDisabled();
    await page.getByLabel('Name', { exact: true }).fill(taken);
    await expect(page.getByText('Another container already has this name.')).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('');

    const ports = await addRow(page, 'Ports', 'Add a port');
    await ports.getByLabel('Container port').fill('70000');
    await expect(ports.getByText('A port is a number from 1 to 65535.')).toBeVisible();
    await ports.getByLabel('Container port').fill('8080');
    await ports.getByLabel('Host port').fill(busyPort);
    await expect(ports.getByText('Another container already publishes this port.')).toBeVisible();
    await ports.getByLabel('Host port').fill('');

    const env = await addRow(page, 'Environment variables', 'Add a variable');
    await env.getByLabel('Name').fill('BAD KEY');
    await expect(env.getByText('Names cannot contain = or spaces.')).toBeVisible();
    await env.getByLabel('Name').fill('GOOD');

    await page.getByLabel('Memory limit').fill('2');
    await expect(page.getByText('The engine needs at least 6 MiB.')).toBeVisible();
    await expect(submit).toBeDisabled();
    await page.getByLabel('Memory limit').fill('');
    await expect(submit).toBeEnabled();

    await page.getByLabel('Image', { exact: true }).fill('cais-test/not-here:1');
    await expect(page.getByText('That image is not on this machine. Pull it first.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pull cais-test/not-here:1 now' })).toBeVisible();
    await submit.click();
    await expect(page.getByRole('alert').filter({ hasText: 'That image is not on this machine' })).toHaveCount(2);
    expect(await containerCount(docker)).toBe(before);
  });

  test('a host port taken outside the engine: a clear sentence, nothing left half-created', async ({ page, webHost, docker }) => {
    // A listener the engine does not know as a published port: httpd on the host network.
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const squatter = await docker.createContainer({
      Image: TEST_IMAGE,
      name: uniqueName('squatter'),
      Labels: { [TEST_LABEL]: '1' },
      Cmd: ['httpd', '-f', '-p', `127.0.0.1:${port}`],
      HostConfig: { NetworkMode: 'host' },
    });
    await squatter.start();
    const before = await containerCount(docker);
    await openRunForm(page, webHost, TEST_IMAGE);
    const ports = await addRow(page, 'Ports', 'Add a port');
    await ports.getByLabel('Container port').fill('8080');
    await ports.getByLabel('Host port').fill(port);
    await page.getByRole('button', { name: 'Create and start' }).click();
    await expect(page.getByRole('alert')).toContainText('That host port is already in use by another program or container.');
    expect(await containerCount(docker)).toBe(before);
  });
});

test.describe('run from an image', () => {
  test('the image screen runs it with one click, or opens the form with the image filled in', async ({ page, webHost, docker }) => {
    const openImage = async () => {
      await page.getByRole('link', { name: 'Images' }).click();
      await page.getByLabel('Filter').fill(TEST_IMAGE);
      await page
        .locator(`[data-testid="image-row"][data-reference="${TEST_IMAGE}"]`)
        .getByRole('button', { name: `Details of ${TEST_IMAGE}` })
        .click();
    };
    await openApp(page, webHost);
    await openImage();
    await page.getByRole('button', { name: 'Run with options…' }).click();
    await expect(page.getByRole('heading', { name: 'Run a container' })).toBeVisible();
    await expect(page.getByLabel('Image', { exact: true })).toHaveValue(TEST_IMAGE);
    await openImage();
    await page.getByRole('button', { name: 'Quick run' }).click();
    await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();
    const id = decodeURIComponent(page.url().split('#containers/')[1].split('/')[0]);
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    await docker.getContainer(id).remove({ force: true });
  });
});

test.describe('an image that is not here yet', () => {
  test('the run form offers to pull it, then runs it', async ({ page, webHost, docker }) => {
    const { startRegistry } = await import('./support/registry');
    const { pushTo, removeQuietly } = await import('./support/image-fixtures');
    const registry = await startRegistry();
    const reference = `${registry.address}/cais-test/runpull:1`;
    try {
      await docker.getImage(TEST_IMAGE).tag({ repo: `${registry.address}/cais-test/runpull`, tag: '1' });
      await pushTo(docker, reference, registry.address);
      await removeQuietly(docker, reference);

      await openRunForm(page, webHost, reference);
      await expect(page.getByText('That image is not on this machine. Pull it first.')).toBeVisible();
      await page.getByRole('button', { name: `Pull ${reference} now` }).click();
      await expect(page.getByRole('button', { name: '+ 8080/tcp' })).toBeVisible({ timeout: 30_000 });
      expect((await docker.getImage(reference).inspect()).RepoTags).toContain(reference);
      await page.getByRole('button', { name: 'Create and start' }).click();
      await expect(page.getByRole('tab', { name: 'Logs', selected: true })).toBeVisible();
      const id = decodeURIComponent(page.url().split('#containers/')[1].split('/')[0]);
      expect((await docker.getContainer(id).inspect()).Config.Image).toBe(reference);
      await docker.getContainer(id).remove({ force: true });
    } finally {
      await removeQuietly(docker, reference);
      await registry.stop();
    }
  });
});

for (const [language, open, image, hint, missing] of [
  ['en', 'Run a container…', 'Image', 'For example busybox', 'Type the image to run.'],
  ['pt-BR', 'Rodar um contêiner…', 'Imagem', 'Por exemplo busybox', 'Digite a imagem a rodar.'],
] as const) {
  test(`an empty form says nothing is wrong until the image field was left empty (${language})`, async ({ page, webHost }) => {
    await openApp(page, webHost, language);
    await page.getByRole('link', { name: open }).click();
    const field = page.getByLabel(image, { exact: true });
    const note = page.locator('#run-image-note');
    await expect(field).toBeVisible();
    await expect(note).toContainText(hint);
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await field.focus();
    await page.keyboard.press('Tab');
    await expect(note).toHaveText(missing);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  });
}

for (const [language, open, importEnv, variables] of [
  ['en', 'Run a container…', 'Import a .env file…', 'Environment variables'],
  ['pt-BR', 'Rodar um contêiner…', 'Importar um arquivo .env…', 'Variáveis de ambiente'],
] as const) {
  test(`the .env import is a button in the page's language, reachable by keyboard (${language})`, async ({ page, webHost }) => {
    await openApp(page, webHost, language);
    await page.getByRole('link', { name: open }).click();
    // The translated text is what shows; the browser's English "Choose File" is hidden with its input.
    await expect(page.getByText(importEnv, { exact: true })).toBeVisible();
    const input = page.getByLabel(importEnv, { exact: true });
    await expect(input).toHaveAttribute('type', 'file');
    expect(await input.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await input.focus();
    await expect(input).toBeFocused();
    await input.setInputFiles({ name: 'app.env', mimeType: 'text/plain', buffer: Buffer.from('GREETING=olá\n') });
    await expect(page.getByRole('group', { name: variables }).locator('input').first()).toHaveValue('GREETING');
  });
}

for (const [language, open, addPort, addMount] of [
  ['en', 'Run a container…', 'Add a port', 'Add storage'],
  ['pt-BR', 'Rodar um contêiner…', 'Adicionar uma porta', 'Adicionar armazenamento'],
] as const) {
  test(`every select of the run form shows its longest choice whole at the default window size (${language})`, async ({ page, webHost }) => {
    await openApp(page, webHost, language);
    await page.getByRole('link', { name: open }).click();
    await page.getByRole('button', { name: `+ ${addPort}` }).click();
    await page.getByRole('button', { name: `+ ${addMount}` }).click();
    const selects = page.locator('form select');
    await expect(selects).toHaveCount(3);
    // Each option's text, in the select's own font, plus its padding and arrow, against its width.
    const clipped = await clippedOptions(selects);
    expect(clipped).toEqual([]);
  });
}
