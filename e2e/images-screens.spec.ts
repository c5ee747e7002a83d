import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { buildRandomImage, pushTo, removeQuietly } from './support/image-fixtures';
import { startRegistry, type LocalRegistry } from './support/registry';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

/** Screenshots of the images area for a person to look at, each checked with axe-core. */
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');


const TEXT = {
  en: { nav: 'Images', pullOpen: 'Pull an image', name: 'Image name', pull: 'Pull', pulled: 'Pulled', build: 'Build', folder: 'Folder (the build context)', tag: 'Name and tag (optional)', built: 'Built', filter: 'Filter', details: 'Details of', what: 'What are layers?' },
  'pt-BR': { nav: 'Imagens', pullOpen: 'Baixar uma imagem', name: 'Nome da imagem', pull: 'Baixar', pulled: 'baixada', build: 'Construir', folder: 'Pasta (o contexto do build)', tag: 'Nome e tag (opcional)', built: 'construída', filter: 'Filtrar', details: 'Detalhes de', what: 'O que são camadas?' },
} as const;

let registry: LocalRegistry;
let tmp: string;
test.beforeAll(async () => {
  registry = await startRegistry();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-shots-'));
});
test.afterAll(async () => {
  await registry?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

for (const scheme of ['light', 'dark'] as const) {
  for (const language of ['en', 'pt-BR'] as const) {
    test(`images screens in ${language}, ${scheme}: pull progress, build log, layers`, async ({ page, webHost, docker }) => {
      const text = TEXT[language];
      await page.emulateMedia({ colorScheme: scheme });
      fs.mkdirSync(SHOTS, { recursive: true });
      const shot = (name: string) => path.join(SHOTS, `images-${name}-${language}-${scheme}.png`);

      // A base image here and a child only in the registry: one layer reused, two downloaded.
      const base = `cais-test/${uniqueName('shotbase')}:v1`;
      await buildRandomImage(docker, base, [400_000]);
      const reference = `${registry.address}/cais-test/${uniqueName('app')}:v1`;
      const ctx = path.join(tmp, uniqueName('ctx'));
      fs.mkdirSync(ctx);
      fs.writeFileSync(path.join(ctx, 'a.bin'), randomBytes(2_500_000));
      fs.writeFileSync(path.join(ctx, 'b.bin'), randomBytes(900_000));
      fs.writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${base}\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\nLABEL ${TEST_LABEL}=1\n`);
      const built = await docker.buildImage({ context: ctx, src: ['Dockerfile', 'a.bin', 'b.bin'] }, { t: reference });
      await new Promise((resolve, reject) => docker.modem.followProgress(built, (error) => (error ? reject(error) : resolve(null))));
      await pushTo(docker, reference, registry.address);
      await removeQuietly(docker, reference);

      await openApp(page, webHost, language);
      await page.getByRole('link', { name: text.nav }).click();
      await page.getByRole('button', { name: text.pullOpen }).click();
      await page.getByLabel(text.name).fill(reference);
      await page.getByRole('button', { name: text.pull, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: text.pulled })).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page);
      await page.locator('section[aria-labelledby="pull-title"]').screenshot({ path: shot('pull') });
      await page.locator('section[aria-labelledby="pull-title"]').getByRole('button').first().click();

      const dir = path.join(tmp, uniqueName('build'));
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '.dockerignore'), '*.log\n');
      fs.writeFileSync(path.join(dir, 'debug.log'), 'ignored');
      fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello');
      fs.writeFileSync(
        path.join(dir, 'Dockerfile'),
        `FROM ${TEST_IMAGE}\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt && ls /\nRUN echo "step four" && false\nLABEL ${TEST_LABEL}=1\n`,
      );
      await page.getByRole('button', { name: text.build }).first().click();
      await page.getByLabel(text.folder).fill(dir);
      await page.getByLabel(text.tag).fill(`cais-test/${uniqueName('shot')}:v1`);
      await page.getByRole('button', { name: text.build, exact: true }).last().click();
      await expect(page.getByTestId('build-failed')).toBeVisible({ timeout: 30_000 });
      await expectAccessible(page);
      await page.locator('section[aria-labelledby="build-title"]').screenshot({ path: shot('build') });
      await page.locator('section[aria-labelledby="build-title"]').getByRole('button').first().click();

      await page.getByLabel(text.filter).fill(reference);
      await page.getByRole('button', { name: `${text.details} ${reference}` }).click();
      await expect(page.getByTestId('layer-entry')).toHaveCount(5);
      await page.getByText(text.what).click();
      await expectAccessible(page);
      await page.locator('#layers-title').locator('..').screenshot({ path: shot('layers') });
      await page.screenshot({ path: shot('detail') });

      await removeQuietly(docker, reference);
      await removeQuietly(docker, base);
    });
  }
}
