import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { bridgePublishedPort, freeLocalPort } from './support/port-bridge';

/** Answers every connection with "recorder" and prints what it received (the raw request) to its log. */
const RECORDER =
  "while :; do printf 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 9\\r\\nConnection: close\\r\\n\\r\\nrecorder\\n' | busybox nc -l -p 8080; echo '-----'; done";

/** Sends raw bytes to 127.0.0.1:port and resolves with the first line of the answer (or '' if it closed silently). */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        resolve(answer.split('\r\n')[0]);
        socket.destroy();
      }
    });
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

/** The recorded requests, as header lists (request line first). */
function recordedRequests(log: string): string[][] {
  return log
    .split('-----')
    .map((block) => block.split(/\r?\n/).filter((line) => line.trim() !== ''))
    .filter((lines) => /^(GET|POST|HEAD) /.test(lines[0] ?? ''));
}

const session = (page: Page) => page.evaluate(() => sessionStorage.getItem('cais.session'));

test('no credential of Cais reaches a container opened from its port link or a terminal link, and what it got opens nothing', async ({ page, context, webHost, docker }) => {
  test.setTimeout(120_000);
  const port = await freeLocalPort();
  const container = await createTestContainer(docker, {
    name: uniqueName('recorder'),
    Cmd: ['sh', '-c', RECORDER],
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } },
  });
  await container.start();
  const unbridge = await bridgePublishedPort(port);
  try {
    // Sign in as the user does: the printed link, once.
    const launch = webHost.launchUrl();
    const launchToken = new URL(launch).hash.replace('#token=', '');
    await page.goto(launch);
    await expect.poll(() => session(page)).not.toBeNull();
    const secret = (await session(page))!;
    expect(secret).not.toBe(launchToken);
    // The address bar, and so history, has no token; nor has the entry before it when we come back.
    expect(page.url()).toBe(`${webHost.origin}/`);
    await page.goBack();
    await page.goForward();
    expect(page.url()).toBe(`${webHost.origin}/`);
    // Reloaded: still signed in (the secret stays in this tab), and no cookie exists at all.
    await page.reload();
    // Named by its text (127.0.0.1:PORT→80/tcp) and described as what it opens.
    const link = page.getByRole('link', { name: new RegExp(`^127\\.0\\.0\\.1:${port}→`) });
    await expect(link).toBeVisible({ timeout: 20_000 });
    expect(await context.cookies()).toEqual([]);

    // 1. Cais' own port link, in the same browser.
    const popup = context.waitForEvent('page');
    await link.click();
    const opened = await popup;
    await expect(opened.locator('body')).toContainText('recorder');
    await opened.close();

    // 2. An OSC 8 link printed in the container's terminal (it asks first).
    await page.goto(`${webHost.origin}/#containers/${container.id}/terminal`);
    const terminal = page.getByTestId('terminal');
    await expect(terminal.locator('.xterm-rows')).toContainText('#');
    await terminal.click();
    await page.keyboard.type(`printf '\\033]8;;http://127.0.0.1:${port}/from-terminal\\033\\\\LINK%s\\033]8;;\\033\\\\\\n' 42\n`);
    const row = terminal.locator('.xterm-rows > div', { hasText: /^LINK42\s*$/ });
    await expect(row).toBeVisible();
    page.once('dialog', (dialog) => void dialog.accept());
    const fromTerminal = context.waitForEvent('page');
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    await page.mouse.click(box.x + 12, box.y + box.height / 2);
    const terminalPage = await fromTerminal;
    await expect(terminalPage.locator('body')).toContainText('recorder');
    await terminalPage.close();

    // What the container received: both visits, and nothing of Cais in them.
    let log = '';
    await expect
      .poll(async () => {
        log = await dockerCli('logs', container.id);
        return /GET \/from-terminal /.test(log) && /GET \/ HTTP/.test(log);
      }, { timeout: 20_000 })
      .toBe(true);
    expect(log).not.toMatch(/^cookie:/im);
    // Not even where it came from: no Referer names the web host (only the recorder's own page, for its favicon).
    expect(log).not.toContain(`:${webHost.port}`);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(launchToken);
    expect(log).not.toMatch(/cais/i);

    // Replaying everything it received against the web host opens nothing.
    const authority = `127.0.0.1:${webHost.port}`;
    for (const [requestLine, ...headers] of recordedRequests(log)) {
      // As received (Host names the container's port): refused.
      expect(await rawExchange(webHost.port, [requestLine, ...headers, '', ''].join('\r\n'))).toMatch(/^HTTP\/1\.1 40[13]/);
      const kept = headers.filter((line) => !/^(host|connection|upgrade|origin|sec-websocket-[\w-]+|content-length|content-type):/i.test(line));
      // As a WebSocket upgrade to /rpc, Host and Origin set right: refused for want of a session.
      const upgrade = [
        'GET /rpc HTTP/1.1',
        `Host: ${authority}`,
        `Origin: http://${authority}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Protocol: cais.rpc',
        ...kept,
        '',
        '',
      ].join('\r\n');
      expect(await rawExchange(webHost.port, upgrade)).toBe('HTTP/1.1 401 Unauthorized');
      // As a sign-in: refused (it holds no launch token).
      const body = '{}';
      const signIn = ['POST /session HTTP/1.1', `Host: ${authority}`, `Origin: http://${authority}`, 'Content-Type: application/json', `Content-Length: ${body.length}`, ...kept, '', body].join('\r\n');
      expect(await rawExchange(webHost.port, signIn)).toMatch(/^HTTP\/1\.1 401/);
    }
    // The page itself is public, and holds no secret.
    const pageText = await (await fetch(`${webHost.origin}/`)).text();
    expect(pageText).not.toContain(secret);
    expect(pageText).not.toContain(launchToken);

    // The launch link works once: used again, in another tab, it is refused and says so.
    const again = await context.newPage();
    await again.goto(launch);
    await expect(again.getByTestId('web-session-problem')).toHaveAttribute('data-problem', 'launch-refused');
    expect(again.url()).toBe(`${webHost.origin}/`);
    await again.close();
  } finally {
    await unbridge();
    await container.remove({ force: true });
  }
});

for (const language of ['en', 'pt-BR'] as const) {
  test(`a tab without a link, in ${language}: it says how to get one`, async ({ page, webHost }) => {
    await page.addInitScript((lang) => localStorage.setItem('cais.language', lang), language);
    await page.goto(`${webHost.origin}/`);
    const problem = page.getByTestId('web-session-problem');
    await expect(problem).toHaveAttribute('data-problem', 'missing');
    await expect(problem.getByRole('heading', { level: 1 })).toHaveText(language === 'en' ? 'Open Cais from its link' : 'Abra o Cais pelo link dele');
    await checkAndShoot(page, `web-session-missing-${language}`);
  });
}

test('an engine address with a password is refused in words, and nothing is saved', async ({ page, webHost }) => {
  await openApp(page, webHost);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Remote with password');
  await page.getByLabel('Address').fill('ssh://admin:hunter2@build.example');
  const warning = page.getByTestId('engine-address-password');
  await expect(warning).toHaveText(/Leave the password out of the address/);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Use Remote with password' })).toHaveCount(0);
  await page.getByLabel('Address').fill('ssh://admin@build.example');
  await expect(warning).toHaveCount(0);
});
