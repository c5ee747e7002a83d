import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { firstLoadScripts, gzippedKB } from './support/first-load';
import { RENDERER_DIR } from './support/fixtures';

// The window's first load is what every user waits for: it carries the
// containers screen, while the terminal (xterm.js), the charts and the other
// pages load when first needed (or when the window is idle).
test('the first load leaves out the terminal, the stats charts and the other pages, and stays under 600 KB gzipped', () => {
  const first = firstLoadScripts(RENDERER_DIR);
  const names = first.map((file) => path.basename(file));
  expect(names.length).toBeGreaterThan(0);
  for (const deferred of ['TerminalTab', 'StatsTab', 'ImagesPage', 'VolumesPage', 'DashboardPage', 'SettingsPage']) {
    expect(names.some((name) => name.startsWith(deferred))).toBe(false);
    expect(fs.readdirSync(path.join(RENDERER_DIR, 'assets')).some((name) => name.startsWith(deferred))).toBe(true);
  }
  // xterm.js's own class names, so a static import of the terminal anywhere is caught too.
  expect(first.some((file) => fs.readFileSync(file, 'utf8').includes('xterm-helper-textarea'))).toBe(false);
  expect(gzippedKB(first)).toBeLessThan(600);
});
