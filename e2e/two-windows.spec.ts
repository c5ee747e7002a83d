import type { Page } from '@playwright/test';
import type Docker from 'dockerode';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

/**
 * Two windows (two tabs on the web host) acting on one container at the same
 * moment: both end up showing what the engine really did, and the action
 * that lost the race says so in a sentence, or does no harm.
 */

const row = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);

/** Sentences a losing action may show: "already in that state", "not running", "no longer exists", "being removed". */
const LOSING_CODES = ['NOT_MODIFIED', 'NOT_RUNNING', 'NOT_FOUND', 'BEING_REMOVED'];

async function openMenu(page: Page, name: string): Promise<void> {
  await row(page, name).getByRole('button', { name: `More actions for ${name}` }).click();
}

function menuItem(page: Page, name: string, label: string) {
  return page.getByRole('menu', { name: `More actions for ${name}` }).getByRole('menuitem', { name: new RegExp(`^${label} `) });
}

/** Waits until neither tab shows an action in progress: both calls have come back from the engine. */
async function actionsDone(tabs: Page[], name: string): Promise<void> {
  for (const tab of tabs) await expect(row(tab, name).getByRole('status')).toHaveCount(0, { timeout: 30_000 });
}

/** Every error shown on the page is one of the sentences a lost race deserves. */
async function expectOnlyLosingSentences(page: Page): Promise<void> {
  for (const code of await page.getByRole('alert').evaluateAll((alerts) => alerts.map((alert) => alert.getAttribute('data-code')))) {
    expect(LOSING_CODES, `an unexplained error in a tab: ${code}`).toContain(code);
  }
}

