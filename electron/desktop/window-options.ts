import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's security settings, kept apart from main.ts so a test can
 * assert them without starting Electron.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 780,
    minWidth: 820,
    minHeight: 520,
    show: false,
    title: 'Cais',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Only http(s) links leave the app, and only to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * The CSP of the desktop window, sent as a header with every response of the app:// protocol
 * (and of the dev server). Styles may be inline because the terminal (xterm.js) writes its own <style>
 * elements and style attributes; scripts stay 'self' only, as in the web host.
 */
export const ELECTRON_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The same policy as a `<meta http-equiv>` in the built index.html, so it holds even where no
 * header reaches the page (a file:// copy, a protocol handler that forgot it). A browser also
 * enforces it under the web host's own header, which allows at least as much. `frame-ancestors`
 * cannot be set by a meta element (a header only), so it is left out here.
 */
export const RENDERER_META_CSP = ELECTRON_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
