import path from 'node:path';

/**
 * Where the desktop window's page comes from, and who may talk to the main process.
 *
 * The packaged window is served from a custom protocol, `app://cais/`, instead of `file://`: a
 * page on `file://` may read any file the user can and shares its origin with every other local
 * file, while `app://cais` is one origin of our own whose responses carry the CSP header. The
 * main process only answers IPC from a frame on that origin (or on the dev server's, when not
 * packaged). Plain Node, so the decisions are unit-tested without Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'cais';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** `scheme://host[:port]` of a URL, also for schemes the URL parser does not know (its `origin` is "null" there). */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * The page the window loads. `ELECTRON_RENDERER_URL` (electron-vite's dev server) is honoured
 * only when the app is not packaged: in an installed Cais it would let whoever sets the variable
 * load any page with the preload and the whole engine API behind it.
 */
export function rendererPage(options: { isPackaged: boolean; devUrl: string | undefined }): { url: string; origin: string } {
  const { isPackaged, devUrl } = options;
  if (!isPackaged && devUrl) {
    try {
      const url = new URL(devUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return { url: url.href, origin: originOf(url) };
    } catch {
      // Not a URL: the built page.
    }
  }
  return { url: APP_INDEX_URL, origin: APP_ORIGIN };
}

/**
 * Whether an IPC message comes from the app's own page: the sending frame's URL (Electron's
 * `event.senderFrame.url`) is on the page's origin. A frame that is gone, blank, on `file://`,
 * `data:` or any other site is refused.
 */
export function isTrustedSender(frameUrl: string | undefined | null, pageOrigin: string): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.username === '' && url.password === '' && originOf(url) === pageOrigin;
  } catch {
    return false;
  }
}

/**
 * The file under `root` (the built renderer) that an `app://cais/…` request names, or undefined
 * when it names none: another host, a path that leaves `root` (`..`, encoded or not), a NUL byte
 * or a broken escape. `/` is index.html.
 */
export function appRequestFile(requestUrl: string, root: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || relative.includes('\\')) return undefined;
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${relative}`)}`);
  return file.startsWith(base + path.sep) ? file : undefined;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a built renderer file (module scripts need a JavaScript type). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
