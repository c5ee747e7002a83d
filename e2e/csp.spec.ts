import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { openApp, RENDERER_DIR, test } from './support/fixtures';

/*
 * The window's Content-Security-Policy, enforced at run time in Chromium, not just written down:
 * an inline script and eval() are refused, each with a securitypolicyviolation event.
 * - through the web host, whose responses carry the policy as a header, and whose built page
 *   carries it as a <meta> too;
 * - the built index.html opened from file://, where no header reaches it: the <meta> alone.
 * The desktop window (app://cais with the header) is checked in e2e/electron.spec.ts, where
 * Electron's binary can run.
 */

interface Attempt {
  inlineRan: boolean;
  evalResult: string;
  violations: { directive: string; blocked: string }[];
}

/** Tries an inline script and eval() in the page; reports what ran and what the CSP refused. */
async function tryScripts(page: Page): Promise<Attempt> {
  await page.evaluate(() => {
    const seen = window as unknown as { violations: { directive: string; blocked: string }[] };
    seen.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.body.append(script);
  });
  // Called from a timer, not from Playwright's own evaluation: DevTools lets the code it runs
  // itself use eval whatever the page's policy, as it does for its console.
  const evalResult = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            resolve(String(eval('6 * 7')));
          } catch (error) {
            resolve((error as Error).name);
          }
        }),
      ),
  );
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { violations: unknown[] }).violations.length))
    .toBeGreaterThanOrEqual(2);
  return page.evaluate((result) => {
    const seen = window as unknown as { inlineRan?: boolean; violations: { directive: string; blocked: string }[] };
    return { inlineRan: seen.inlineRan === true, evalResult: result, violations: seen.violations };
  }, evalResult);
}

function expectRefused(attempt: Attempt): void {
  expect(attempt.inlineRan).toBe(false);
  expect(attempt.evalResult).toBe('EvalError');
  expect(attempt.violations).toEqual(
    expect.arrayContaining([
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src', blocked: 'eval' },
    ]),
  );
}

test('the web host page refuses inline scripts and eval, and its build carries the policy as a <meta>', async ({ page, webHost }) => {
  await openApp(page, webHost);
  await expect(page.getByRole('heading', { name: 'Containers', level: 1 }).or(page.getByTestId('offline-screen'))).toBeVisible({ timeout: 15_000 });
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expectRefused(await tryScripts(page));
});

test('the built page keeps the policy with no header at all (file://): the <meta> alone refuses them', async ({ page }) => {
  await page.goto(pathToFileURL(path.join(RENDERER_DIR, 'index.html')).href);
  expectRefused(await tryScripts(page));
});
