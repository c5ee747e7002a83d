import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';

for (const language of [
  { code: 'en', button: 'What is: Image?', definition: /read-only template/ },
  { code: 'pt-BR', button: 'O que é: Imagem?', definition: /modelo somente leitura/ },
] as const) {
  test(`glossary tooltips in ${language.code}: described for screen readers, shown on focus, hidden by Escape`, async ({ page, webHost }) => {
    await openApp(page, webHost, language.code);
    await page.goto(`${webHost.url.split('#')[0]}#dashboard`);
    const button = page.getByRole('button', { name: language.button });
    // The definition is the button's accessible description even before it is shown.
    await expect(button).toHaveAccessibleDescription(language.definition);
    const tooltip = page.locator(`#${(await button.getAttribute('aria-describedby'))!.replaceAll(':', '\\:')}`);
    await expect(tooltip).toBeHidden();
    await button.focus();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('role', 'tooltip');
    await checkAndShoot(page, `glossary-${language.code}`);
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
  });
}
