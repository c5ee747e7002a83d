import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

/** The focus ring of the focused element, as a person sees it. */
const focusRing = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

test('keyboard only: skip link, Tab to a container, start it with Enter, with a visible focus ring all the way', async ({ page, webHost, docker }) => {
  const name = uniqueName('keys');
  const container = await docker.createContainer({ Image: TEST_IMAGE, name, Cmd: ['sleep', '600'], Labels: { [TEST_LABEL]: '1' } });
  try {
    await openApp(page, webHost);
    const start = page.getByRole('button', { name: `Start ${name}` });
    await expect(start).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 2 });

    // Tab on until the row's Start button, checking every stop shows where the focus is.
    for (let presses = 0; presses < 60 && !(await start.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      expect(ring.style, `focus ring on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`).not.toBe('none');
    }
    await expect(start).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await container.inspect()).State.Running).toBe(true);
  } finally {
    await container.remove({ force: true });
  }
});
