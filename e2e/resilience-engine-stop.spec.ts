import type { BrowserContext, Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, startHostFor, test } from './support/fixtures';
import { buildRandomImage, pushTo, removeQuietly } from './support/image-fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { bridgeIntoNamespace, engineNetworkNamespace, startRegistry } from './support/registry';
import { buildTestImage } from './support/test-image';
import { destroyThrowawayEngine, dockerFor, startThrowawayEngine, TEST_IMAGE, TEST_LABEL, throwawayEngineUnavailable } from './support/test-engine';
import { startThrottleProxy } from './support/throttle-proxy';
import type { WebHost } from '../electron/transports/web-host';

const noEngine = throwawayEngineUnavailable();

/**
 * A line every 100 ms naming which run of the container it comes from (the
 * count survives restarts in the container's own files), and a quick exit on
 * SIGTERM so the engine stops without waiting for it.
 */
const TICKING =
  "trap 'exit 0' TERM; run=$(($(cat /tmp/runs 2>/dev/null || echo 0) + 1)); echo $run > /tmp/runs; " +
  'i=0; while :; do echo "run $run tick $i"; i=$((i+1)); sleep 0.1 & wait $!; done';
/** 3 MB at 48 KB/s: about a minute, far longer than the test needs the pull to run. */
const LAYER_BYTES = 3_000_000;
const PULL_BYTES_PER_SECOND = 48_000;

/** One window of the app on `hash`, recording its page errors and any navigation after it opened. */
async function openWindow(context: BrowserContext, host: WebHost, hash: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Each window signs in with a launch URL of its own (one works once), then goes to its screen.
  await page.goto(host.launchUrl());
  await page.waitForFunction(() => sessionStorage.getItem('cais.session') !== null);
  await page.goto(`${host.origin}/#${hash}`);
  let navigations = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && (navigations += 1));
  return { page, errors, navigations: () => navigations };
}

const lineCount = async (page: Page) => Number(await page.getByTestId('log-view').getAttribute('data-lines'));
const sampleCount = async (page: Page) => Number(await page.getByTestId('stats-samples').getAttribute('data-count'));

test.describe('when the engine stops under running streams', () => {
  test.skip(Boolean(noEngine), `needs its own engine to stop and start: ${noEngine}`);
  test.setTimeout(240_000);

  test('every window says so, nothing crashes, and all of it comes back by itself', async ({ page: first, context }) => {
    // Its own engine, so stopping it disturbs no other test.
    const engine = await startThrowawayEngine({ ownNetwork: true });
    const docker = dockerFor(engine.host);
    const started = await startHostFor(engine.host);
    const registry = await startRegistry();
    const cleanups: (() => Promise<unknown>)[] = [() => registry.stop(), () => started.close(), () => destroyThrowawayEngine(engine)];
    try {
      await buildTestImage(docker);
      const name = uniqueName('ticking');
      const container = await docker.createContainer({
        Image: TEST_IMAGE,
        name,
        Labels: { [TEST_LABEL]: '1' },
        Cmd: ['sh', '-c', TICKING],
        // Back by itself when the engine is, like any service.
        HostConfig: { RestartPolicy: { Name: 'always' }, NetworkMode: 'none' },
      });
      await container.start();

      // The engine reaches the registry through a slow proxy, so the pull is still running when the engine stops.
      const proxy = await startThrottleProxy(Number(registry.address.split(':')[1]), PULL_BYTES_PER_SECOND);
      cleanups.unshift(() => proxy.close());
      const unbridge = await bridgeIntoNamespace(engineNetworkNamespace(engine.host)!, proxy.port, engine.dir);
      cleanups.unshift(unbridge);
      const reference = `127.0.0.1:${proxy.port}/cais-test/${uniqueName('slow')}:v1`;
      await buildRandomImage(docker, reference, [LAYER_BYTES]);
      await pushTo(docker, reference, `127.0.0.1:${proxy.port}`);
      await removeQuietly(docker, reference);

      // One page sets the language (localStorage, shared); each window then signs in with its own link.
      await openApp(first, started.host);
      await first.close();
      const list = await openWindow(context, started.host, 'containers');
      const logs = await openWindow(context, started.host, `containers/${container.id}/logs`);
      const stats = await openWindow(context, started.host, `containers/${container.id}/stats`);
      const pull = await openWindow(context, started.host, 'images');
      const windows = [list, logs, stats, pull];

      await expect(list.page.getByRole('link', { name })).toBeVisible();
      await expect(logs.page.getByRole('log', { name: `Log of ${name}` })).toContainText('run 1 tick');
      await expect.poll(() => sampleCount(stats.page), { timeout: 20_000 }).toBeGreaterThan(1);
      await pull.page.getByRole('button', { name: 'Pull an image' }).click();
      await pull.page.getByLabel('Image name').fill(reference);
      await pull.page.getByRole('button', { name: 'Pull', exact: true }).click();
      await expect(pull.page.getByTestId('layer-progress').first()).toHaveAttribute('data-phase', 'downloading', { timeout: 30_000 });

      const stopped = engine.stop();
      // Every window says the engine went away, and none keeps a stream's spinner up.
      await Promise.all(windows.map(({ page }) => expect(page.getByTestId('offline-screen')).toBeVisible({ timeout: 2000 })));
      await stopped;
      for (const { page } of windows) {
        await expect(page.getByRole('heading', { name: 'Cais cannot reach a Docker engine' })).toBeVisible();
        await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'offline');
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      }
      // The pull's window names the pull the engine's absence cut off.
      const cutOff = pull.page.getByRole('alert').filter({ hasText: 'This stopped when the engine went away' });
      await expect(cutOff).toContainText(`Pulling ${reference}`);
      await checkAndShoot(pull.page, 'offline-interrupted-pull-en');
      // The web host itself is fine: it still serves the window.
      expect((await logs.page.request.get(`${started.host.origin}/`)).ok()).toBe(true);

      await engine.start();
      // Back without a reload or a click: the list, the open panels, and the events.
      await expect(list.page.getByRole('link', { name })).toBeVisible({ timeout: 30_000 });
      // Lines of the container's run after the return: only a stream opened again can show them.
      await expect(logs.page.getByRole('log', { name: `Log of ${name}` })).toContainText('run 2 tick', { timeout: 30_000 });
      const seenLines = await lineCount(logs.page);
      await expect.poll(() => lineCount(logs.page), { timeout: 30_000 }).toBeGreaterThan(seenLines + 5);
      // The stats panel started over with new figures.
      await expect.poll(() => sampleCount(stats.page), { timeout: 30_000 }).toBeGreaterThan(2);
      await expect(pull.page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
      // The cut-off pull left no image behind.
      await expect(docker.getImage(reference).inspect()).rejects.toThrow(/no such image/i);

      const fresh = uniqueName('after-return');
      await dockerCli('-H', engine.host, 'create', '--name', fresh, '--label', TEST_LABEL, TEST_IMAGE);
      await expect(list.page.getByRole('link', { name: fresh })).toBeVisible({ timeout: 30_000 });

      for (const window of windows) {
        expect(window.errors).toEqual([]);
        expect(window.navigations()).toBe(0);
      }
    } finally {
      for (const cleanup of cleanups) await cleanup().catch((error: Error) => console.warn(`cleanup: ${error.message}`));
    }
  });
});
