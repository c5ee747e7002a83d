import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, type Page } from '@playwright/test';
import type Docker from 'dockerode';
import { EngineConnection } from '../../electron/engine/connection';
import { realHostFacts } from '../../electron/engine/host-facts';
import { startWebHost, type WebHost } from '../../electron/transports/web-host';
import { testDocker } from './engine-fixtures';

const run = promisify(execFile);
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

/** A web host bound to the engine at `dockerHost`, as `npm run web` starts it. */
export function startHostFor(dockerHost: string): Promise<{ host: WebHost; close(): Promise<void> }> {
  return startHostWithEnv({ DOCKER_HOST: dockerHost });
}

/** A web host whose engine connection sees these environment variables instead of ours (HOME is also its home folder). */
export async function startHostWithEnv(env: Record<string, string | undefined>): Promise<{ host: WebHost; close(): Promise<void> }> {
  const facts = realHostFacts();
  const engine = new EngineConnection({ ...facts, home: env.HOME ?? facts.home, env: { ...facts.env, ...env } });
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

/** The docker CLI against the test engine: changes "from a terminal". */
export async function dockerCli(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { env: { ...process.env } });
  return stdout.trim();
}

export async function openApp(page: Page, host: WebHost, language = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('cais.language')) localStorage.setItem('cais.language', lang);
  }, language);
  // A launch URL works once: each page gets its own, and keeps the session it trades it for.
  await page.goto(host.launchUrl());
  await page.waitForFunction(() => sessionStorage.getItem('cais.session') !== null);
}

export const test = base.extend<{ docker: Docker }, { webHost: WebHost }>({
  webHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const started = await startHostFor(process.env.DOCKER_HOST ?? '');
      await use(started.host);
      await started.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  docker: async ({}, use) => {
    await use(testDocker());
  },
});

export { expect } from '@playwright/test';
