import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { buildRandomImage, pushTo, removeQuietly } from '../../e2e/support/image-fixtures';
import { startRegistry, type LocalRegistry } from '../../e2e/support/registry';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import type { TransferEvent } from '../api/images-schemas';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { router } from './router';

/** The images router against the real test engine and a real registry on 127.0.0.1. */
describe('images router (real engine, local registry)', () => {
  const docker = testDocker();
  let engine: EngineConnection;
  let registry: LocalRegistry;
  let api: RouterClient<typeof router>;
  let tmp: string;

  beforeAll(async () => {
    const facts = realHostFacts();
    engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
    await engine.start();
    api = createRouterClient(router, { context: { engine } });
    registry = await startRegistry();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-img-'));
  });
  afterAll(async () => {
    engine?.close();
    await registry?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
    const events: T[] = [];
    for await (const event of stream) events.push(event);
    return events;
  }

  async function codeOf(work: () => Promise<unknown>): Promise<string> {
    try {
      await work();
    } catch (error) {
      return (error as { code: string }).code;
    }
    return 'no error';
  }

  it('pulls from the registry with per-layer progress and bytes done of total', async () => {
    const ref = `${registry.address}/cais-test/${uniqueName('pull')}:v1`;
    await buildRandomImage(docker, ref, [1_500_000, 700_000]);
    await pushTo(docker, ref, registry.address);
    await removeQuietly(docker, ref);

    const events = await collect(await api.images.pull({ reference: ref }));
    const progress = events.filter((e): e is Extract<TransferEvent, { type: 'progress' }> => e.type === 'progress');
    const last = progress.at(-1)!;
    expect(last.layers.length).toBe(2);
    expect(last.layers.every((layer) => layer.phase === 'complete')).toBe(true);
    expect(last.bytesTotal).toBeGreaterThan(2_000_000);
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(events.at(-1)).toMatchObject({ type: 'done', reference: ref });
    expect((await docker.getImage(ref).inspect()).RepoTags).toContain(ref);
    const listed = await api.images.list();
    expect(listed.some((image) => image.repoTags.includes(ref))).toBe(true);
    await removeQuietly(docker, ref);
  });

  it('a layer already on disk is reported as such', async () => {
    const base = `cais-test/${uniqueName('base')}:v1`;
    await buildRandomImage(docker, base, [50_000]);
    const dir = path.join(tmp, 'exists');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'more.txt'), 'more');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${base}\nCOPY more.txt /more.txt\n`);
    const ref = `${registry.address}/cais-test/${uniqueName('exists')}:v1`;
    await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', tag: ref, buildArgs: [] }));
    await pushTo(docker, ref, registry.address);
    await docker.getImage(ref).remove();
    const events = await collect(await api.images.pull({ reference: ref }));
    const last = events.filter((e) => e.type === 'progress').at(-1) as Extract<TransferEvent, { type: 'progress' }>;
    expect(last.layers.map((layer) => layer.phase)).toEqual(['exists', 'complete']);
    await removeQuietly(docker, ref);
    await removeQuietly(docker, base);
  });

  it('names bad input and registry failures in words (codes)', async () => {
    expect(await codeOf(async () => collect(await api.images.pull({ reference: 'Bad Name' })))).toBe('INVALID_REFERENCE');
    expect(await codeOf(async () => collect(await api.images.pull({ reference: 'BusyBox' })))).toBe('INVALID_REFERENCE');
    expect(await codeOf(async () => collect(await api.images.pull({ reference: `${registry.address}/cais-test/nothing-here:v1` })))).toMatch(
      /IMAGE_NOT_FOUND|TAG_NOT_FOUND/,
    );
    const known = `${registry.address}/cais-test/${uniqueName('tags')}:v1`;
    await docker.getImage(TEST_IMAGE).tag({ repo: known.split(':v1')[0], tag: 'v1' });
    await pushTo(docker, known, registry.address);
    expect(await codeOf(async () => collect(await api.images.pull({ reference: known.replace(':v1', ':nope') })))).toBe('TAG_NOT_FOUND');
    expect(await codeOf(async () => collect(await api.images.pull({ reference: '127.0.0.1:1/cais-test/x:v1' })))).toBe('REGISTRY_UNREACHABLE');
    expect(await codeOf(() => api.images.tag({ source: TEST_IMAGE, target: 'cais-test/no-tag' }))).toBe('INVALID_REFERENCE');
    await removeQuietly(docker, known);
  });

  it('cancelling a pull stops it', async () => {
    const ref = `${registry.address}/cais-test/${uniqueName('cancel')}:v1`;
    await buildRandomImage(docker, ref, [8_000_000]);
    await pushTo(docker, ref, registry.address);
    await removeQuietly(docker, ref);
    const controller = new AbortController();
    const stream = await api.images.pull({ reference: ref }, { signal: controller.signal });
    // Cancel once the engine has started: after the first progress snapshot.
    const seen: TransferEvent[] = [];
    await expect(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen[0]?.type).toBe('progress');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(docker.getImage(ref).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('tags and pushes with progress; the registry catalog then lists it with its tag', async () => {
    const repo = `${registry.address}/cais-test/${uniqueName('push')}`;
    const { target } = await api.images.tag({ source: TEST_IMAGE, target: `${repo}:v2` });
    expect(target).toBe(`${repo}:v2`);
    const events = await collect(await api.images.push({ reference: `${repo}:v2` }));
    expect(events.at(-1)).toMatchObject({ type: 'done', reference: `${repo}:v2` });
    expect((events.at(-1) as { digest?: string }).digest).toMatch(/^sha256:/);
    const name = repo.slice(registry.address.length + 1);
    const catalog = await api.images.catalog({ registry: registry.address, term: name.split('/')[1] });
    expect(catalog).toMatchObject({ state: 'ok', repositories: [{ name, tags: ['v2'] }] });
    expect(await api.images.catalog({ registry: registry.address, term: 'zzz-no-such' })).toMatchObject({ state: 'ok', repositories: [] });
    expect(await api.images.catalog({ registry: '127.0.0.1:1', term: '' })).toMatchObject({ state: 'unreachable' });
    await removeQuietly(docker, `${repo}:v2`);
  });

  it('builds a folder honouring .dockerignore, and reports the context', async () => {
    const dir = path.join(tmp, 'ctx');
    fs.mkdirSync(path.join(dir, 'secret'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'kept\n');
    fs.writeFileSync(path.join(dir, 'skip.log'), 'skipped\n');
    fs.writeFileSync(path.join(dir, 'secret', 'key'), 'nope\n');
    fs.writeFileSync(path.join(dir, '.dockerignore'), '*.log\nsecret\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY . /ctx/\nRUN ls /ctx > /ctx/listing\nLABEL ${TEST_LABEL}=1\n`);
    const tag = `cais-test/${uniqueName('built')}:v1`;
    const events = await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', tag, buildArgs: [] }));
    expect(events[0]).toMatchObject({ type: 'context', ignored: 2 });
    expect(events.filter((e) => e.type === 'step').map((e) => (e as { line?: number }).line)).toEqual([1, 2, 3, 4]);
    expect(events.at(-1)).toMatchObject({ type: 'done', tag });
    const container = await createTestContainer(docker, { Image: tag, Cmd: ['cat', '/ctx/listing'] });
    await container.start();
    await container.wait();
    const logs = (await container.logs({ stdout: true })).toString();
    expect(logs).toContain('keep.txt');
    expect(logs).toContain('Dockerfile');
    expect(logs).not.toContain('skip.log');
    expect(logs).not.toContain('secret');
    await container.remove({ force: true });
    await removeQuietly(docker, tag);
  });

  it('a failing step is reported with its Dockerfile line; bad folders are named', async () => {
    const dir = path.join(tmp, 'fail');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\n\n# fails\nRUN echo before && false\nLABEL ${TEST_LABEL}=1\n`);
    const events = await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', buildArgs: [] }));
    expect(events.at(-1)).toMatchObject({ type: 'failed', step: 2, line: 4, instruction: 'RUN echo before && false' });
    expect((events.at(-1) as { message: string }).message).toMatch(/non-zero code: 1/);

    const build = (context: string, dockerfile = 'Dockerfile') => async () => collect(await api.images.build({ context, dockerfile, buildArgs: [] }));
    expect(await codeOf(build(path.join(tmp, 'nope')))).toBe('CONTEXT_NOT_FOUND');
    expect(await codeOf(build(path.join(dir, 'Dockerfile')))).toBe('CONTEXT_NOT_DIRECTORY');
    expect(await codeOf(build(dir, 'Missing.dockerfile'))).toBe('DOCKERFILE_NOT_FOUND');
    expect(await codeOf(build(dir, '../../etc/passwd'))).toBe('DOCKERFILE_OUTSIDE_CONTEXT');
  });

  it('refuses to remove an image a container uses unless forced', async () => {
    const tag = `cais-test/${uniqueName('inuse')}:v1`;
    await buildRandomImage(docker, tag, [1000]);
    const container = await createTestContainer(docker, { Image: tag, Cmd: ['none'] });
    const info = await container.inspect();
    const image = await docker.getImage(tag).inspect();
    // The list says nothing about containers; the usage call names them for the window.
    expect((await api.images.list()).find((listed) => listed.id === image.Id)).not.toHaveProperty('containers');
    expect((await api.images.usage()).find((entry) => entry.id === image.Id)?.containers).toEqual([info.Name.replace(/^\//, '')]);
    let error: { code?: string; data?: { containers: string[] } } = {};
    await api.images.remove({ reference: tag, force: false }).catch((e) => (error = e));
    expect(error.code).toBe('IMAGE_IN_USE');
    expect(error.data?.containers).toEqual([info.Name.replace(/^\//, '')]);
    const { removed } = await api.images.remove({ reference: tag, force: true });
    expect(removed).toContain(tag);
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await container.remove({ force: true });
  });

  it('prune preview lists dangling images and their size; prune removes them', async () => {
    const tag = `cais-test/${uniqueName('dangle')}:v1`;
    await buildRandomImage(docker, tag, [2000]);
    const firstId = (await docker.getImage(tag).inspect()).Id;
    await buildRandomImage(docker, tag, [3000]);
    const preview = await api.images.prunePreview({ all: false });
    const entry = preview.images.find((image) => image.id === firstId);
    expect(entry).toBeDefined();
    expect(preview.size).toBeGreaterThanOrEqual(entry!.size);
    if (process.env.CAIS_TEST_ENGINE_OWNED === '1') {
      const result = await api.images.prune({ all: false });
      expect(result.deleted).toContain(firstId);
      await expect(docker.getImage(firstId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    } else {
      await docker.getImage(firstId).remove();
    }
    await removeQuietly(docker, tag);
  });

  it('saves an image to a tar and loads it back', async () => {
    const tag = `cais-test/${uniqueName('saved')}:v1`;
    await buildRandomImage(docker, tag, [900_000]);
    const id = (await docker.getImage(tag).inspect()).Id;
    const chunks: Buffer[] = [];
    for await (const event of await api.images.save({ reference: tag })) {
      if (event.type === 'chunk') chunks.push(Buffer.from(event.data, 'base64'));
    }
    const tarball = Buffer.concat(chunks);
    expect(tarball.length).toBeGreaterThan(900_000);
    await docker.getImage(tag).remove();
    const { uploadId } = await api.images.loadStart({ size: tarball.length });
    for (let offset = 0; offset < tarball.length; offset += 512 * 1024) {
      await api.images.loadChunk({ uploadId, offset, data: tarball.subarray(offset, offset + 512 * 1024).toString('base64') });
    }
    const { loaded } = await api.images.loadFinish({ uploadId });
    expect(loaded).toContain(tag);
    expect((await docker.getImage(tag).inspect()).Id).toBe(id);
    await removeQuietly(docker, tag);
  });

  it('layers: history with sizes, paired layers and layers shared with other images', async () => {
    const base = `cais-test/${uniqueName('base')}:v1`;
    await buildRandomImage(docker, base, [5000]);
    const dir = path.join(tmp, 'child');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'x.txt'), 'x'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${base}\nCOPY x.txt /x.txt\n`);
    const child = `cais-test/${uniqueName('child')}:v1`;
    await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', tag: child, buildArgs: [] }));
    const layers = await api.images.layers({ reference: child });
    expect(layers.layerCount).toBe(2);
    const paired = layers.entries.filter((entry) => entry.layer);
    expect(paired.map((entry) => entry.layer!.index)).toEqual([0, 1]);
    expect(paired[0].layer!.sharedWith).toContain(base);
    expect(paired[1].layer!.sharedWith).not.toContain(base);
    expect(paired[1].instruction).toMatch(/COPY/);
    expect(paired[1].size).toBe(1000);
    await removeQuietly(docker, child);
    await removeQuietly(docker, base);
  });

  it('Docker Hub search without a network is a state, not an error', async () => {
    const result = await api.images.search({ term: 'busybox' });
    // These machines have no internet; where there is one, results come back.
    expect(['no-network', 'ok']).toContain(result.state);
  });
});
