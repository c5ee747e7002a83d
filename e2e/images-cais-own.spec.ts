import { ensureHelperImage, HELPER_IMAGE } from '../electron/engine/volume-helper';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE } from './support/test-engine';

for (const [language, badge, images, lessons] of [
  ['en', "Cais's own", 'Images', 'Lessons'],
  ['pt-BR', 'do Cais', 'Imagens', 'Lições'],
] as const) {
  test(`Cais's helper image is labelled as Cais's own and no lesson offers it (${language})`, async ({ page, webHost, docker }) => {
    await ensureHelperImage(docker);
    await openApp(page, webHost, language);
    await page.goto(`${webHost.origin}/#images`);
    await expect(page.getByRole('heading', { name: images, level: 1 })).toBeVisible();
    const helper = page.locator(`[data-testid="image-row"][data-reference="${HELPER_IMAGE}"]`);
    await expect(helper.getByTestId('cais-own')).toContainText(badge);
    await expect(page.locator(`[data-testid="image-row"][data-reference="${TEST_IMAGE}"]`).getByTestId('cais-own')).toHaveCount(0);

    await page.goto(`${webHost.origin}/#lessons`);
    await expect(page.getByRole('heading', { name: lessons, level: 1 })).toBeVisible();
    const picker = page.locator('#lesson-image');
    await expect(picker.locator(`option[value="${TEST_IMAGE}"]`)).toHaveCount(1);
    await expect(picker.locator(`option[value="${HELPER_IMAGE}"]`)).toHaveCount(0);
  });
}
