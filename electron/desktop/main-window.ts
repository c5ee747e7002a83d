import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { LogSink } from '../logging/app-log';
import { MISSING_FILES } from './startup-failure';
import {
  placeWindow,
  readWindowState,
  WINDOW_STATE_FILE,
  WindowStateSaver,
  writeWindowState,
  type Rect,
  type WindowState,
} from './window-state';
import { secureWindowOptions } from './window-options';

/**
 * The main window, opened where it was last closed (kept on a display that
 * exists) and remembering its place in window-state.json. Thin Electron glue:
 * the decisions live in desktop/window-state.ts.
 */

export interface MainWindowOptions {
  preload: string;
  /** The built renderer's index.html, or the dev server's address. */
  page: { file: string } | { url: string };
  userData: string;
  log: LogSink;
  /** The page could not be loaded: the install is damaged (a startup failure). */
  onLoadFailure(error: Error): void;
  /** The page loaded for the first time. */
  onLoaded(): void;
}

/** The displays' work areas, the primary display's first. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
}

const STATE_EVENTS = ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const;

export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const { log } = options;
  const defaults = secureWindowOptions(options.preload);
  const stateFile = path.join(options.userData, WINDOW_STATE_FILE);
  const placed = placeWindow(readWindowState(stateFile), workAreas(), {
    width: defaults.width ?? 1200,
    height: defaults.height ?? 780,
    minWidth: defaults.minWidth ?? 0,
    minHeight: defaults.minHeight ?? 0,
  });
  const window = new BrowserWindow({ ...defaults, ...placed.bounds });

  const saver = new WindowStateSaver((state) => {
    try {
      writeWindowState(stateFile, state);
    } catch (error) {
      log.warn('Could not save the window size and position', error);
    }
  });
  const snapshot = (): WindowState => ({
    // Maximized, full-screen or minimized: remember the size it returns to.
    bounds: window.isNormal() ? window.getBounds() : window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  });
  for (const event of STATE_EVENTS) window.on(event as 'resize', () => saver.update(snapshot()));
  window.on('close', () => {
    saver.update(snapshot());
    saver.flush();
  });

  window.once('ready-to-show', () => {
    if (placed.fullScreen) window.setFullScreen(true);
    else if (placed.maximized) window.maximize();
    window.show();
  });
  window.webContents.once('did-finish-load', () => options.onLoaded());
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation we blocked ourselves, not a failure.
    if (!isMainFrame || code === -3) return;
    options.onLoadFailure(Object.assign(new Error(`${description} (${code}) loading ${url}`), { code: MISSING_FILES }));
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`The window's page process ended: ${details.reason} (exit code ${details.exitCode})`);
  });

  // A failed load is reported by did-fail-load above; the promise would only repeat it.
  const loading = 'url' in options.page ? window.loadURL(options.page.url) : window.loadFile(options.page.file);
  loading.catch(() => undefined);
  return window;
}

/** Brings the window to the front, restoring it when minimized (a second start of the app). */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
