import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WebContents, WebPreferences } from 'electron'; // types only: importing electron itself would download it
import { electronBinaryPath, electronBinaryUnavailable } from './support/electron-binary';

/*
 * The real Electron app, built by electron-vite into out/: the window's
 * security settings and what its page can reach. The rest of the UI is
 * covered through the web host, which runs the same renderer. Needs no engine:
 * the app shows the containers or the offline screen either way.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

function whyElectronCannotRun(): string | undefined {
  const noBinary = electronBinaryUnavailable();
  if (noBinary) return `${noBinary}; get it with \`npx install-electron\` (needs internet) or set ELECTRON_OVERRIDE_DIST_PATH`;
  if (!fs.existsSync(path.join(ROOT, 'out/main/main.js'))) return 'the app is not built (out/main/main.js is missing); run `npm run build`';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron needs a display, but DISPLAY and WAYLAND_DISPLAY are unset; run the tests under xvfb-run';
  }
  return undefined;
}

/** English, so the heading reads "Containers"; and never as plain Node. */
function electronEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
}

const cannotRun = whyElectronCannotRun();
// The list reporter does not print skip reasons, so say it once here.
if (cannotRun) console.log(`e2e/electron.spec.ts: the Electron app is not tested here: ${cannotRun}.`);

test.describe('the Electron window', () => {
  test.skip(Boolean(cannotRun), cannotRun ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: electronBinaryPath(), // never import the electron package: it would try to download
      args: ['.', '--lang=en-US'],
      cwd: ROOT,
      env: electronEnv(),
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('is isolated and sandboxed, without Node in the page', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // Real but missing from electron.d.ts: the preferences the page was actually created with.
      type Inspectable = WebContents & { getLastWebPreferences(): WebPreferences | null };
      const prefs = (BrowserWindow.getAllWindows()[0]?.webContents as Inspectable | undefined)?.getLastWebPreferences();
      return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration };
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });

  test('exposes only the narrow cais bridge', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { cais: object }).cais));
    expect(keys).toEqual(['transport', 'openExternal']);
  });

  test('opens no new windows', async () => {
    expect(await page.evaluate(() => window.open('about:blank') === null)).toBe(true);
    expect(await page.evaluate(() => window.open('', '_blank') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('shows the containers or the offline screen', async () => {
    await expect(
      page.getByRole('heading', { name: 'Containers', level: 1 }).or(page.getByTestId('offline-screen')),
    ).toBeVisible({ timeout: 15_000 });
  });
});
