import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostFor, test } from './support/fixtures';
import { midWordBreaks } from './support/line-breaks';

/**
 * Long commands and socket paths wrap where a person expects (after a space or "/"), never in the
 * middle of a word, in the sidebar, the Dashboard's Address and the Activity panel.
 */
test('socket paths and recorded commands wrap between words, not inside them', async ({ page, docker }) => {
  // A host of its own, so the Activity panel holds this test's action.
  const started = await startHostFor(process.env.DOCKER_HOST!);
  // A name long enough that "docker start NAME" takes two lines of the panel.
  const container = await createTestContainer(docker, { name: uniqueName('wrapping-a-rather-long-container-name-for-two-lines'), Cmd: ['sleep', '600'] });
  const name = (await container.inspect()).Name.slice(1);
  try {
    await page.setViewportSize({ width: 1024, height: 760 });
    await openApp(page, started.host);
    const status = page.getByTestId('engine-status');
    await expect(status).toHaveAttribute('data-status', 'connected');
    expect(await midWordBreaks(status)).toEqual([]);

    const row = page.locator(`[data-testid="container-row"][data-name="${name}"]`);
    await row.getByRole('button', { name: `Start ${name}` }).click();
    await expect(row).toHaveAttribute('data-state', 'running');
    await page.getByRole('button', { name: /^Activity \(\d+\)$/ }).click();
    const command = page.getByTestId('activity-entry').first().locator('code');
    await expect(command).toContainText('docker start');
    // It does wrap (so the check below means something).
    expect(await command.evaluate((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().height > 30)).toBe(true);
    expect(await midWordBreaks(command)).toEqual([]);

    await page.goto(`${started.host.origin}/#dashboard`);
    const address = page.locator('[data-fact="endpoint"]');
    await expect(address).toBeVisible();
    expect(await midWordBreaks(address)).toEqual([]);
  } finally {
    await container.remove({ force: true });
    await started.close();
  }
});
