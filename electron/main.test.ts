import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * main.ts against a stand-in for Electron's API: Electron's binary cannot
 * run on every machine that runs the tests, and this checks the wiring
 * (single instance, menu, window placement, log, startup failure) wherever
 * Vitest runs. e2e/electron.spec.ts checks the same with the real Electron.
 */

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const state = {
    lock: true,
    ready: false,
    paths: {} as Record<string, string>,
    windows: [] as FakeWindow[],
    appEvents: new Emitter(),
    resolveReady: () => {},
  };
  class FakeWebContents extends Emitter {
    setWindowOpenHandler() {}
  }
  class FakeWindow extends Emitter {
    static getAllWindows = () => state.windows;
    webContents = new FakeWebContents();
    minimized = false;
    constructor(readonly options: { x: number; y: number; width: number; height: number }) {
      super();
      state.windows.push(this);
    }
    isNormal = () => true;
    getBounds = () => ({ x: this.options.x, y: this.options.y, width: this.options.width, height: this.options.height });
    getNormalBounds = this.getBounds;
    isMaximized = () => false;
    isFullScreen = () => false;
    isMinimized = () => this.minimized;
    restore = vi.fn(() => (this.minimized = false));
    show = vi.fn();
    focus = vi.fn();
    maximize = vi.fn();
    setFullScreen = vi.fn();
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
  }
  let readyPromise: Promise<void> = Promise.resolve();
  const electron = {
    app: {
      setPath: (name: string, value: string) => (state.paths[name] = value),
      setAppLogsPath: (value?: string) => (state.paths.logs = value ?? `${state.paths.userData}/logs`),
      getPath: (name: string) => state.paths[name],
      isPackaged: true,
      isReady: () => state.ready,
      getLocale: () => 'en-US',
      getName: () => 'Cais',
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => state.lock,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (event: string, listener: (...args: unknown[]) => void) => state.appEvents.on(event, listener),
      whenReady: () => readyPromise,
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })) },
    clipboard: { writeText: vi.fn() },
    // No keychain: registry logins stay in memory (the credential store's own tests cover the rest).
    safeStorage: { isEncryptionAvailable: () => false },
    ipcMain: { on: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
    shell: { openExternal: vi.fn(), openPath: vi.fn(() => Promise.resolve('')) },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
  };
  return {
    state,
    electron,
    FakeWindow,
    reset(lock: boolean) {
      state.lock = lock;
      state.ready = false;
      state.windows = [];
      state.appEvents.removeAllListeners();
      readyPromise = new Promise<void>((resolve) => (state.resolveReady = () => ((state.ready = true), resolve())));
      vi.clearAllMocks();
    },
  };
});
type FakeWindow = InstanceType<typeof fake.FakeWindow>;

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let userData: string;
const before = { uncaught: process.listeners('uncaughtException'), rejections: process.listeners('unhandledRejection') };

beforeEach(() => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-main-'));
  vi.stubEnv('CAIS_USER_DATA_DIR', userData);
  vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/cais-main-test.sock');
});

/** Undoes what a main.ts run left behind: its engine connection and its process-wide handlers. */
function stopMain(): void {
  fake.state.appEvents.emit('before-quit');
  for (const listener of process.listeners('uncaughtException')) if (!before.uncaught.includes(listener)) process.off('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection')) if (!before.rejections.includes(listener)) process.off('unhandledRejection', listener);
}

afterEach(() => {
  stopMain();
  vi.unstubAllEnvs();
  fs.rmSync(userData, { recursive: true, force: true });
});

async function startMain(lock = true): Promise<void> {
  stopMain();
  vi.resetModules();
  fake.reset(lock);
  await import('./main');
  fake.state.resolveReady();
  await vi.waitFor(() => expect(fake.state.windows.length + fake.electron.app.quit.mock.calls.length).toBeGreaterThan(0));
}

/** The listener main.ts gave ipcMain.on for a channel. */
function ipcListener(channel: string): (event: unknown, ...args: unknown[]) => void {
  const call = fake.electron.ipcMain.on.mock.calls.find(([name]) => name === channel) as unknown as [string, (event: unknown, ...args: unknown[]) => void];
  return call[1];
}

/** A MessagePortMain stand-in: the router listens on it and main.ts starts it. */
function fakePort() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  return Object.assign(new Emitter(), { start: vi.fn(), postMessage: vi.fn(), close: vi.fn() });
}

const emitProcess = process.emit.bind(process) as (event: string, ...args: unknown[]) => boolean;
const logText = () => fs.readFileSync(path.join(userData, 'logs', 'cais.log'), 'utf8');
const menuTitles = () =>
  (fake.electron.Menu.setApplicationMenu.mock.lastCall?.[0] as MenuItemConstructorOptions[]).map((item) => item.label?.replace(/&/g, ''));

