import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';

/**
 * Keyboard and pointer traps (and names that do not match what is shown): the
 * terminal lets a keyboard user out, the ⋯ menu follows the arrow keys, a
 * glossary "?" stays open on the click after a hover, a scroll box is
 * reachable by keyboard, and links and menu items are named by their text.
 */

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');

/** The app's own catalogs, so the test reads what a person reads in each language. */
const catalog = (file: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../renderer/i18n', file), 'utf8'));
const LANGUAGES = [
  { code: 'en', main: catalog('en.json'), learn: catalog('areas/learn.en.json') },
  { code: 'pt-BR', main: catalog('pt-BR.json'), learn: catalog('areas/learn.pt-BR.json') },
] as const;

/** A process 1 that ends on SIGTERM, so a stop does not wait 10 seconds. */
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'];

const row = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);
const insideTerminal = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="terminal"]')));

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

for (const language of LANGUAGES) {
  const T = language.main;

  test(`terminal in ${language.code}: Tab goes to the shell, Esc then Tab leaves, as the hint under it says`, async ({ page, webHost, docker }) => {
    const container = await createTestContainer(docker, { name: uniqueName('trap'), Cmd: IDLE });
    await container.start();
    try {
      await openApp(page, webHost, language.code);
      await page.goto(`${webHost.origin}/#containers/${container.id}/terminal`);
      const terminal = page.getByTestId('terminal');
      await expect(terminal.locator('.xterm-rows')).toContainText('#');
      const hint = page.getByTestId('terminal-leave-hint');
      await expect(hint).toBeVisible();
      await expect(hint).toHaveText(T.containers.terminal.leaveHint);
      // The shell's input takes focus once the shell is ready; screen readers hear the way out too.
      const input = terminal.locator('textarea');
      await expect(input).toBeFocused();
      await expect(input).toHaveAccessibleName(T.containers.terminal.inputLabel);
      await expect(input).toHaveAccessibleDescription(T.containers.terminal.leaveHint);

      // A plain Tab is the shell's: it completes "ech" to "echo".
      await page.keyboard.type('ech');
      await page.keyboard.press('Tab');
      await page.keyboard.type(' tab-$((40+2))\n');
      await expect(terminal.locator('.xterm-rows')).toContainText('tab-42');
      await expect(input).toBeFocused();
      // So are Esc and Ctrl+K on their own: focus stays in the terminal.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await expect(input).toBeFocused();
      await page.keyboard.press('Control+c');

      // Esc then Shift+Tab: out, back to the command's Copy button before the terminal.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByRole('button', { name: language.learn.command.copy })).toBeFocused();
      // Tab comes back in; Esc then Tab leaves forwards.
      await page.keyboard.press('Tab');
      await expect(input).toBeFocused();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await expect.poll(() => insideTerminal(page)).toBe(false);
      // …onto a control, never <body>: the terminal is the page's last control, so the next is the window's first.
      await expect(page.getByRole('link', { name: T.app.skipToContent })).toBeFocused();
      await shot(page, `terminal-leave-hint-${language.code}`);
    } finally {
      await container.remove({ force: true });
    }
  });

  test(`⋯ menu in ${language.code}: arrow keys, Home, End, Escape and Enter; items named by the label and command they show`, async ({ page, webHost, docker }) => {
    const name = uniqueName('menu');
    const container = await createTestContainer(docker, { name, Cmd: IDLE, HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } } });
    await container.start();
    try {
      await openApp(page, webHost, language.code);
      await expect(row(page, name)).toHaveAttribute('data-state', 'running');
      const action = T.containers.action;
      const item = (label: string, command: string) => page.getByRole('menuitem', { name: `${label} ${command}`, exact: true });
      const stop = item(action.stop, `docker stop ${name}`);
      const restart = item(action.restart, `docker restart ${name}`);
      const pause = item(action.pause, `docker pause ${name}`);
      const remove = item(action.remove, `docker rm -f ${name}`);

      const trigger = row(page, name).getByRole('button', { name: T.containers.moreLabel.replace('{{name}}', name) });
      await trigger.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: T.containers.moreLabel.replace('{{name}}', name) });
      await expect(menu).toBeVisible();
      await expect(stop).toBeFocused();
      await expectAccessible(page);
      await shot(page, `menu-keyboard-${language.code}`);
      await page.keyboard.press('ArrowDown');
      await expect(restart).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(stop).toBeFocused();
      await page.keyboard.press('End');
      await expect(remove).toBeFocused();
      await page.keyboard.press('Home');
      await expect(stop).toBeFocused();
      await page.keyboard.press('ArrowUp'); // wraps round to the last
      await expect(remove).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(trigger).toBeFocused();

      // Enter on Remove… opens the same confirmation as before; Escape cancels it and nothing is removed.
      await page.keyboard.press('Space');
      await expect(stop).toBeFocused();
      await page.keyboard.press('End');
      await expect(remove).toBeFocused();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: T.containers.remove.title.replace('{{name}}', name) });
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // Focus returns to the ⋯ button that opened it, not to <body>.
      await expect(trigger).toBeFocused();
      expect((await container.inspect()).State.Running).toBe(true);
      // So does Rename…, the menu's other dialog.
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: new RegExp(`^${action.rename} `) }).press('Enter');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(trigger).toBeFocused();

      // The published port's link is named by the address it shows (WCAG 2.5.3); where it goes is its description.
      const link = row(page, name).getByRole('link', { name: /^127\.0\.0\.1:\d+→8080\/tcp$/ });
      await expect(link).toBeVisible();
      const port = (await link.textContent())!.match(/:(\d+)→/)![1];
      await expect(link).toHaveAccessibleDescription(T.containers.openPort.replace('{{address}}', `http://127.0.0.1:${port}`));

      // Enter on Pause pauses it.
      await trigger.focus();
      await page.keyboard.press('ArrowDown');
      await expect(stop).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(restart).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(pause).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(menu).toBeHidden();
      await expect.poll(async () => (await container.inspect()).State.Paused).toBe(true);
      await expect(row(page, name)).toHaveAttribute('data-state', 'paused');
    } finally {
      await container.remove({ force: true });
    }
  });

  test(`glossary "?" in ${language.code}: hover previews, the click after it pins, Escape closes; the same by keyboard`, async ({ page, webHost }) => {
    await openApp(page, webHost, language.code);
    const glossary = language.learn.glossary;
    const button = page.getByRole('button', { name: glossary.whatIs.replace('{{term}}', glossary.container.term), exact: true });
    await expect(button).toBeVisible();
    const tooltip: Locator = page.locator(`[id="${await button.getAttribute('aria-describedby')}"]`);
    await expect(tooltip).toBeHidden();

    // Mouse: hover shows it, the click that follows keeps it (pinned), leaving no longer hides it.
    await button.hover();
    await expect(tooltip).toBeVisible();
    await button.click();
    await expect(tooltip).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(tooltip).toHaveText(glossary.container.definition);
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeVisible();
    await expect(button).toHaveAttribute('data-shown', 'pinned');
    await expectAccessible(page);
    await shot(page, `glossary-pinned-${language.code}`);
    // A second click unpins it.
    await button.click();
    await expect(tooltip).toBeHidden();
    await page.mouse.move(0, 0);

    // Keyboard: focus previews, Enter pins, Escape hides, Space pins again, Tab away hides.
    await button.blur();
    await button.focus();
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(tooltip).toBeVisible();
    await expect(button).toHaveAttribute('data-shown', 'pinned');
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    await expect(button).toBeFocused();
    await page.keyboard.press('Space');
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(tooltip).toBeHidden();
  });

  test(`a log that overflows a small window in ${language.code}: reachable and scrollable by keyboard, axe clean`, async ({ page, webHost, docker }) => {
    await page.setViewportSize({ width: 900, height: 560 });
    const container = await createTestContainer(docker, { name: uniqueName('scroll'), Cmd: ['sh', '-c', 'seq 1 300; trap "exit 0" TERM; sleep 600 & wait'] });
    await container.start();
    try {
      await openApp(page, webHost, language.code);
      await page.goto(`${webHost.origin}/#containers/${container.id}/logs`);
      const log = page.getByTestId('log-view');
      // The state judged: every line in, and more of them than the box shows.
      await expect(log).toHaveAttribute('data-lines', '300');
      await expect.poll(() => log.evaluate((box) => box.scrollHeight > box.clientHeight + 100)).toBe(true);
      await expectAccessible(page);
      await log.focus();
      await expect(log).toBeFocused();
      await page.keyboard.press('End');
      await expect.poll(() => log.evaluate((box) => box.scrollTop)).toBeGreaterThan(100);
      const bottom = await log.evaluate((box) => box.scrollTop);
      // Back up with Home (the list may re-measure a line or two as they come into view, so not exactly 0).
      await page.keyboard.press('Home');
      await expect.poll(() => log.evaluate((box) => box.scrollTop)).toBeLessThan(bottom / 2);

      // The inspect tree, much longer than the window, too.
      await page.goto(`${webHost.origin}/#containers/${container.id}/inspect`);
      const tree = page.getByTestId('inspect-tree');
      await expect(tree).toHaveAccessibleName(T.containers.inspect.treeLabel);
      await expect.poll(() => tree.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
      await expectAccessible(page);
      await shot(page, `small-window-inspect-${language.code}`);
    } finally {
      await container.remove({ force: true });
    }
  });
}
