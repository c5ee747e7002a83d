import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RPCHandler } from '@orpc/server/message-port';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { EngineConnection } from './engine/connection';
import { keychainCipher } from './keychain-cipher';
import { router } from './server/router';
import { CREDENTIALS_FILE, CredentialStore } from './settings/credential-store';
import { startWithSavedEngine } from './settings/engine-choice';
import { SettingsStore } from './settings/settings-store';
import { ELECTRON_CSP, isSafeExternalUrl, secureWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = new EngineConnection();
const rpc = new RPCHandler(router);
/** Created once the app is ready: userData is only final then. */
let settings: SettingsStore | undefined;
/** Registry logins, sealed with the OS keychain when there is one (else kept for this run only). */
let credentials: CredentialStore | undefined;

function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function createWindow(): void {
  const window = new BrowserWindow(secureWindowOptions(path.join(here, '../preload/preload.cjs')));
  window.once('ready-to-show', () => window.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(path.join(here, '../renderer/index.html'));
}

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
  if (!port || event.sender.getURL() === '') return;
  rpc.upgrade(port, { context: { engine, settings, credentials } });
  port.start();
});
ipcMain.on('cais:open-external', (_event, url: unknown) => {
  if (typeof url === 'string') openExternal(url);
});

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  settings = new SettingsStore(app.getPath('userData'));
  credentials = new CredentialStore({
    file: path.join(app.getPath('userData'), CREDENTIALS_FILE),
    cipher: keychainCipher(),
    withoutKeychain: 'no-keychain',
  });
  void startWithSavedEngine(engine, settings);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}, (error: unknown) => {
  console.error(`Cais could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => engine.close());
