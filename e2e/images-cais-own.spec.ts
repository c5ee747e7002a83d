import { ensureHelperImage, HELPER_IMAGE } from '../electron/engine/volume-helper';
import { expect, openApp, test } from './support/fixtures';
import { TEST_IMAGE } from './support/test-engine';
import fs from 'node:fs';
import path from 'node:path';

const catalog = (language: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../renderer/i18n/areas/images.${language}.json`), 'utf8'));

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

    // Its details offer no run (it is Cais's tool, said why), and no layer reads as an empty line.
    const T = catalog(language);
    await helper.getByRole('button', { name: T.openLabel.replace('{{name}}', HELPER_IMAGE) }).click();
    const detail = page.getByTestId('image-detail');
    await expect(detail.getByTestId('run-cais-own')).toHaveText(T.run.caisOwn);
    await expect(detail.getByRole('button', { name: T.run.quick })).toHaveCount(0);
    await expect(detail.getByRole('button', { name: T.run.form })).toHaveCount(0);
    const instructions = detail.getByTestId('layer-instruction');
    await expect(instructions.first()).toBeVisible();
    for (const text of await instructions.allTextContents()) expect(text.trim()).not.toBe('');
    await expect(detail).toContainText(T.layers.noInstruction);

    await page.goto(`${webHost.origin}/#lessons`);
    await expect(page.getByRole('heading', { name: lessons, level: 1 })).toBeVisible();
    const picker = page.locator('#lesson-image');
    await expect(picker.locator(`option[value="${TEST_IMAGE}"]`)).toHaveCount(1);
    await expect(picker.locator(`option[value="${HELPER_IMAGE}"]`)).toHaveCount(0);
  });
}
