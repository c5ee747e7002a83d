import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { EngineConnection } from '../../electron/engine/connection';
import { realHostFacts } from '../../electron/engine/host-facts';
import { startWebHost, type WebHost } from '../../electron/server/web-host';
import { RENDERER_DIR } from './fixtures';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screens');

/** A web host whose engine connection sees these environment variables instead of ours. */
export async function startHostWithEnv(env: Record<string, string | undefined>): Promise<{ host: WebHost; close(): Promise<void> }> {
  const facts = realHostFacts();
  const engine = new EngineConnection({ ...facts, env: { ...facts.env, ...env } });
  void engine.start();
  const host = await startWebHost({ engine, staticDir: RENDERER_DIR });
  return {
    host,
    close: async () => {
      await host.close();
      engine.close();
    },
  };
}

/** No serious or critical axe violation, then a screenshot for a person to look at. */
export async function checkAndShoot(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `learn-${name}.png`) });
}
