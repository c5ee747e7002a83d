import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { podmanUnavailable, startPodmanService, type PodmanService } from '../../e2e/support/podman-service';
import { dockerFor } from '../../e2e/support/test-engine';
import { buildTestImage } from '../../e2e/support/test-image';
import type { ConnectionState } from '../api/schemas';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { startWithSavedEngine } from '../settings/engine-choice';
import { SettingsStore } from '../settings/settings-store';
import { router } from './router';

/**
 * Two engines in one run: the throwaway Docker engine (DOCKER_HOST) and a
 * Podman service on a socket of its own, switched through Cais's engines API.
 */
const unavailable = podmanUnavailable();
if (unavailable) console.log(`SKIPPED Docker + Podman engine switching: ${unavailable}.`);

function connectedTo(engine: EngineConnection, address: string): Promise<ConnectionState> {
  return new Promise((resolve, reject) => {
    const check = (state: ConnectionState) => {
      if (state.status === 'connected' && state.endpoint.address === address) {
        clearTimeout(timer);
        engine.off('state', check);
        resolve(state);
      }
    };
    const timer = setTimeout(() => reject(new Error(`not connected to ${address}: ${JSON.stringify(engine.state)}`)), 15_000);
    engine.on('state', check);
    check(engine.state);
  });
}

describe.skipIf(Boolean(unavailable))('engines: Docker and Podman in the same run', { timeout: 60_000 }, () => {
  const docker = testDocker();
  let podman: PodmanService;
  let engine: EngineConnection;
  let api: RouterClient<typeof router>;
  let dataDir: string;
  let settings: SettingsStore;
  let podmanId: string;
  const dockerName = uniqueName('cais-docker-side');
  const podmanName = uniqueName('cais-podman-side');

  beforeAll(async () => {
    podman = await startPodmanService();
    const podmanDocker = dockerFor(podman.host);
    await buildTestImage(podmanDocker); // FROM scratch with busybox, through Podman's Docker API
    await createTestContainer(podmanDocker, { name: podmanName });
    await createTestContainer(docker, { name: dockerName });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-engines-'));
    settings = new SettingsStore(dataDir);
    const facts = realHostFacts();
    engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
    await engine.start();
    api = createRouterClient(router, { context: { engine, settings } });
  }, 120_000);

  afterAll(async () => {
    engine?.close();
    await docker.getContainer(dockerName).remove({ force: true }).catch(() => undefined);
    await podman?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const names = async () => (await api.containers.list({ all: true })).map((c) => c.name);

  it('lists the engine of DOCKER_HOST and adds the Podman socket as a custom engine', async () => {
    const before = await api.engines.list();
    expect(before.engines.map((e) => e.id)).toContain('env:DOCKER_HOST');
    expect(before.selected).toBeNull();
    const added = await api.engines.add({ name: 'Podman (test)', host: podman.host });
    podmanId = added.id;
    expect(added).toMatchObject({ source: 'custom', kind: 'unix', address: podman.socket, name: 'Podman (test)' });
    expect((await api.engines.list()).engines.map((e) => e.id)).toContain(podmanId);
  });

  it('tests each engine with GET /version and tells Docker from Podman', async () => {
    expect(await api.engines.test({ id: podmanId })).toMatchObject({ ok: true, product: 'Podman' });
    expect(await api.engines.test({ id: 'env:DOCKER_HOST' })).toMatchObject({ ok: true, product: 'Docker' });
    const dead = await api.engines.add({ name: 'Gone', host: 'unix:///nonexistent/cais.sock' });
    expect(await api.engines.test({ id: dead.id })).toMatchObject({ ok: false, reason: 'not-found' });
    await api.engines.remove({ id: dead.id });
  });

  it('switches to Podman: the list is Podman’s, and the choice is saved', async () => {
    expect(await names()).toContain(dockerName);
    await api.engines.use({ id: podmanId });
    await connectedTo(engine, podman.socket);
    const list = await names();
    expect(list).toContain(podmanName);
    expect(list).not.toContain(dockerName);
    expect(new SettingsStore(dataDir).settings.engine).toBe(podmanId);
  });

  it('receives Podman’s events after the switch', async () => {
    const seen = new Promise<string>((resolve) => engine.on('event', (event) => event.type === 'container' && resolve(event.action)));
    const created = await createTestContainer(dockerFor(podman.host));
    await expect(seen).resolves.toBeTruthy();
    await created.remove({ force: true });
  });

  it('a restarted app connects to the saved engine', async () => {
    const facts = realHostFacts();
    const again = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
    try {
      void startWithSavedEngine(again, new SettingsStore(dataDir));
      await connectedTo(again, podman.socket);
    } finally {
      again.close();
    }
  });

  it('switching to an engine that does not answer shows it offline, and switching away still works', async () => {
    const dead = await api.engines.add({ name: 'Gone', host: 'unix:///nonexistent/cais-dead.sock' });
    await api.engines.use({ id: dead.id });
    await expect.poll(() => engine.state, { timeout: 5000 }).toMatchObject({ status: 'offline', reason: 'not-found', endpoint: { address: '/nonexistent/cais-dead.sock' } });
    await api.engines.use({ id: podmanId });
    await connectedTo(engine, podman.socket);
    // The dead engine's retry timer must not pull the connection back to it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(engine.state).toMatchObject({ status: 'connected', endpoint: { address: podman.socket } });
    await api.engines.remove({ id: dead.id });
  });

  it('switches back to Docker, then to automatic discovery', async () => {
    await api.engines.use({ id: 'env:DOCKER_HOST' });
    const dockerSocket = process.env.DOCKER_HOST!.replace(/^unix:\/\//, '');
    await connectedTo(engine, dockerSocket);
    const list = await names();
    expect(list).toContain(dockerName);
    expect(list).not.toContain(podmanName);
    await api.engines.use({ id: null });
    await connectedTo(engine, dockerSocket); // DOCKER_HOST is what discovery finds first
    expect((await api.engines.list()).selected).toBeNull();
  });
});
