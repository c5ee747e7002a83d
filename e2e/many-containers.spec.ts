import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

const COUNT = 2000;
const MANY_LABEL = 'cais.test.many';

test.describe('thousands of containers', () => {
  test.setTimeout(300_000);

  test.afterAll(async ({ docker }) => {
    await docker.pruneContainers({ filters: JSON.stringify({ label: [MANY_LABEL] }) });
  });

  test(`${COUNT} containers: the list opens, keeps only visible rows in the page and scrolls to the end`, async ({ page, webHost, docker }) => {
    const names = Array.from({ length: COUNT }, (_, index) => `many-${String(index).padStart(4, '0')}`);
    for (let start = 0; start < COUNT; start += 50) {
      await Promise.all(
        names.slice(start, start + 50).map((name) =>
          docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1', [MANY_LABEL]: '1' } }),
        ),
      );
    }
    await openApp(page, webHost);
    await page.getByLabel('Search by name or image').fill('many-');
    await page.getByLabel('Sort by').selectOption('name');
    await expect(page.getByTestId('container-row').first()).toHaveAttribute('data-name', 'many-0000');
    await expect(page.getByText(/^\d+ containers$/)).toHaveText(new RegExp(`^(${COUNT}|\\d{4,}) containers$`));

    // Virtualised: the page holds a screenful of rows, not thousands.
    expect(await page.getByTestId('container-row').count()).toBeLessThan(80);

    const scroller = page.getByTestId('container-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(page.locator('[data-name="many-1999"]')).toBeVisible();
    await expect(page.locator('[data-name="many-0000"]')).toHaveCount(0);
    expect(await page.getByTestId('container-row').count()).toBeLessThan(80);

    // Still live with all of them listed: a removal from outside disappears.
    await docker.getContainer('many-1999').remove();
    await expect(page.locator('[data-name="many-1999"]')).toHaveCount(0);
  });
});
