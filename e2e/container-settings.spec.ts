import type { Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { clippedOptions } from './support/clipped-options';

async function openSettings(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#containers/${id}/settings`);
  await expect(page.getByRole('heading', { name: 'Limits and restart policy' })).toBeVisible();
}

async function execOutput(container: import('dockerode').Container, cmd: string[]): Promise<string> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString().trim();
}

test.describe('changing a container', () => {
  test('limits and restart policy change in place, on the same container', async ({ page, webHost, docker }) => {
    const container = await docker.createContainer({ Image: TEST_IMAGE, name: uniqueName('limits'), Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    await openApp(page, webHost);
    await openSettings(page, container.id);
    await page.getByRole('combobox', { name: 'Restart policy' }).selectOption('always');
    await page.getByLabel('CPUs').fill('0.5');
    await page.getByLabel('Memory limit').fill('3');
    await expect(page.getByText('The engine needs at least 6 MiB.')).toBeVisible();
    await page.getByLabel('Memory limit').fill('128');
    // The swap limit moves with the memory limit, in the button and in the command alike.
    await expect(page.getByText(/docker update --cpus 0.5 --memory 128m --memory-swap 256m --restart always/)).toBeVisible();
    await page.getByRole('button', { name: 'Apply to this container' }).click();
    await expect(page.getByText('Updated.')).toBeVisible();
    const info = await container.inspect();
    expect(info.HostConfig.Memory).toBe(128 * 1024 * 1024);
    expect(info.HostConfig.MemorySwap).toBe(256 * 1024 * 1024);
    expect(info.HostConfig.NanoCpus).toBe(500_000_000);
    expect(info.HostConfig.RestartPolicy?.Name).toBe('always');
    expect(info.State.Running).toBe(true);
    // The engine cannot take a limit away in place: emptying the field says so instead of pretending.
    await page.getByLabel('Memory limit').fill('');
    await expect(page.getByText("An existing container's limit can be changed but not removed.", { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply to this container' })).toBeDisabled();
    await expect(page.getByText(/docker update --cpus 0.5 --restart always/)).toBeVisible();
  });

  test('pt-BR: CPUs and memory take a decimal comma, in the run form and the Settings tab', async ({ page, webHost, docker }) => {
    await openApp(page, webHost, 'pt-BR');
    await page.getByRole('link', { name: 'Rodar um contêiner…' }).click();
    await page.getByLabel('Imagem', { exact: true }).fill(TEST_IMAGE);
    await expect(page.locator('#run-cpus-note')).toContainText('Por exemplo 0,5 para meia CPU.');
    await page.getByLabel('CPUs').fill('0,5');
    await page.getByLabel('Limite de memória').fill('1,5g');
    await expect(page.locator('#run-cpus')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#run-memory')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('docker-run-preview').getByTestId('command-hint')).toContainText('--cpus 0.5 --memory 1536m');

    const container = await docker.createContainer({ Image: TEST_IMAGE, name: uniqueName('virgula'), Labels: { [TEST_LABEL]: '1' }, HostConfig: { NanoCpus: 250_000_000 } });
    await container.start();
    await page.goto(page.url().replace(/#.*$/, '') + `#containers/${container.id}/settings`);
    await expect(page.getByRole('heading', { name: 'Limites e política de reinício' })).toBeVisible();
    // The engine's 0.25 is shown as a pt-BR reader writes it.
    await expect(page.getByLabel('CPUs')).toHaveValue('0,25');
    // The restart policy's longest pt-BR choice shows whole.
    const restart = page.getByRole('combobox', { name: 'Política de reinício' });
    const clipped = await clippedOptions(restart);
    expect(clipped).toEqual([]);
    await page.getByLabel('CPUs').fill('0,5');
    await expect(page.getByText(/docker update --cpus 0.5 /)).toBeVisible();
    await page.getByRole('button', { name: 'Aplicar neste contêiner' }).click();
    await expect(page.getByText('Atualizado.')).toBeVisible();
    expect((await container.inspect()).HostConfig.NanoCpus).toBe(500_000_000);
  });

  test('env, ports and storage: a new container, saying so first, with the data, command and labels kept', async ({ page, webHost, docker }) => {
    const name = uniqueName('recreate');
    const volume = uniqueName('keep');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Labels: { [TEST_LABEL]: '1', team: 'blue' },
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; echo custom command; while :; do sleep 1 & wait $!; done"],
      HostConfig: { Binds: [`${volume}:/data`] },
    });
    await container.start();
    await execOutput(container, ['sh', '-c', 'echo precious > /data/file.txt']);
    await openApp(page, webHost);
    await openSettings(page, container.id);

    await page.getByRole('button', { name: '+ Add a variable' }).click();
    const env = page.getByRole('group', { name: 'Environment variables' });
    await env.getByLabel('Name').last().fill('MODE');
    await env.getByLabel('Value').last().fill('production');
    await page.getByRole('button', { name: '+ Add a port' }).click();
    await page.getByRole('group', { name: 'Ports' }).getByLabel('Container port').fill('8080');

    await page.getByRole('button', { name: 'Apply by making a new container…' }).click();
    const dialog = page.getByRole('dialog', { name: `Make a new ${name}?` });
    await expect(dialog.getByText('Every volume and folder stays attached, with its data.')).toBeVisible();
    await expect(dialog.getByText(/will not be in the new container/)).toBeVisible();
    // Before anything happens, the steps in docker words, with the new settings and everything kept.
    const steps = dialog.getByTestId('command-hint');
    await expect(steps).toContainText(`docker create --name ${name}-cais-new`);
    await expect(steps).toContainText('-e MODE=production');
    await expect(steps).toContainText(`-v ${volume}:/data`);
    await expect(steps).toContainText('--label team=blue');
    await expect(steps).toContainText(`docker rename ${name} ${name}-old`);
    await expect(steps).toContainText(`docker rm ${name}-old`);
    await checkAndShoot(page, 'command-recreate-confirm-en');
    await dialog.getByRole('button', { name: `Make a new ${name}` }).click();
    await expect(page.getByRole('tab', { name: 'Summary', selected: true })).toBeVisible();

    const renewed = docker.getContainer(name);
    const info = await renewed.inspect();
    expect(info.Id).not.toBe(container.id);
    expect(info.State.Running).toBe(true);
    expect(info.Config.Env).toContain('MODE=production');
    expect(info.Config.Cmd).toEqual(['sh', '-c', "trap 'exit 0' TERM; echo custom command; while :; do sleep 1 & wait $!; done"]);
    expect(info.Config.Labels.team).toBe('blue');
    expect(info.HostConfig.PortBindings?.['8080/tcp']?.[0].HostIp).toBe('127.0.0.1');
    expect(await execOutput(renewed, ['cat', '/data/file.txt'])).toBe('precious');
    await expect(container.inspect()).rejects.toThrow(/no such container/i);
  });

  test('a failed change leaves the old container running under its name, and no extra container', async ({ page, webHost, docker }) => {
    const name = uniqueName('keepold');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const squatter = await docker.createContainer({
      Image: TEST_IMAGE,
      name: uniqueName('squat'),
      Labels: { [TEST_LABEL]: '1' },
      Cmd: ['httpd', '-f', '-p', `127.0.0.1:${port}`],
      HostConfig: { NetworkMode: 'host' },
    });
    await squatter.start();
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    const before = (await docker.listContainers({ all: true })).length;
    await openApp(page, webHost);
    await openSettings(page, container.id);
    await page.getByRole('button', { name: '+ Add a port' }).click();
    const ports = page.getByRole('group', { name: 'Ports' });
    await ports.getByLabel('Container port').fill('8080');
    await ports.getByLabel('Host port').fill(port);
    await page.getByRole('button', { name: 'Apply by making a new container…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: `Make a new ${name}` }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('That host port is already in use');
    const info = await docker.getContainer(name).inspect();
    expect(info.Id).toBe(container.id);
    expect(info.State.Running).toBe(true);
    expect((await docker.listContainers({ all: true })).length).toBe(before);
  });
});
