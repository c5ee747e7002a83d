import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';

export { startHostWithEnv } from './fixtures';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screens');

/** No serious or critical axe violation, then a screenshot for a person to look at. */
export async function checkAndShoot(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `learn-${name}.png`) });
}
