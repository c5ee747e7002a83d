import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_DIR, startHostFor } from '../../e2e/support/fixtures';
import type { Browser, Page } from '@playwright/test';
import type { WebHost } from '../../electron/transports/web-host';
import type { Cleanup } from './harness';

/** The built app (out/), which the window parts load; refuses a missing build with the fix. */
export const BUILT_RENDERER = RENDERER_DIR;
export const BUILT_WEB_HOST = path.resolve(RENDERER_DIR, '../main/web.js');

export function requireBuild(): void {
  for (const file of [path.join(BUILT_RENDERER, 'index.html'), BUILT_WEB_HOST]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`npx electron-vite build\` first.`);
  }
}

/** A web host serving the built renderer on the engine named by DOCKER_HOST; closed at cleanup. */
export async function openRendererHost(cleanups: Cleanup[]): Promise<WebHost> {
  requireBuild();
  const started = await startHostFor(process.env.DOCKER_HOST ?? '');
  cleanups.push(() => started.close());
  return started.host;
}

/**
 * A window like openWindow's (English, same size) whose page runs `script`
 * before the app's own code: how the parts timestamp things inside the page
 * without changing the app.
 * The script is a string: a function would carry the bundler's helpers into the page.
 */
export async function openInstrumentedWindow(browser: Browser, url: string, script: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.addInitScript(() => localStorage.setItem('cais.language', 'en'));
  await page.addInitScript(script);
  await page.goto(url);
  return page;
}
