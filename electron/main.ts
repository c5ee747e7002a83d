import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainEvent, type MessageBoxOptions } from 'electron';
import { homepage } from '../package.json';
import { startCore, type Core } from './core/start-core';
import { aboutText } from './desktop/about';
import { APP_SCHEME, appRequestFile, contentTypeOf, isTrustedSender, rendererPage } from './desktop/app-origin';
import { AppLog, logMaxBytesFromEnv } from './logging/app-log';
import { buildMenuTemplate } from './desktop/app-menu';
import { desktopLanguage, translator, type DesktopLanguage, type Translate } from './desktop/desktop-text';
import { describeStartupFailure } from './desktop/startup-failure';
import { keychainCipher } from './desktop/keychain-cipher';
import { bringToFront, openMainWindow } from './desktop/main-window';
import { CREDENTIALS_FILE } from './settings/credential-store';
import { messagePortHost } from './transports/message-port';
import { ELECTRON_CSP, isSafeExternalUrl } from './desktop/window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const DOCS_URL = `${homepage}#readme`;
const RENDERER_DIR = path.join(here, '../renderer');
const ISSUES_URL = `${homepage}/issues`;

// CAIS_USER_DATA_DIR moves every file of Cais (settings, window state, logs) into one folder:
// for tests, and for running a second, separate Cais. It must be set before anything reads userData.
const userDataOverride = process.env.CAIS_USER_DATA_DIR;
if (userDataOverride) {
  app.setPath('userData', path.resolve(userDataOverride));
  app.setAppLogsPath(path.join(path.resolve(userDataOverride), 'logs'));
} else {
  app.setAppLogsPath(); // ~/Library/Logs/Cais on macOS, <userData>/logs elsewhere
}

// The window's page is served from app://cais/ (see desktop/app-origin.ts), a secure, standard
// scheme of our own: it must be registered before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

const log = new AppLog({
  dir: app.getPath('logs'),
  maxBytes: logMaxBytesFromEnv(),
  echo: app.isPackaged ? undefined : (line) => process.stderr.write(`${line}\n`),
});
const servePort = messagePortHost(log);
/**
 * The engine connection, settings and registry logins (sealed with the OS keychain when there is
 * one, else kept for this run only): created once the app is ready, as userData is only final then.
 */
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
/** True once the window's page has loaded: until then any error is a startup failure. */
let started = false;
let menuLanguage: DesktopLanguage | undefined;
let failing = false;
/** The window's page: the built renderer on app://cais, or electron-vite's dev server when not packaged. */
const page = rendererPage({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL });
let refusedSenderLogged = false;

