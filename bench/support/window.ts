import { chromium, type Browser, type Page } from '@playwright/test';
import type { Cleanup } from './harness';

/** Debian's Chromium, as the end-to-end journeys use it (see playwright.config.ts). */
const CHROMIUM = process.env.CAIS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium that is closed with the bench part. */
export async function launchWindowBrowser(cleanups: Cleanup[]): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  cleanups.push(() => browser.close());
  return browser;
}

/** A window (page) on the web host at a launch `url` (one works once), in English. */
export async function openWindow(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.addInitScript(() => localStorage.setItem('cais.language', 'en'));
  await page.goto(url);
  return page;
}
