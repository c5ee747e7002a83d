import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, appRequestFile, contentTypeOf, isTrustedSender, rendererPage } from './app-origin';

describe('rendererPage', () => {
  it('is the built page on app://cais when packaged, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererPage({ isPackaged: true, devUrl: 'https://evil.example/' })).toEqual({ url: APP_INDEX_URL, origin: APP_ORIGIN });
    expect(rendererPage({ isPackaged: true, devUrl: 'http://localhost:5173/' })).toEqual({ url: APP_INDEX_URL, origin: APP_ORIGIN });
    expect(rendererPage({ isPackaged: true, devUrl: undefined }).url).toBe('app://cais/index.html');
  });

  it("is the dev server when run from the sources, with the dev server's origin", () => {
    expect(rendererPage({ isPackaged: false, devUrl: 'http://localhost:5173/' })).toEqual({ url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(rendererPage({ isPackaged: false, devUrl: undefined })).toEqual({ url: APP_INDEX_URL, origin: APP_ORIGIN });
  });

  it('never takes a dev address that is not http(s)', () => {
    for (const devUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', '']) {
      expect(rendererPage({ isPackaged: false, devUrl }).origin, devUrl).toBe(APP_ORIGIN);
    }
  });
});

describe('isTrustedSender', () => {
  it("accepts any frame URL on the page's own origin", () => {
    expect(isTrustedSender('app://cais/index.html', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://cais/index.html#/containers/abc?tab=logs', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/images', 'http://localhost:5173')).toBe(true);
  });

  it.each([
    ['another host on our scheme', 'app://evil/index.html'],
    ['a look-alike host', 'app://cais.evil.example/index.html'],
    ['a user name in front of the host', 'app://x@cais/index.html'],
    ['another site', 'https://evil.example/'],
    ['a local file', 'file:///home/user/index.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a blank frame', 'about:blank'],
    ['no URL (a frame that is gone)', ''],
    ['null', null],
    ['undefined', undefined],
    ['not a URL', 'cais'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(false);
  });

  it('refuses the app page when the dev server is the page, and another port of the dev host', () => {
    expect(isTrustedSender('app://cais/index.html', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('appRequestFile', () => {
  const root = path.resolve('/srv/cais/out/renderer');
  const inRoot = (...parts: string[]) => path.join(root, ...parts);

  it('maps app://cais paths to files under the renderer folder; / is index.html', () => {
    expect(appRequestFile('app://cais/index.html', root)).toBe(inRoot('index.html'));
    expect(appRequestFile('app://cais/', root)).toBe(inRoot('index.html'));
    expect(appRequestFile('app://cais', root)).toBe(inRoot('index.html'));
    expect(appRequestFile('app://cais/assets/index-abc.js?v=1#x', root)).toBe(inRoot('assets', 'index-abc.js'));
    expect(appRequestFile('app://cais/assets/a%20b.css', root)).toBe(inRoot('assets', 'a b.css'));
  });

  it.each([
    'app://cais/../../etc/passwd',
    'app://cais/%2e%2e/%2e%2e/etc/passwd',
    'app://cais/assets/..%2f..%2f..%2fetc/passwd',
    'app://cais/%2fetc%2fpasswd',
  ])('keeps %s inside the renderer folder', (url) => {
    const file = appRequestFile(url, root);
    expect(file === undefined || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///srv/cais/out/renderer/index.html'],
    ['a NUL byte', 'app://cais/index.html%00.png'],
    ['a backslash', 'app://cais/..%5c..%5cetc%5cpasswd'],
    ['a broken escape', 'app://cais/%E0%A4%A'],
    ['not a URL', 'index.html'],
  ])('names no file for %s', (_what, url) => {
    expect(appRequestFile(url, root)).toBeUndefined();
  });
});

describe('contentTypeOf', () => {
  it('gives module scripts a JavaScript type, and a safe default', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
