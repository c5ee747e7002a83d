import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

/**
 * English, so the heading reads "Containers"; never as plain Node; and with
 * a data folder of its own (CAIS_USER_DATA_DIR), so a Cais the developer has
 * open neither takes the single-instance lock nor shares settings.
 */
function electronEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', CAIS_USER_DATA_DIR: userData };
}

const userDataDirs: string[] = [];
function userDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-electron-'));
  userDataDirs.push(dir);
  return dir;
}
test.afterAll(() => {
  for (const dir of userDataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const ARGS = ['.', '--lang=en-US'];

function launch(userData: string): Promise<ElectronApplication> {
  // Never import the electron package: it would try to download.
  return electron.launch({ executablePath: electronBinaryPath(), args: ARGS, cwd: ROOT, env: electronEnv(userData) });
}

/** The main window's bounds, as Electron reports them. */
function windowBounds(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds());
}

const cannotRun = whyElectronCannotRun();
// The list reporter does not print skip reasons, so say it once here.
if (cannotRun) console.log(`e2e/electron.spec.ts: the Electron app is not tested here: ${cannotRun}.`);

test.describe('the Electron window', () => {
  test.skip(Boolean(cannotRun), cannotRun ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await launch(userDataDir());
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

  test('serves its page from app://cais, not file://, and its CSP refuses inline scripts and eval', async () => {
    expect(page.url()).toMatch(/^app:\/\/cais\/index\.html/);
    type Seen = { inlineRan?: boolean; directives: string[] };
    const evalResult = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const seen = window as unknown as Seen;
          seen.directives = [];
          document.addEventListener('securitypolicyviolation', (event) => seen.directives.push(event.effectiveDirective));
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true;';
          document.body.append(script);
          // From a timer: code Playwright evaluates itself may use eval whatever the policy.
          setTimeout(() => {
            try {
              resolve(String(eval('6 * 7')));
            } catch (error) {
              resolve((error as Error).name);
            }
          });
        }),
    );
    expect(evalResult).toBe('EvalError');
    await expect.poll(() => page.evaluate(() => (window as unknown as Seen).directives)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src']));
    expect(await page.evaluate(() => (window as unknown as Seen).inlineRan === true)).toBe(false);
  });

  test('shows the containers or the offline screen', async () => {
    await expect(
      page.getByRole('heading', { name: 'Containers', level: 1 }).or(page.getByTestId('offline-screen')),
    ).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('the desktop app', () => {
  test.skip(Boolean(cannotRun), cannotRun ?? '');

  test('runs once: a second start exits at once and brings the first window back', async () => {
    const dir = userDataDir();
    const first = await launch(dir);
    try {
      await first.firstWindow();
      await first.evaluate(({ app, BrowserWindow }) => {
        const seen = globalThis as { secondStarts?: number };
        seen.secondStarts = 0;
        app.on('second-instance', () => (seen.secondStarts = (seen.secondStarts ?? 0) + 1));
        BrowserWindow.getAllWindows()[0].minimize();
      });
      const second = spawn(electronBinaryPath(), ARGS, { cwd: ROOT, env: electronEnv(dir), stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => (second.kill(), reject(new Error('the second start did not exit within 15 s'))), 15_000);
        second.on('exit', (code) => (clearTimeout(timer), resolve(code)));
      });
      expect(exitCode).toBe(0);
      await expect.poll(() => first.evaluate(() => (globalThis as { secondStarts?: number }).secondStarts)).toBe(1);
      await expect.poll(() => first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isMinimized())).toBe(false);
      expect(await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      const log = fs.readFileSync(path.join(dir, 'logs', 'cais.log'), 'utf8');
      expect(log).toContain('Cais was started again: showing the open window');
    } finally {
      await first.close();
    }
  });

  test('reopens at the size and place it was closed', async () => {
    const dir = userDataDir();
    const before = await launch(dir);
    await before.firstWindow();
    const area = await before.evaluate(({ screen }) => screen.getPrimaryDisplay().workArea);
    // Inside the display and above the window's minimum size (820×520).
    const target = { x: area.x + 30, y: area.y + 20, width: 860, height: 560 };
    if (area.width < target.width + 60 || area.height < target.height + 40) {
      await before.close();
      test.skip(true, `the display's work area (${area.width}×${area.height}) is too small; run under xvfb-run -s '-screen 0 1600x1000x24'`);
    }
    await before.evaluate(({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0].setBounds(bounds), target);
    const shown = await windowBounds(before); // what the window manager made of it
    await before.close(); // closing the window writes window-state.json at once
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toMatchObject({ bounds: shown, maximized: false });

    const after = await launch(dir);
    try {
      await after.firstWindow();
      expect(await windowBounds(after)).toEqual(shown);
    } finally {
      await after.close();
    }
  });

  test('opens on screen when the saved place is on a display that is gone', async () => {
    const dir = userDataDir();
    const offScreen = { bounds: { x: 20_000, y: 15_000, width: 900, height: 640 }, maximized: false, fullScreen: false };
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(offScreen));
    const app = await launch(dir);
    try {
      await app.firstWindow();
      const { bounds, area } = await app.evaluate(({ BrowserWindow, screen }) => ({
        bounds: BrowserWindow.getAllWindows()[0].getBounds(),
        area: screen.getPrimaryDisplay().workArea,
      }));
      expect(bounds.x).toBeGreaterThanOrEqual(area.x);
      expect(bounds.y).toBeGreaterThanOrEqual(area.y);
      expect(bounds.x + bounds.width).toBeLessThanOrEqual(area.x + area.width);
      expect(bounds.y + bounds.height).toBeLessThanOrEqual(area.y + area.height);
    } finally {
      await app.close();
    }
  });

  test('has its menu in the language saved in Settings, and changes it with the setting', async () => {
    const dir = userDataDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'pt-BR' }));
    const app = await launch(dir);
    try {
      const page = await app.firstWindow();
      const menu = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace(/&/g, '')) ?? []);
      const portuguese = ['Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda'];
      const english = ['File', 'Edit', 'View', 'Window', 'Help'];
      expect(await menu()).toEqual(expect.arrayContaining(portuguese));

      await page.getByRole('link', { name: 'Configurações' }).click();
      await page.getByLabel('Idioma').selectOption('en');
      await expect.poll(menu).toEqual(expect.arrayContaining(english));
      expect(await menu()).not.toContain('Arquivo');
    } finally {
      await app.close();
    }
  });

  test('writes its log file in the logs folder, with versions and the engine, without secrets', async () => {
    const dir = userDataDir();
    const app = await launch(dir);
    try {
      await app.firstWindow();
      const logFile = path.join(dir, 'logs', 'cais.log');
      await expect.poll(() => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '')).toMatch(/Engine (connected|offline)/);
      const text = fs.readFileSync(logFile, 'utf8');
      expect(text).toMatch(/INFO {2}Cais \S+ starting \(Electron \d/);
      expect(text).toContain('Window loaded');
      expect(text).not.toMatch(/^\s+at /m); // nothing failed, so no stack traces
    } finally {
      await app.close();
    }
  });
});