describe('main.ts', () => {
  it('leaves at once when Cais already runs, opening nothing', async () => {
    await startMain(false);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.electron.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });

  it('opens one window where it was closed, with the menu in the saved language, and logs the start', async () => {
    fs.writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ language: 'pt-BR' }));
    fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ bounds: { x: 3000, y: 100, width: 1000, height: 700 } }));
    await startMain();
    expect(fake.state.windows).toHaveLength(1);
    const window: FakeWindow = fake.state.windows[0];
    // Saved on a display that is no longer there: back on the only one.
    expect(window.getBounds()).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
    expect(menuTitles()).toEqual(expect.arrayContaining(['Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']));
    expect(logText()).toMatch(/INFO {2}Cais 0\.1\.0 starting/);
  });

  it('brings the window back when Cais is started again', async () => {
    await startMain();
    const window: FakeWindow = fake.state.windows[0];
    window.minimized = true;
    fake.state.appEvents.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(1);
  });

  it('saves the window state when the window closes', async () => {
    await startMain();
    fake.state.windows[0].emit('close');
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ bounds: { width: 1200, height: 780 }, maximized: false });
  });

  it('shows a sentence and the log file, not a stack trace, when the page cannot load at start', async () => {
    await startMain();
    fake.state.windows[0].webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///x/index.html', true);
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = fake.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Cais could not start');
    expect(message).toMatch(/^Some of Cais's own files are missing or damaged/);
    expect(message).toContain(`The log file has the details: ${path.join(userData, 'logs', 'cais.log')}`);
    expect(message).not.toMatch(/^\s*at\s/m);
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(logText()).toMatch(/ERROR Cais could not start\n {4}Error: ERR_FILE_NOT_FOUND/);
  });

  it('turns an uncaught error before the window has loaded into the same dialog; afterwards only logs it', async () => {
    await startMain();
    emitProcess('uncaughtException', new TypeError('boom'));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toContain('What went wrong: boom');

    await startMain();
    fake.state.windows[0].webContents.emit('did-finish-load');
    emitProcess('uncaughtException', new TypeError('later'));
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(logText()).toContain('ERROR Unexpected error in the main process\n    TypeError: later');
  });

  it('copies the versions from About', async () => {
    await startMain();
    const help = (fake.electron.Menu.setApplicationMenu.mock.lastCall?.[0] as MenuItemConstructorOptions[]).at(-1)!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((item) => item.id === 'about')!;
    (about.click as () => void)();
    await vi.waitFor(() => expect(fake.electron.clipboard.writeText).toHaveBeenCalled());
    expect(fake.electron.clipboard.writeText.mock.calls[0][0]).toMatch(/^Cais 0\.1\.0\n.*Node\.js: \d+/s);
  });

  describe('the page and who may talk to the main process (app:// protocol, sender frames)', () => {
    afterEach(() => {
      fake.electron.app.isPackaged = true;
    });

    it('registers app:// as a secure standard scheme before ready and loads the window from it', async () => {
      await startMain();
      expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
        expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
      ]);
      expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
      expect(fake.state.windows[0].loadURL).toHaveBeenCalledWith('app://cais/index.html');
      expect(fake.state.windows[0].loadFile).not.toHaveBeenCalled();
    });

    it('ignores ELECTRON_RENDERER_URL in an installed Cais, and says so in the log', async () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
      await startMain();
      expect(fake.state.windows[0].loadURL).toHaveBeenCalledWith('app://cais/index.html');
      expect(fake.state.windows[0].loadURL).not.toHaveBeenCalledWith('https://evil.example/');
      expect(logText()).toContain('ELECTRON_RENDERER_URL is ignored');
    });

    it('uses the dev server when run from its sources', async () => {
      fake.electron.app.isPackaged = false;
      vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
      await startMain();
      expect(fake.state.windows[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    });

    it("serves the renderer's files with the CSP header, and nothing outside them", async () => {
      await startMain();
      const serve = fake.electron.protocol.handle.mock.calls[0][1] as unknown as (request: { url: string }) => Promise<Response>;
      const index = await serve({ url: 'app://cais/index.html' });
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await index.text()).toContain('<div id="root">');
      expect((await serve({ url: 'app://evil/index.html' })).status).toBe(404);
      // `..`, encoded or not, stays inside the renderer's folder: these name files that are not there.
      await expect(serve({ url: 'app://cais/%2e%2e/package.json' })).rejects.toThrow(/ENOENT.*renderer[\\/]package\.json/);
      await expect(serve({ url: 'app://cais/../../electron/main.ts' })).rejects.toThrow(/ENOENT.*renderer[\\/]electron[\\/]main\.ts/);
    });

    it('connects the router only for a port sent by its own page', async () => {
      await startMain();
      const connect = ipcListener('cais:connect');
      for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'about:blank', '']) {
        const port = fakePort();
        connect({ ports: [port], senderFrame: { url } });
        expect(port.start, url).not.toHaveBeenCalled();
      }
      const gone = fakePort();
      connect({ ports: [gone], senderFrame: null });
      expect(gone.start).not.toHaveBeenCalled();
      expect(logText()).toMatch(/WARN {2}Refused cais:connect from a frame that is not Cais's own page/);

      const own = fakePort();
      connect({ ports: [own], senderFrame: { url: 'app://cais/index.html#/containers' } });
      expect(own.start).toHaveBeenCalled();
    });

    it('opens links outside only for its own page', async () => {
      await startMain();
      const open = ipcListener('cais:open-external');
      open({ senderFrame: { url: 'https://evil.example/' } }, 'https://docs.docker.com/');
      expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
      open({ senderFrame: { url: 'app://cais/index.html' } }, 'https://docs.docker.com/');
      expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://docs.docker.com/');
    });
  });
});