test.describe('two windows on one container', () => {
  let tabs: Page[];
  let pageErrors: string[];

  test.beforeEach(async ({ page, context, webHost }) => {
    pageErrors = [];
    tabs = [page, await context.newPage()];
    for (const tab of tabs) {
      tab.on('pageerror', (error) => pageErrors.push(error.message));
      await openApp(tab, webHost);
    }
  });

  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function runningContainer(docker: Docker): Promise<{ name: string; container: Docker.Container }> {
    const name = uniqueName('twin');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    for (const tab of tabs) await expect(row(tab, name)).toHaveAttribute('data-state', 'running');
    return { name, container };
  }

  test('both click Stop at once: it stops, both show it stopped, neither shows an unexplained error', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    await Promise.all(tabs.map((tab) => row(tab, name).getByRole('button', { name: `Stop ${name}` }).click()));

    await actionsDone(tabs, name);
    expect((await container.inspect()).State.Status).toBe('exited');
    for (const tab of tabs) {
      await expect(row(tab, name)).toHaveAttribute('data-state', 'exited');
      await expect(row(tab, name).getByRole('button', { name: `Start ${name}` })).toBeEnabled();
      await expectOnlyLosingSentences(tab);
    }
  });

  test('Restart in one while Stop in the other: both show the state the engine ended in', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    const [restarting, stopping] = tabs;
    await openMenu(restarting, name);
    // Restart is picked first (a menu item leaves the menu once the other tab's Stop changes the
    // container's state, as it should), then Stop follows at once, while the restart is under way.
    await menuItem(restarting, name, 'Restart').click();
    await row(stopping, name).getByRole('button', { name: `Stop ${name}` }).click();

    // Whichever the engine did last wins; both tabs follow the engine.
    await actionsDone(tabs, name);
    const final = (await container.inspect()).State.Status;
    expect(['running', 'exited']).toContain(final);
    for (const tab of tabs) {
      await expect(row(tab, name)).toHaveAttribute('data-state', final);
      await expectOnlyLosingSentences(tab);
    }
  });

  /** Renames a container from its row's menu, as a user would. */
  async function renameFrom(tab: Page, name: string, renamed: string): Promise<void> {
    await openMenu(tab, name);
    await menuItem(tab, name, 'Rename…').click();
    const dialog = tab.getByRole('dialog', { name: `Rename ${name}` });
    await dialog.getByLabel('New name').fill(renamed);
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  }

  test('rename in one while the other shows it: the other follows, and its actions reach the renamed container', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    const [renaming, watching] = tabs;
    const renamed = uniqueName('twin-new');
    await renameFrom(renaming, name, renamed);

    expect((await container.inspect()).Name).toBe(`/${renamed}`);
    for (const tab of tabs) {
      await expect(row(tab, renamed)).toHaveAttribute('data-state', 'running');
      await expect(row(tab, name)).toHaveCount(0);
    }
    await row(watching, renamed).getByRole('button', { name: `Stop ${renamed}` }).click();
    await expect(row(watching, renamed)).toHaveAttribute('data-state', 'exited');
    await expect(row(renaming, renamed)).toHaveAttribute('data-state', 'exited');
    expect((await container.inspect()).State.Status).toBe('exited');
    for (const tab of tabs) await expect(tab.getByRole('alert')).toHaveCount(0);
  });

  test('the details page of a container renamed in the other window shows its new name', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    const [renaming, watching] = tabs;
    await watching.getByRole('link', { name, exact: true }).click();
    await expect(watching.getByRole('heading', { name })).toBeVisible();
    const renamed = uniqueName('twin-new');
    await renameFrom(renaming, name, renamed);

    await expect(watching.getByRole('heading', { name: renamed })).toBeVisible();
    expect((await container.inspect()).Name).toBe(`/${renamed}`);
    await expect(watching.getByRole('alert')).toHaveCount(0);
  });

  test('removed in one while the other opens its logs: the other says it no longer exists, with no stale state', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    const [removing, reading] = tabs;
    await openMenu(removing, name);
    await menuItem(removing, name, 'Remove…').click();
    const dialog = removing.getByRole('dialog', { name: `Remove ${name}?` });
    await expect(dialog.getByText('It is running: it will be stopped first.')).toBeVisible();
    await Promise.all([
      dialog.getByRole('button', { name: `Remove ${name}` }).click(),
      (async () => {
        await reading.getByRole('link', { name, exact: true }).click();
        await reading.getByRole('tab', { name: 'Logs' }).click();
      })(),
    ]);

    await expect.poll(() => container.inspect().then(() => 'exists', (error: { statusCode?: number }) => error.statusCode)).toBe(404);
    await expect(row(removing, name)).toHaveCount(0);
    await expect(removing.getByRole('dialog')).toHaveCount(0);
    await expect(reading.getByRole('alert').filter({ hasText: 'The engine no longer has that object. It may have been removed.' }).first()).toBeVisible();
    // The heading must not keep claiming a state for a container that is gone.
    await expect(reading.getByTestId('details-state')).toHaveCount(0);
    await expectOnlyLosingSentences(reading);
    await reading.getByRole('link', { name: /All containers/ }).click();
    await expect(row(reading, name)).toHaveCount(0);
  });

  test('both remove it at once: it is gone from the engine and from both lists, and no tab is left with a dialog or an unexplained error', async ({ docker }) => {
    const { name, container } = await runningContainer(docker);
    const dialogs = [];
    for (const tab of tabs) {
      await openMenu(tab, name);
      await menuItem(tab, name, 'Remove…').click();
      const dialog = tab.getByRole('dialog', { name: `Remove ${name}?` });
      await expect(dialog.getByRole('button', { name: `Remove ${name}` })).toBeEnabled();
      dialogs.push(dialog);
    }
    await Promise.all(dialogs.map((dialog) => dialog.getByRole('button', { name: `Remove ${name}` }).click()));

    await expect.poll(() => container.inspect().then(() => 'exists', (error: { statusCode?: number }) => error.statusCode)).toBe(404);
    for (const tab of tabs) {
      await expect(row(tab, name)).toHaveCount(0);
      // The loser's dialog goes with the row: no dialog is left about a container that is gone.
      await expect(tab.getByRole('dialog')).toHaveCount(0);
      await expectOnlyLosingSentences(tab);
    }
  });
});
