import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { bridgePublishedPort, freeLocalPort } from './support/port-bridge';

const catalogue = (file: string): unknown => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../renderer/i18n', file), 'utf8'));
const CATALOGUES = { en: catalogue('en.json'), 'pt-BR': catalogue('pt-BR.json') };
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');
const LANGUAGES = ['en', 'pt-BR'] as const;
type Language = (typeof LANGUAGES)[number];

/** The user's words in each language, straight from the catalogues the app shows. */
function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no string ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const goTo = (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, '') + hash);
const header = (page: Page) => page.getByTestId('details-header');

async function headerMenu(page: Page, language: Language, name: string, action: string): Promise<void> {
  const label = text(language, 'containers.moreLabel', { name });
  await header(page).getByRole('button', { name: label }).click();
  await page
    .getByRole('menu', { name: label })
    .getByRole('menuitem', { name: new RegExp(`^${escape(text(language, `containers.action.${action}`))} `) })
    .click();
}

async function expectState(page: Page, language: Language, state: string): Promise<void> {
  await expect(page.getByTestId('details-state')).toHaveText(text(language, `containers.state.${state}`));
}

/** An image like busybox's own: its command is a bare `sh`, which exits at once with no terminal. */
async function bareShellImage(docker: Docker): Promise<string> {
  const reference = 'cais-test/bare-shell:latest';
  const base = await createTestContainer(docker);
  await base.commit({ repo: 'cais-test/bare-shell', tag: 'latest', changes: 'CMD ["sh"]' });
  await base.remove();
  return reference;
}

/** Runs until it ends; the page's explanation is what a user reads. */
async function ended(docker: Docker, options: Partial<Docker.ContainerCreateOptions>, end?: (container: Docker.Container) => Promise<unknown>) {
  const container = await createTestContainer(docker, { name: uniqueName('why'), ...options });
  await container.start();
  if (end) await end(container);
  await expect.poll(async () => (await container.inspect()).State.Running, { timeout: 30_000 }).toBe(false);
  return container;
}

