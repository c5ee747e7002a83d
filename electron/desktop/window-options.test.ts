import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, isSafeExternalUrl, secureWindowOptions } from './window-options';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions('/app/out/preload/preload.mjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it('gives the renderer no Node and no webviews', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('passes the preload path through', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.mjs');
    expect(secureWindowOptions('C:\\Cais\\preload.mjs').webPreferences?.preload).toBe('C:\\Cais\\preload.mjs');
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['http://localhost:8080', 'https://docs.docker.com/engine/', 'http://127.0.0.1:3000/path?q=1#x'])(
    'lets %s open in the browser',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://attacker.example/share',
    'vscode://file/etc/passwd',
    'ms-settings:',
    'HTTP//missing-colon',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('ELECTRON_CSP', () => {
  it("has default-src 'self'", () => {
    expect(ELECTRON_CSP.split(';').map((part) => part.trim())).toContain("default-src 'self'");
  });

  it("lets no script in but its own: no 'unsafe-inline' or 'unsafe-eval' for scripts, anything unsafe only for styles", () => {
    const directives = ELECTRON_CSP.split(';').map((d) => d.trim());
    expect(directives).toContain("script-src 'self'");
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
    for (const directive of directives.filter((d) => /unsafe-/.test(d))) expect(directive).toMatch(/^style-src /);
  });

  it('blocks plugins and framing', () => {
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).toContain("frame-ancestors 'none'");
  });
});
