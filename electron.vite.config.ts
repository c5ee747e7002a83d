import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { RENDERER_META_CSP } from './electron/desktop/window-options';

/**
 * The built index.html carries the window's CSP as a <meta> too, right after the charset and
 * before every script, which it must precede to cover. Only in the build: the dev server injects inline scripts (React's
 * refresh preamble) that the policy would refuse.
 */
function metaCsp(): Plugin {
  return {
    name: 'cais-meta-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${RENDERER_META_CSP}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/;
        if (charset.test(html)) return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
        return html.replace('<head>', `<head>\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The Electron main process and the headless web host share the engine and router.
        input: { main: 'electron/main.ts', web: 'electron/web.ts' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { preload: 'electron/preload.ts' },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    // Minified: the first load is what a user waits for (bench 'start').
    build: { minify: true, rollupOptions: { input: 'renderer/index.html' } },
    plugins: [react(), tailwindcss(), metaCsp()],
  },
});