function systemLocale(): string {
  return app.isReady() ? app.getLocale() : (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
}

function language(): DesktopLanguage {
  return desktopLanguage(core?.settings.settings.language, systemLocale());
}

function t(): Translate {
  return translator(language());
}

/** Any error before the window has loaded: a sentence in the user's language and the log's place, never a stack trace. */
function startupFailed(error: unknown): void {
  if (failing) return;
  failing = true;
  log.error('Cais could not start', error);
  const failure = describeStartupFailure(error, { t: t(), dataDir: app.getPath('userData'), logFile: log.file, logWritten: log.writable });
  dialog.showErrorBox(failure.title, failure.message);
  app.exit(1);
}

process.on('uncaughtException', (error) => {
  if (!started) startupFailed(error);
  else log.error('Unexpected error in the main process', error);
});
process.on('unhandledRejection', (reason) => log.error('Unhandled promise rejection in the main process', reason));

function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

async function showAbout(): Promise<void> {
  if (!core) return;
  const text = t();
  const about = aboutText(
    { appName: app.getName(), appVersion: app.getVersion(), versions: process.versions, os: `${os.type()} ${os.release()} ${process.arch}`, engine: core.engine.state },
    text,
  );
  const options: MessageBoxOptions = {
    type: 'info',
    title: about.title,
    message: about.heading,
    detail: about.detail,
    buttons: [text('about.ok'), text('about.copy')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(about.copyText);
}

async function openLogFolder(): Promise<void> {
  const problem = await shell.openPath(app.getPath('logs'));
  if (problem) log.warn(`Could not open the log folder: ${problem}`);
}

/** The native menu in the user's language; rebuilt when the language setting changes. */
function applyMenu(): void {
  menuLanguage = language();
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    t: translator(menuLanguage),
    devTools: !app.isPackaged,
    actions: {
      about: () => void showAbout(),
      openLogFolder: () => void openLogFolder(),
      openDocs: () => openExternal(DOCS_URL),
      reportProblem: () => openExternal(ISSUES_URL),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * A file of the built renderer for the app:// protocol, with the window's CSP as a header. A
 * request for something that is not one of its files is a 404; a file that should be there and
 * is not fails the load, which reports the install as damaged (a startup failure).
 */
async function serveRenderer(request: { url: string }): Promise<Response> {
  const file = appRequestFile(request.url, RENDERER_DIR);
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const body = await fs.promises.readFile(file);
  return new Response(body, {
    headers: { 'content-type': contentTypeOf(file), 'content-security-policy': ELECTRON_CSP, 'x-content-type-options': 'nosniff' },
  });
}

/** Only the app's own page may use the main process: not a frame of another site, file:// or a blank one. */
function fromOwnPage(event: IpcMainEvent, channel: string): boolean {
  if (isTrustedSender(event.senderFrame?.url, page.origin)) return true;
  if (!refusedSenderLogged) {
    refusedSenderLogged = true;
    log.warn(`Refused ${channel} from a frame that is not Cais's own page (${page.origin}); further refusals are not logged`);
  }
  return false;
}

function createWindow(): BrowserWindow {
  const window = openMainWindow({
    preload: path.join(here, '../preload/preload.cjs'),
    page: { url: page.url },
    userData: app.getPath('userData'),
    log,
    onLoaded: () => {
      if (!started) log.info('Window loaded');
      started = true;
    },
    onLoadFailure: (error) => (started ? log.error('The window could not load its page', error) : startupFailed(error)),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  return window;
}

function startPrimary(): void {
  app.on('second-instance', () => {
    // Someone started Cais again: show this one instead of a second copy.
    log.info('Cais was started again: showing the open window');
    if (!app.isReady()) return;
    if (mainWindow) bringToFront(mainWindow);
    else mainWindow = createWindow();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternal(url);
      return { action: 'deny' };
    });
  });

  // The renderer hands us one end of a MessageChannel; the router serves it.
  ipcMain.on('cais:connect', (event) => {
    const [port] = event.ports;
    if (!port || !core || !fromOwnPage(event, 'cais:connect')) return;
    servePort(port, core);
  });
  ipcMain.on('cais:open-external', (event, url: unknown) => {
    if (typeof url === 'string' && fromOwnPage(event, 'cais:open-external')) openExternal(url);
  });

  app
    .whenReady()
    .then(() => {
      const versions = `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`;
      log.info(`Cais ${app.getVersion()} starting (${versions}; ${os.type()} ${os.release()} ${process.arch}); pid ${process.pid}`);
      if (process.env.ELECTRON_RENDERER_URL && app.isPackaged) log.warn('ELECTRON_RENDERER_URL is ignored: this Cais is installed, not run from its sources');
      protocol.handle(APP_SCHEME, serveRenderer);
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
      });
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      core = startCore({
        dataDir: app.getPath('userData'),
        log,
        credentials: { file: path.join(app.getPath('userData'), CREDENTIALS_FILE), cipher: keychainCipher(), withoutKeychain: 'no-keychain' },
      });
      core.settings.on('change', () => {
        if (language() !== menuLanguage) applyMenu();
      });
      applyMenu();
      mainWindow = createWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
      });
    })
    .catch(startupFailed);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    log.info('Quitting');
    core?.engine.close();
  });
}

// One Cais per user: a second start hands over to the first (its second-instance event) and leaves.
if (app.requestSingleInstanceLock()) startPrimary();
else app.quit();
