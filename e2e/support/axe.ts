import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

const WCAG_A_AA = /^wcag2\d*a{1,2}$/;

/**
 * Every WCAG 2.0, 2.1 and 2.2 level A and AA rule axe-core has, named one by
 * one so that the rules it ships switched off run too: the experimental ones
 * (label-content-name-mismatch in older releases, p-as-heading,
 * td-has-header, table-fake-caption, css-orientation-lock) and those off by
 * default (target-size). Deprecated rules stay off: axe-core is retiring them.
 */
export const WCAG_RULES: readonly string[] = axe
  .getRules()
  .filter((rule) => rule.tags.some((tag) => WCAG_A_AA.test(tag)) && !rule.tags.includes('deprecated'))
  .map((rule) => rule.ruleId);

/**
 * Waits for the screen to be what it will be judged as: nothing still
 * loading (aria-busy, which the app's loading lines carry), no lazily loaded
 * part still arriving. The caller waits for its own content first.
 */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * The screen passes axe-core: every WCAG 2.x A/AA rule (any impact), and
 * axe's other rules (best practices) at serious or critical impact, or at
 * any impact with `strict`.
 */
export async function expectAccessible(page: Page, options: { exclude?: string[]; strict?: boolean } = {}): Promise<void> {
  await settled(page);
  let builder = new AxeBuilder({ page }).options({ rules: Object.fromEntries(WCAG_RULES.map((id) => [id, { enabled: true }])) });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const failing = results.violations.filter(
    (violation) => options.strict || violation.tags.some((tag) => WCAG_A_AA.test(tag)) || violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(failing.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`)).toEqual([]);
}
