import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react(), tailwindcss()],
  },
});
