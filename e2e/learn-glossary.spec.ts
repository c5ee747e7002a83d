import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { createTestContainer } from './support/engine-fixtures';
import { TEST_IMAGE } from './support/test-engine';

type Word = 'image' | 'container' | 'volume' | 'layer' | 'namespace' | 'cgroup' | 'port' | 'registry';
interface Learn {
  glossary: { whatIs: string } & Record<Word, { term: string; definition: string }>;
}
interface Images {
  filter: string;
  openLabel: string;
  action: { pull: string };
}

/** The app's own catalogs, so the test reads what a person reads in each language. */
function catalog<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../renderer/i18n/areas', name), 'utf8')) as T;
}
const learnEn = catalog<Learn>('learn.en.json');
const learnPt = catalog<Learn>('learn.pt-BR.json');
const imagesEn = catalog<Images>('images.en.json');
const imagesPt = catalog<Images>('images.pt-BR.json');

const LANGUAGES = [
  { code: 'en', learn: learnEn, images: imagesEn, definition: /read-only template/ },
  { code: 'pt-BR', learn: learnPt, images: imagesPt, definition: /modelo somente leitura/ },
] as const;

type Language = (typeof LANGUAGES)[number];

function helpButton(scope: Page | Locator, language: Language, word: Word): Locator {
  const name = language.learn.glossary.whatIs.replace('{{term}}', language.learn.glossary[word].term);
  return scope.getByRole('button', { name, exact: true }).first();
}

function tooltipOf(page: Page, button: Locator): Promise<Locator> {
  return button.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`));
}

/** The definition is the button's description; shown on keyboard focus and on hover, hidden by Escape and when the pointer leaves. */
async function checkTooltip(page: Page, language: Language, word: Word, scope: Page | Locator = page) {
  const button = helpButton(scope, language, word);
  await expect(button, word).toBeVisible();
  const definition = language.learn.glossary[word].definition;
  await expect(button).toHaveAccessibleDescription(definition);
  const tooltip = await tooltipOf(page, button);
  await expect(tooltip).toBeHidden();
  await button.focus();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText(definition);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await button.blur();
  await button.hover();
  await expect(tooltip).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
}

for (const language of LANGUAGES) {
  test(`glossary tooltips in ${language.code}: described for screen readers, shown on focus, hidden by Escape`, async ({ page, webHost }) => {
    await openApp(page, webHost, language.code);
    await page.goto(`${webHost.origin}/#dashboard`);
    const button = helpButton(page, language, 'image');
    // The definition is the button's accessible description even before it is shown.
    await expect(button).toHaveAccessibleDescription(language.definition);
    const tooltip = await tooltipOf(page, button);
    await expect(tooltip).toBeHidden();
    await button.focus();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('role', 'tooltip');
    await checkAndShoot(page, `glossary-${language.code}`);
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
  });

  test(`glossary words where a beginner meets them, in ${language.code}: containers, run form, images, pull, tag and push, layers, volumes`, async ({ page, webHost, docker }) => {
    const base = `${webHost.origin}/`;
    // The list's column headers show once there is a container to list.
    const container = await createTestContainer(docker);
    await openApp(page, webHost, language.code);

    await page.goto(`${base}#containers`);
    const table = page.getByRole('table');
    await checkTooltip(page, language, 'container');
    await checkTooltip(page, language, 'image', table);
    await checkTooltip(page, language, 'port', table);
    await helpButton(table, language, 'port').focus();
    await checkAndShoot(page, `glossary-containers-${language.code}`);

    await page.goto(`${base}#containers/~run/${encodeURIComponent(TEST_IMAGE)}`);
    for (const word of ['image', 'port', 'volume', 'cgroup', 'namespace'] as const) await checkTooltip(page, language, word);
    await helpButton(page, language, 'cgroup').focus();
    await checkAndShoot(page, `glossary-run-${language.code}`);

    await page.goto(`${base}#images`);
    await checkTooltip(page, language, 'image');
    await page.getByRole('button', { name: language.images.action.pull }).click();
    await checkTooltip(page, language, 'registry');
    await helpButton(page, language, 'registry').focus();
    await checkAndShoot(page, `glossary-pull-${language.code}`);
    await page.getByLabel(language.images.filter).fill(TEST_IMAGE);
    await page
      .locator(`[data-testid="image-row"][data-reference="${TEST_IMAGE}"]`)
      .getByRole('button', { name: language.images.openLabel.replace('{{name}}', TEST_IMAGE) })
      .click();
    const detail = page.getByTestId('image-detail');
    await checkTooltip(page, language, 'layer', detail);
    await checkTooltip(page, language, 'registry', detail);

    await page.goto(`${base}#volumes`);
    await checkTooltip(page, language, 'volume');
    await helpButton(page, language, 'volume').focus();
    await checkAndShoot(page, `glossary-volumes-${language.code}`);
    await container.remove({ force: true });
  });
}