for (const language of LANGUAGES) {
  test.describe(`a container's page in ${language}`, () => {
    test('its header acts on the engine, opens its port and goes back to the list after remove', async ({ page, context, webHost, docker }) => {
      test.setTimeout(180_000);
      const name = uniqueName('head');
      const port = await freeLocalPort();
      const container = await createTestContainer(docker, {
        name,
        Cmd: ['sh', '-c', `echo hello-${name} > /tmp/index.html; trap 'exit 0' TERM; httpd -f -p 8080 -h /tmp & while :; do sleep 1 & wait $!; done`],
        ExposedPorts: { '8080/tcp': {} },
        HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } },
      });
      await container.start();
      const unbridge = await bridgePublishedPort(port);
      try {
        await openApp(page, webHost, language);
        await goTo(page, `#containers/${container.id}/summary`);
        await expectState(page, language, 'running');

        // Its server answers before the link is tried (httpd starts a moment after the container).
        await expect
          .poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '')), { timeout: 30_000 })
          .toContain(`hello-${name}`);
        // The port link: named by what it shows, it opens the container's page.
        const link = header(page).getByRole('link', { name: new RegExp(`^127\\.0\\.0\\.1:${port}→8080/tcp$`) });
        await expect(link).toHaveAttribute('href', `http://127.0.0.1:${port}`);
        const popup = context.waitForEvent('page');
        await link.click();
        const opened = await popup;
        await expect(opened.locator('body')).toContainText(`hello-${name}`);
        await opened.close();

        fs.mkdirSync(SHOTS, { recursive: true });
        await expectAccessible(page);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: path.join(SHOTS, `container-header-running-${language}-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'light' });

        // Every action the menu offers, each with its docker command beside it.
        await header(page).getByRole('button', { name: text(language, 'containers.moreLabel', { name }) }).click();
        await expect(page.getByRole('menu').getByTestId('command-hint').filter({ hasText: `docker restart ${name}` })).toBeVisible();
        await page.keyboard.press('Escape');

        const startedAt = (await container.inspect()).State.StartedAt;
        await headerMenu(page, language, name, 'restart');
        await expect.poll(async () => (await container.inspect()).State.StartedAt).not.toBe(startedAt);
        await expectState(page, language, 'running');

        await headerMenu(page, language, name, 'pause');
        await expectState(page, language, 'paused');
        expect((await container.inspect()).State.Paused).toBe(true);

        await header(page).getByRole('button', { name: text(language, 'containers.actionLabel.unpause', { name }) }).click();
        await expectState(page, language, 'running');
        expect((await container.inspect()).State.Paused).toBe(false);

        await header(page).getByRole('button', { name: text(language, 'containers.actionLabel.stop', { name }) }).click();
        await expectState(page, language, 'exited');
        expect((await container.inspect()).State.Running).toBe(false);
        // Stopped: the port is configured but no longer a link.
        await expect(header(page).getByRole('link', { name: new RegExp(`${port}→`) })).toHaveCount(0);

        await header(page).getByRole('button', { name: text(language, 'containers.actionLabel.start', { name }) }).click();
        await expectState(page, language, 'running');
        expect((await container.inspect()).State.Running).toBe(true);

        await headerMenu(page, language, name, 'kill');
        await expectState(page, language, 'exited');
        expect((await container.inspect()).State.ExitCode).toBe(137);
        await expect(page.getByTestId('exit-reason')).toContainText(text(language, 'containers.exit.killedByKill'));
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: path.join(SHOTS, `container-header-killed-${language}-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'light' });

        await headerMenu(page, language, name, 'remove');
        const dialog = page.getByRole('dialog', { name: text(language, 'containers.remove.title', { name }) });
        await expect(dialog.getByText(text(language, 'containers.remove.writableLayer'))).toBeVisible();
        await dialog.getByRole('button', { name: text(language, 'containers.remove.confirm', { name }) }).click();
        await expect(page).toHaveURL(/#containers$/);
        await expect(page.locator(`[data-testid="container-row"][data-name="${name}"]`)).toHaveCount(0);
        await expect(container.inspect()).rejects.toThrow(/no such container/i);
      } finally {
        await unbridge();
      }
    });

    test('a quick run of a bare shell says why it stopped, and the offered form keeps it running', async ({ page, webHost, docker }) => {
      test.setTimeout(180_000);
      const image = await bareShellImage(docker);
      await openApp(page, webHost, language);
      await goTo(page, `#containers/~run/${encodeURIComponent(image)}`);
      await page.getByRole('button', { name: text(language, 'containers.run.quick') }).click();
      const reason = page.getByTestId('exit-reason');
      await expect(reason).toContainText(text(language, 'containers.exit.quickExited'));
      await expect(reason).toContainText(text(language, 'containers.exit.shellNoInput', { command: 'sh', keep: 'sleep infinity' }));
      await expectAccessible(page);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: path.join(SHOTS, `container-exit-shell-${language}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });

      await reason.getByRole('link', { name: text(language, 'containers.exit.keepRunning') }).click();
      await expect(page.getByLabel(text(language, 'containers.run.command'), { exact: true })).toHaveValue('sleep infinity');
      await page.getByRole('button', { name: text(language, 'containers.run.submit') }).click();
      await expectState(page, language, 'running');
      const id = decodeURIComponent(/#containers\/([^/]+)/.exec(page.url())![1]);
      // Still running a while later: the command waits, unlike the shell.
      const info = await docker.getContainer(id).inspect();
      expect(info.Config.Cmd).toEqual(['sleep', 'infinity']);
      await expect.poll(async () => Date.now() - Date.parse((await docker.getContainer(id).inspect()).State.StartedAt), { timeout: 15_000 }).toBeGreaterThan(3000);
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
      await expect(reason).toHaveCount(0);
    });

    test('exits 137 (out of memory, after stop, by kill), 143, 127 and 1 are each explained in the row and on the page', async ({ page, webHost, docker }) => {
      test.setTimeout(180_000);
      const cases = [
        {
          // sort keeps its one endless line in memory until the limit kills it.
          container: await ended(docker, { Cmd: ['sort', '/dev/zero'], HostConfig: { Memory: 16 * 1024 * 1024, MemorySwap: 16 * 1024 * 1024 } }),
          page: text(language, 'containers.exit.outOfMemory', { code: 137 }),
          row: 'killed',
        },
        {
          // A bare sleep as PID 1 ignores SIGTERM: Stop's grace period runs out and SIGKILL follows.
          container: await ended(docker, { Cmd: ['sleep', '1000'] }, (c) => c.stop({ t: 1 })),
          page: text(language, 'containers.exit.killedByStop'),
          row: 'killed',
        },
        { container: await ended(docker, { Cmd: ['sleep', '1000'] }, (c) => c.kill()), page: text(language, 'containers.exit.killedByKill'), row: 'killed' },
        {
          container: await ended(docker, { Cmd: ['sh', '-c', "trap 'exit 143' TERM; while :; do sleep 1 & wait $!; done"] }, (c) => c.stop({ t: 10 })),
          page: text(language, 'containers.exit.terminated'),
          row: 'terminated',
        },
        { container: await ended(docker, { Cmd: ['sh', '-c', 'no-such-program'] }), page: text(language, 'containers.exit.notFound'), row: 'notFound', lines: 'no-such-program' },
        { container: await ended(docker, { Cmd: ['sh', '-c', 'echo boom-at-the-end >&2; exit 3'] }), page: text(language, 'containers.exit.error', { code: 3 }), row: 'error', lines: 'boom-at-the-end' },
      ];
      expect((await cases[0].container.inspect()).State.OOMKilled).toBe(true);
      await openApp(page, webHost, language);
      for (const [index, known] of cases.entries()) {
        const info = await known.container.inspect();
        const name = info.Name.replace(/^\//, '');
        await goTo(page, '#containers');
        const row = page.locator(`[data-testid="container-row"][data-name="${name}"]`);
        await expect(row.getByTestId('row-exit-reason')).toHaveText(new RegExp(`^${escape(text(language, `containers.exit.short.${known.row}`))}`));
        await goTo(page, `#containers/${info.Id}/summary`);
        const reason = page.getByTestId('exit-reason');
        await expect(reason).toContainText(known.page);
        if (known.lines) await expect(reason.getByTestId('exit-last-lines')).toContainText(known.lines);
        if (index === 0 || index === 5) {
          await expectAccessible(page);
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            await page.screenshot({ path: path.join(SHOTS, `container-exit-${known.row}-${language}-${scheme}.png`) });
          }
          await page.emulateMedia({ colorScheme: 'light' });
        }
      }
    });

    test('a created container that never started names its configured ports in the Summary', async ({ page, webHost, docker }) => {
      const port = await freeLocalPort();
      const container = await createTestContainer(docker, {
        name: uniqueName('unstarted'),
        ExposedPorts: { '8080/tcp': {} },
        HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } },
      });
      await openApp(page, webHost, language);
      await goTo(page, `#containers/${container.id}/summary`);
      await expect(page.getByTestId('summary-configured-port')).toHaveText(
        text(language, 'containers.summary.portsConfigured', { port: '8080/tcp', host: `127.0.0.1:${port}` }),
      );
    });
  });
}

