import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot, startHostWithEnv } from './support/learn-fixtures';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe('welcome without an engine', () => {
  test('no socket and no engine program: "not installed", with how to install it', async ({ page }) => {
    const started = await startHostWithEnv({ DOCKER_HOST: 'unix:///nonexistent/cais/docker.sock', PATH: '/nonexistent' });
    try {
      await openApp(page, started.host);
      await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'not-installed');
      await expect(page.getByText('No Docker engine seems to be installed on this computer.')).toBeVisible();
      await expect(page.getByTestId('offline-advice')).toContainText('sudo apt install docker.io');
      await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
      await checkAndShoot(page, 'welcome-not-installed-en');
    } finally {
      await started.close();
    }
  });

  test('docker is installed but its socket refuses: "not running", with how to start it', async ({ page }) => {
    // A plain file where the socket should be refuses connections, as a stale socket does.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-stale-'));
    const socket = path.join(dir, 'docker.sock');
    fs.writeFileSync(socket, '');
    const started = await startHostWithEnv({ DOCKER_HOST: `unix://${socket}` });
    try {
      await openApp(page, started.host, 'pt-BR');
      await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'not-running');
      await expect(page.getByText('Há um engine Docker instalado, mas ele não está rodando.')).toBeVisible();
      await expect(page.getByTestId('offline-advice')).toContainText('sudo systemctl start docker');
      await checkAndShoot(page, 'welcome-not-running-pt-BR');
    } finally {
      await started.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a tcp endpoint on a closed port: "remote unreachable", never "not installed"', async ({ page }) => {
    const port = await closedPort();
    const started = await startHostWithEnv({ DOCKER_HOST: `tcp://127.0.0.1:${port}`, PATH: '/nonexistent' });
    try {
      for (const [language, sentence] of [
        ['en', `The remote engine at 127.0.0.1:${port} does not answer.`],
        ['pt-BR', `O engine remoto em 127.0.0.1:${port} não responde.`],
      ] as const) {
        await openApp(page, started.host, language);
        // The second round finds the first language stored: choose this one explicitly.
        await page.evaluate((lang) => localStorage.setItem('cais.language', lang), language);
        await page.reload();
        await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'remote-unreachable');
        await expect(page.getByText(sentence)).toBeVisible();
        await expect(page.getByTestId('offline-advice')).toContainText('DOCKER_HOST');
        await checkAndShoot(page, `welcome-remote-${language}`);
      }
    } finally {
      await started.close();
    }
  });
});
