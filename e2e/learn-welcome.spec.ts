import { spawn, spawnSync } from 'node:child_process';
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

const WEB_JS = path.resolve(import.meta.dirname, '../out/main/web.js');

/** Why the web host cannot run as nobody here, if it cannot. */
function nobodyUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to run the web host as another user (runuser -u nobody)';
  const readable = spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', WEB_JS]).status === 0;
  return readable ? undefined : `the user nobody cannot read ${WEB_JS} (a parent folder is private)`;
}

/** `npm run web` as the unprivileged user nobody; resolves with the address it prints. */
function startWebAsNobody(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const webJs = WEB_JS;
  const child = spawn('runuser', ['-u', 'nobody', '--', process.execPath, webJs, '--port', '0'], { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(output)?.[1];
      // Stopping waits for the exit: the host writes its log into the data folder until then.
      const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
      if (url) resolve({ url, stop });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
}

test.describe('welcome without an engine', () => {
  test('a socket the user may not open: "permission denied", with the docker group', async ({ page }) => {
    const unavailable = nobodyUnavailable();
    if (unavailable) console.log(`SKIPPED permission-denied welcome: ${unavailable}`);
    test.skip(unavailable !== undefined, unavailable);
    // A real engine-like socket that only root may open, as /var/run/docker.sock is for a user outside the docker group.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-denied-'));
    fs.chmodSync(dir, 0o755);
    const socket = path.join(dir, 'docker.sock');
    const server = net.createServer((connection) => connection.destroy());
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    fs.chmodSync(socket, 0o600);
    const data = path.join(dir, 'data');
    fs.mkdirSync(data, { mode: 0o777 });
    fs.chmodSync(data, 0o777);
    const web = await startWebAsNobody({ DOCKER_HOST: `unix://${socket}`, CAIS_DATA_DIR: data });
    try {
      for (const [language, sentence, advice] of [
        ['en', 'The engine is running, but your user may not use its socket.', 'sudo usermod -aG docker $USER'],
        ['pt-BR', 'O engine está rodando, mas seu usuário não pode usar o socket dele.', 'Entre no grupo docker'],
      ] as const) {
        await page.goto(web.url);
        await page.evaluate((lang) => localStorage.setItem('cais.language', lang), language);
        await page.reload();
        await expect(page.getByTestId('offline-trouble')).toHaveAttribute('data-trouble', 'permission-denied');
        await expect(page.getByText(sentence)).toBeVisible();
        await expect(page.getByTestId('offline-advice')).toContainText(advice);
        await checkAndShoot(page, `welcome-permission-denied-${language}`);
      }
    } finally {
      await web.stop();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

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
