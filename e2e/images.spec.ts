import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { uniqueName } from './support/engine-fixtures';
import { dockerCli, expect, openApp, test } from './support/fixtures';
import { buildRandomImage, pushTo, removeQuietly } from './support/image-fixtures';
import { startRegistry, type LocalRegistry } from './support/registry';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

let registry: LocalRegistry;
let tmp: string;

test.beforeAll(async () => {
  registry = await startRegistry();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-e2e-img-'));
});
test.afterAll(async () => {
  await registry?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const row = (page: Page, reference: string) => page.locator(`[data-testid="image-row"][data-reference="${reference}"]`);

async function openImages(page: Page, host: Parameters<typeof openApp>[1], language = 'en') {
  await openApp(page, host, language);
  await page.getByRole('link', { name: language === 'en' ? 'Images' : 'Imagens' }).click();
  await expect(page.getByRole('heading', { name: language === 'en' ? 'Images' : 'Imagens', level: 1 })).toBeVisible();
}

/** Shows one image's details, using the filter so the virtualised row is on screen. */
async function openDetail(page: Page, reference: string) {
  await page.getByLabel('Filter').fill(reference);
  await row(page, reference).getByRole('button', { name: `Details of ${reference}` }).click();
  await expect(page.getByTestId('image-detail')).toHaveAttribute('data-reference', reference);
}

/** An image only in the registry: pushed there, then removed here. */
async function imageOnlyInRegistry(docker: import('dockerode'), name: string, sizes = [1_200_000, 600_000]) {
  const reference = `${registry.address}/cais-test/${uniqueName(name)}:v1`;
  await buildRandomImage(docker, reference, sizes);
  await pushTo(docker, reference, registry.address);
  await removeQuietly(docker, reference);
  return reference;
}

function writeContext(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, uniqueName(name));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

test.describe('images', () => {
  test('pulls from the local registry showing each layer, and the list updates by itself', async ({ page, webHost, docker }) => {
    const reference = await imageOnlyInRegistry(docker, 'pull');
    await openImages(page, webHost);
    await page.getByRole('button', { name: 'Pull an image' }).click();
    await page.getByLabel('Image name').fill(reference);
    await expect(page.getByTestId('command-hint').first()).toHaveText(`docker pull ${reference}`);
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(page.getByText(`Pulled ${reference}.`)).toBeVisible({ timeout: 20_000 });
    const layers = page.getByTestId('layer-progress');
    await expect(layers).toHaveCount(2);
    for (const layer of await layers.all()) await expect(layer).toHaveAttribute('data-phase', 'complete');
    await expect(page.getByTestId('transfer-bytes')).toHaveText(/^1\.8 MB of 1\.8 MB$/);
    await expect(page.getByRole('progressbar', { name: 'Download progress' })).toHaveAttribute('aria-valuenow', '100');
    expect((await docker.getImage(reference).inspect()).RepoTags).toContain(reference);
    await page.getByLabel('Filter').fill(reference);
    await expect(row(page, reference)).toBeVisible();

    // A change from the command line shows up without a reload.
    const cliTag = `cais-test/${uniqueName('cli')}:v1`;
    await dockerCli('tag', reference, cliTag);
    await page.getByLabel('Filter').fill(cliTag);
    await expect(row(page, cliTag)).toBeVisible();
    await dockerCli('rmi', cliTag);
    await expect(row(page, cliTag)).toHaveCount(0);
    await removeQuietly(docker, reference);
  });

  test('searches the registry catalog and pulls a result', async ({ page, webHost, docker }) => {
    const reference = await imageOnlyInRegistry(docker, 'catalog', [100_000]);
    const repo = reference.slice(registry.address.length + 1).replace(/:v1$/, '');
    await openImages(page, webHost);
    await page.getByRole('toolbar').getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByLabel('Add a registry (host:port)').fill(registry.address);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByLabel('Where')).toHaveValue(registry.address);
    await page.getByLabel('Search for').fill(repo.split('/')[1]);
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    const result = page.locator(`[data-testid="search-result"][data-reference="${reference}"]`);
    await expect(result).toContainText(`${repo}:v1`);
    await page.getByLabel('Search for').fill('no-such-repository-anywhere');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect(page.getByTestId('search-state')).toHaveAttribute('data-state', 'empty');
    await expect(page.getByText('Nothing found.')).toBeVisible();
    await page.getByLabel('Search for').fill(repo.split('/')[1]);
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await result.getByRole('button', { name: `Pull ${reference}` }).click();
    await expect(page.getByText(`Pulled ${reference}.`)).toBeVisible({ timeout: 20_000 });
    await expect(docker.getImage(reference).inspect()).resolves.toBeTruthy();
    await removeQuietly(docker, reference);
  });

  test('Docker Hub search without internet says "no network" as a state', async ({ page, webHost }) => {
    await openImages(page, webHost);
    await page.getByRole('toolbar').getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByLabel('Where').selectOption('hub');
    await page.getByLabel('Search for').fill('busybox');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect(page.getByTestId('search-state')).toHaveAttribute('data-state', 'no-network', { timeout: 20_000 });
    await expect(page.getByText(/No network: Docker Hub cannot be reached/)).toBeVisible();
  });

  test('tags and pushes an image with progress; the registry then has it', async ({ page, webHost, docker }) => {
    const target = `${registry.address}/cais-test/${uniqueName('pushed')}:v1`;
    await openImages(page, webHost);
    await openDetail(page, TEST_IMAGE);
    await page.getByLabel('New name (with a tag)').fill(target);
    await expect(page.getByTestId('command-hint').filter({ hasText: 'docker push' })).toHaveText(`docker push ${target}`);
    await page.getByRole('button', { name: 'Tag and push' }).click();
    await expect(page.getByText(new RegExp(`^Pushed ${target.replace(/[.]/g, '\\.')} \\(sha256:`))).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('push-progress')).toHaveAttribute('data-status', 'done');
    const name = target.slice(registry.address.length + 1).replace(/:v1$/, '');
    const tags = (await (await fetch(`http://${registry.address}/v2/${name}/tags/list`)).json()) as { tags: string[] };
    expect(tags.tags).toEqual(['v1']);
    await removeQuietly(docker, target);
  });

  test('builds a folder honouring .dockerignore with a live log, and highlights the new image', async ({ page, webHost, docker }) => {
    const dir = writeContext('ctx', {
      'keep.txt': 'kept',
      'skip.log': 'skipped',
      'secret/key': 'nope',
      '.dockerignore': '*.log\nsecret\n',
      Dockerfile: `FROM ${TEST_IMAGE}\nCOPY . /ctx/\nRUN ls -a /ctx\nLABEL ${TEST_LABEL}=1\n`,
    });
    const tag = `cais-test/${uniqueName('built')}:v1`;
    await openImages(page, webHost);
    await page.getByRole('button', { name: 'Build' }).first().click();
    await page.getByLabel('Folder (the build context)').fill(dir);
    await page.getByLabel('Name and tag (optional)').fill(tag);
    await expect(page.getByTestId('command-hint').filter({ hasText: 'docker build' })).toHaveText(`docker build -t ${tag} ${dir}`);
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    await expect(page.getByText(`Built ${tag}.`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('build-context')).toHaveText(/Sent 3 files .*; 2 left out by \.dockerignore\./);
    await expect(page.getByTestId('build-step')).toHaveCount(4);
    const runStep = page.locator('[data-testid="build-step"][data-step="3"]');
    await expect(runStep).toContainText('Step 3/4 · line 3 — RUN ls -a /ctx');
    await expect(runStep).toContainText('keep.txt');
    await expect(runStep).toContainText('.dockerignore');
    await expect(runStep).not.toContainText('skip.log');
    await expect(runStep).not.toContainText('secret');
    expect((await docker.getImage(tag).inspect()).Config.Labels?.[TEST_LABEL]).toBe('1');
    await page.getByLabel('Filter').fill(tag);
    await expect(row(page, tag)).toContainText('new');
    await removeQuietly(docker, tag);
  });

  test('a failing Dockerfile shows the failing step and its line', async ({ page, webHost }) => {
    const dir = writeContext('fail', { Dockerfile: `FROM ${TEST_IMAGE}\n# the next line fails\n\nRUN echo about to fail && exit 3\nLABEL ${TEST_LABEL}=1\n` });
    await openImages(page, webHost);
    await page.getByRole('button', { name: 'Build' }).first().click();
    await page.getByLabel('Folder (the build context)').fill(dir);
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    const failed = page.getByTestId('build-failed');
    await expect(failed).toContainText('Step 2 failed (Dockerfile line 4): RUN echo about to fail && exit 3', { timeout: 30_000 });
    await expect(failed).toContainText('returned a non-zero code: 3');
    await expect(page.locator('[data-testid="build-step"][data-failed="true"]')).toContainText('about to fail');
  });

  test('bad input gets a clear sentence: invalid name, missing tag, unknown tag, unreachable registry, missing Dockerfile', async ({ page, webHost, docker }) => {
    await openImages(page, webHost);
    await page.getByRole('button', { name: 'Pull an image' }).click();
    const pull = async (reference: string) => {
      await page.getByLabel('Image name').fill(reference);
      await page.getByRole('button', { name: 'Pull', exact: true }).click();
    };
    await pull('My Image');
    await expect(page.getByRole('alert')).toContainText('That image name is not valid. Names cannot contain spaces.');
    await pull('busybox:');
    await expect(page.getByRole('alert')).toContainText('Nothing follows the “:”');
    await pull('127.0.0.1:1/cais-test/app:v1');
    await expect(page.getByRole('alert')).toContainText('The registry cannot be reached.', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'REGISTRY_UNREACHABLE');
    const known = await imageOnlyInRegistry(docker, 'known', [1000]);
    await pull(known.replace(/:v1$/, ':no-such-tag'));
    await expect(page.getByRole('alert')).toContainText('The image exists, but not with that tag.', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Close' }).click();

    await openDetail(page, TEST_IMAGE);
    await page.getByLabel('New name (with a tag)').fill('cais-test/without-tag');
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Add a tag (for example :v1) to the name.');
    await page.getByRole('button', { name: 'Close' }).first().click();

    await page.getByRole('button', { name: 'Build' }).first().click();
    const dir = writeContext('nodockerfile', { 'readme.txt': 'no Dockerfile here' });
    await page.getByLabel('Folder (the build context)').fill(dir);
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    await expect(page.getByRole('alert')).toContainText('There is no Dockerfile with that name in the folder.');
    await page.getByLabel('Folder (the build context)').fill(path.join(dir, 'missing-folder'));
    await page.getByRole('button', { name: 'Build', exact: true }).last().click();
    await expect(page.getByRole('alert')).toContainText('That folder does not exist.');
  });

  test('remove is refused while a container uses the image, and forcing says what it means', async ({ page, webHost, docker }) => {
    const tag = `cais-test/${uniqueName('inuse')}:v1`;
    await buildRandomImage(docker, tag, [1000]);
    const container = await docker.createContainer({ Image: tag, name: uniqueName('user'), Cmd: ['none'], Labels: { [TEST_LABEL]: '1' } });
    const containerName = (await container.inspect()).Name.replace(/^\//, '');
    await openImages(page, webHost);
    await page.getByLabel('Filter').fill(tag);
    await expect(row(page, tag)).toContainText('1 container');
    await openDetail(page, tag);
    await page.getByRole('button', { name: `Remove ${tag}…` }).click();
    await expect(page.getByTestId('command-hint').filter({ hasText: 'docker rmi' })).toHaveText(`docker rmi ${tag}`);
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`The container ${containerName} uses this image, so the engine keeps it.`);
    await expect(alert).toContainText('Forcing removes the name only');
    await expect(docker.getImage(tag).inspect()).resolves.toBeTruthy();
    await alert.getByRole('button', { name: 'Remove the name anyway' }).click();
    await expect(page.getByTestId('image-detail')).toHaveCount(0);
    await expect(row(page, tag)).toHaveCount(0);
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await container.remove({ force: true });
  });

  test('the containers column follows containers as they come and go, without a reload', async ({ page, webHost, docker }) => {
    const tag = `cais-test/${uniqueName('follow')}:v1`;
    await buildRandomImage(docker, tag, [1000]);
    await openImages(page, webHost);
    await page.getByLabel('Filter').fill(tag);
    await expect(row(page, tag)).toContainText('0 containers');
    const first = await docker.createContainer({ Image: tag, name: uniqueName('user'), Cmd: ['none'], Labels: { [TEST_LABEL]: '1' } });
    const second = await docker.createContainer({ Image: tag, name: uniqueName('user'), Cmd: ['none'], Labels: { [TEST_LABEL]: '1' } });
    await expect(row(page, tag)).toContainText('2 containers');
    await first.remove({ force: true });
    await expect(row(page, tag)).toContainText('1 container');
    await second.remove({ force: true });
    await expect(row(page, tag)).toContainText('0 containers');
    await removeQuietly(docker, tag);
  });

  test('removes an unused image after asking', async ({ page, webHost, docker }) => {
    const tag = `cais-test/${uniqueName('unused')}:v1`;
    await buildRandomImage(docker, tag, [1000]);
    await openImages(page, webHost);
    await openDetail(page, tag);
    await page.getByRole('button', { name: `Remove ${tag}…` }).click();
    await expect(page.getByText(`Remove ${tag} from this machine?`)).toBeVisible();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row(page, tag)).toHaveCount(0);
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('prune lists the untagged images and the space, then removes them', async ({ page, webHost, docker }) => {
    test.skip(process.env.CAIS_TEST_ENGINE_OWNED !== '1', 'prune touches every dangling image: only on an engine the suite owns');
    const tag = `cais-test/${uniqueName('dangle')}:v1`;
    await buildRandomImage(docker, tag, [250_000]);
    const oldId = (await docker.getImage(tag).inspect()).Id;
    await buildRandomImage(docker, tag, [1000]);
    await openImages(page, webHost);
    await page.getByRole('button', { name: 'Clean up' }).click();
    await expect(page.getByTestId('command-hint').filter({ hasText: 'prune' })).toHaveText('docker image prune -f');
    await expect(page.locator(`[data-testid="prune-list"] [data-id="${oldId}"]`)).toContainText('untagged');
    await expect(page.getByText(/image(s)? will be removed, up to/)).toBeVisible();
    await page.getByRole('button', { name: /^Remove \d+ images?$/ }).click();
    await expect(page.getByText(/^Removed \d+ items?, freed/)).toBeVisible();
    await expect(docker.getImage(oldId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(docker.getImage(tag).inspect()).resolves.toBeTruthy();
    await removeQuietly(docker, tag);
  });

  test('saves an image to a .tar and loads it back', async ({ page, webHost, docker }) => {
    const tag = `cais-test/${uniqueName('saved')}:v1`;
    await buildRandomImage(docker, tag, [1_500_000]);
    const id = (await docker.getImage(tag).inspect()).Id;
    await openImages(page, webHost);
    await openDetail(page, tag);
    await page.getByRole('button', { name: /^Save as / }).click();
    // The file is offered as a link: the user's own click starts the download, which browsers allow.
    const fileName = `${tag.replace(/[^a-zA-Z0-9_.-]+/g, '_')}.tar`;
    const link = page.getByRole('link', { name: new RegExp(`^Download ${fileName.replace(/\./g, '\\.')} \\(`) });
    await expect(link).toBeVisible({ timeout: 20_000 });
    const downloadPromise = page.waitForEvent('download');
    await link.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(fileName);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    // The right bytes: exactly what the engine's own `docker save` gives.
    const engineTar = await new Promise<Buffer>((resolve, reject) => {
      void docker.getImage(tag).get((error: unknown, stream?: NodeJS.ReadableStream) => {
        if (error || !stream) return reject(error as Error);
        const parts: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => parts.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(parts)));
        stream.on('error', reject);
      });
    });
    expect(fs.statSync(file).size).toBe(engineTar.length);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(createHash('sha256').update(engineTar).digest('hex'));
    await page.getByRole('button', { name: 'Close' }).first().click();

    await docker.getImage(tag).remove();
    await expect(row(page, tag)).toHaveCount(0);
    await page.getByRole('button', { name: 'Load from file' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(page.getByText(`Loaded ${tag}.`)).toBeVisible({ timeout: 20_000 });
    expect((await docker.getImage(tag).inspect()).Id).toBe(id);
    await expect(row(page, tag)).toBeVisible();
    await removeQuietly(docker, tag);
  });

  test('layers: history with sizes, shared layers named, and what layers are', async ({ page, webHost, docker }) => {
    const base = `cais-test/${uniqueName('base')}:v1`;
    await buildRandomImage(docker, base, [300_000]);
    const child = `cais-test/${uniqueName('child')}:v1`;
    const dir = writeContext('child', { 'x.txt': 'x'.repeat(2000), Dockerfile: `FROM ${base}\nCOPY x.txt /x.txt\nCMD ["sh"]\n` });
    await dockerCli('build', '-q', '-t', child, dir);
    await openImages(page, webHost);
    await openDetail(page, child);
    const entries = page.getByTestId('layer-entry');
    // base: COPY, LABEL; child: COPY, CMD.
    await expect(entries).toHaveCount(4);
    await expect(page.getByText('4 instructions in its history, 2 filesystem layers, 302 kB in all, for linux/amd64.')).toBeVisible();
    await expect(page.locator('[data-testid="layer-entry"][data-layer="0"]')).toContainText(`Shared with ${base}`);
    await expect(page.locator('[data-testid="layer-entry"][data-layer="1"]')).toContainText('COPY');
    await expect(page.locator('[data-testid="layer-entry"][data-layer="1"]')).toContainText('2.0 kB');
    await expect(page.locator('[data-testid="layer-entry"][data-layer="1"] [data-testid="shared-with"]')).toHaveCount(0);
    await page.getByText('What are layers?').click();
    // The explanation itself (a glossary tooltip on the page may say the word too).
    await expect(page.locator('p', { hasText: /copy-on-write/ })).toBeVisible();
    await removeQuietly(docker, child);
    await removeQuietly(docker, base);
  });
});
