import { destroyThrowawayEngine, startThrowawayEngine, throwawayEngineUnavailable } from './support/test-engine';
import { expect, openApp, startHostFor, test } from './support/fixtures';

const noEngine = throwawayEngineUnavailable();

test.describe('when the engine goes away', () => {
  test.skip(Boolean(noEngine), `needs its own engine to stop and start: ${noEngine}`);

  test('shows the offline screen within 2 s and the list again by itself', async ({ page }) => {
    // Its own engine, so stopping it disturbs no other test.
    const engine = await startThrowawayEngine({ ownNetwork: true });
    const started = await startHostFor(engine.host);
    try {
      await openApp(page, started.host);
      await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();

      await engine.stop();
      await expect(page.getByTestId('offline-screen')).toBeVisible({ timeout: 2000 });
      await expect(page.getByRole('heading', { name: 'Cais cannot reach a Docker engine' })).toBeVisible();
      await expect(page.getByText(/no engine at .*docker\.sock|refused the connection/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
      await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'offline');

      let navigations = 0;
      page.on('framenavigated', () => (navigations += 1));
      await engine.start();
      await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'connected');
      expect(navigations).toBe(0);
    } finally {
      await started.close();
      await destroyThrowawayEngine(engine);
    }
  });
});

test('explains a missing engine and what to do, and Retry tries again', async ({ page }) => {
  const started = await startHostFor('unix:///nonexistent/cais/docker.sock');
  try {
    await openApp(page, started.host);
    await expect(page.getByTestId('offline-screen')).toBeVisible();
    await expect(page.getByText('There is no engine at /nonexistent/cais/docker.sock')).toBeVisible();
    await expect(page.getByText(/Install Docker Engine|Start Docker Desktop|Install and start|Start the engine/)).toBeVisible();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await expect(page.getByTestId('offline-screen')).toBeVisible();
    await page.getByText('What the engine said').click();
    await expect(page.getByText(/ENOENT/)).toBeVisible();
  } finally {
    await started.close();
  }
});
