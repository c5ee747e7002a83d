import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostWithEnv, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';
import { buildTestImage } from './support/test-image';
import { destroyThrowawayEngine, dockerFor, startThrowawayEngine, TEST_LABEL, throwawayEngineUnavailable } from './support/test-engine';
import { runInVolume } from './support/volume-manifest';

const noEngine = throwawayEngineUnavailable();

const text = {
  en: { backUp: 'Back up', running: 'Backing up…', cutOff: 'This stopped when the engine went away', work: (name: string) => `Backing up ${name} to a file` },
  'pt-BR': { backUp: 'Fazer backup', running: 'Fazendo backup…', cutOff: 'Isto parou quando o engine sumiu', work: (name: string) => `Fazendo backup de ${name} em um arquivo` },
} as const;

test.describe('a volume backup cut off by the engine going away', () => {
  test.skip(Boolean(noEngine), `needs its own engine to stop: ${noEngine}`);
  test.setTimeout(180_000);

  for (const language of ['en', 'pt-BR'] as const) {
    const words = text[language];
    test(`is named on the offline screen, as any cut-off work is (${language})`, async ({ page }) => {
      // Its own engine, so stopping it disturbs no other test; its own home, for the default backup folder.
      const engine = await startThrowawayEngine({ ownNetwork: true });
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-home-'));
      const started = await startHostWithEnv({ DOCKER_HOST: engine.host, HOME: home });
      try {
        const docker = dockerFor(engine.host);
        await buildTestImage(docker);
        const name = uniqueName('big');
        await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
        // Random bytes do not compress: the backup runs long enough to be under way when the engine stops.
        await runInVolume(docker, name, 'dd if=/dev/urandom of=/data/big bs=1048576 count=800 2>/dev/null');

        await openApp(page, started.host, language);
        await page.goto(`${started.host.origin}/#volumes/${name}/backup`);
        await page.getByRole('button', { name: words.backUp, exact: true }).click();
        await expect(page.getByText(words.running)).toBeVisible({ timeout: 30_000 });

        await engine.stop();
        await expect(page.getByTestId('offline-screen')).toBeVisible({ timeout: 10_000 });
        const cutOff = page.getByRole('alert').filter({ hasText: words.cutOff });
        await expect(cutOff).toContainText(words.work(name));
        await checkAndShoot(page, `offline-interrupted-backup-${language}`);
      } finally {
        await started.close();
        await destroyThrowawayEngine(engine);
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  }
});
