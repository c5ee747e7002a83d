import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { startThrowawayEngine, throwawayEngineUnavailable, destroyThrowawayEngine } from '../../e2e/support/test-engine';
import type { ConnectionState, EngineEvent } from '../api/schemas';
import { compareApiVersions } from './api-version';
import { EngineConnection } from './connection';
import { runContainerAction } from './container-actions';
import { listContainers } from './containers';
import { realHostFacts } from './host-facts';

function factsWithHost(host: string) {
  const facts = realHostFacts();
  return { ...facts, env: { ...facts.env, DOCKER_HOST: host } };
}

function waitForState(connection: EngineConnection, status: ConnectionState['status'], timeoutMs: number) {
  return new Promise<ConnectionState>((resolve, reject) => {
    if (connection.state.status === status) return resolve(connection.state);
    const timer = setTimeout(() => reject(new Error(`no ${status} state within ${timeoutMs} ms (now ${connection.state.status})`)), timeoutMs);
    connection.on('state', (state) => {
      if (state.status !== status) return;
      clearTimeout(timer);
      resolve(state);
    });
  });
}

function nextEvent(connection: EngineConnection, match: (event: EngineEvent) => boolean, timeoutMs = 5000) {
  return new Promise<EngineEvent>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('event not seen')), timeoutMs);
    connection.on('event', (event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      resolve(event);
    });
  });
}

describe('engine connection against a real engine', () => {
  const docker = testDocker();
  const connection = new EngineConnection(factsWithHost(process.env.DOCKER_HOST!));

  beforeAll(async () => {
    await connection.start();
  });
  afterAll(() => connection.close());

  it('connects and pins an API version no newer than the engine speaks', async () => {
    const state = await waitForState(connection, 'connected', 5000);
    const version = await docker.version();
    if (state.status !== 'connected') throw new Error('not connected');
    expect(state.endpoint.source).toBe('DOCKER_HOST');
    expect(state.engineVersion).toBe(version.Version);
    expect(compareApiVersions(state.apiVersion, version.ApiVersion)).toBeLessThanOrEqual(0);
    expect((connection.client().modem as unknown as { version: string }).version).toBe(`v${state.apiVersion}`);
  });

  it('streams container events and lists containers as the engine has them', async () => {
    const created = nextEvent(connection, (event) => event.type === 'container' && event.action === 'create');
    const container = await createTestContainer(docker, {
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    expect((await created).id).toBe(container.id);

    let listed = (await listContainers(connection.client(), true)).find((c) => c.id === container.id);
    expect(listed?.state).toBe('created');

    const started = nextEvent(connection, (event) => event.action === 'start' && event.id === container.id);
    await runContainerAction(connection.client(), container.id, 'start');
    await started;
    listed = (await listContainers(connection.client(), false)).find((c) => c.id === container.id);
    expect(listed?.state).toBe('running');
    expect(listed?.ports).toHaveLength(1);
    expect(listed?.ports[0]).toMatchObject({ privatePort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' });
    expect(listed?.ports[0].publicPort).toBeGreaterThan(0);

    const stopped = nextEvent(connection, (event) => event.action === 'die' && event.id === container.id);
    await runContainerAction(connection.client(), container.id, 'stop');
    await stopped;
    expect((await listContainers(connection.client(), false)).some((c) => c.id === container.id)).toBe(false);
  });
});

describe('offline reasons', () => {
  it('says "not-found" when nothing is at the socket path', async () => {
    const connection = new EngineConnection(factsWithHost(`unix://${path.join(os.tmpdir(), 'cais-no-such.sock')}`));
    await connection.start();
    const state = connection.state;
    connection.close();
    expect(state).toMatchObject({ status: 'offline', reason: 'not-found' });
  });

  it('says "refused" when a stale socket file has no listener', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-stale-'));
    const socketPath = path.join(dir, 'docker.sock');
    // A listener killed outright leaves its socket file behind, as a crashed engine does.
    spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(fs.existsSync(socketPath)).toBe(true);
    const connection = new EngineConnection(factsWithHost(`unix://${socketPath}`));
    await connection.start();
    const state = connection.state;
    connection.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(state).toMatchObject({ status: 'offline', reason: 'refused' });
  });
});

const noThrowaway = throwawayEngineUnavailable();
describe.skipIf(noThrowaway)(`losing and regaining the engine${noThrowaway ? ` (skipped: ${noThrowaway})` : ''}`, () => {
  it('goes offline within 2 s when the engine stops and reconnects by itself when it starts', async () => {
    const engine = await startThrowawayEngine({ ownNetwork: true });
    const connection = new EngineConnection(factsWithHost(engine.host));
    try {
      await connection.start();
      expect(connection.state.status).toBe('connected');
      const offline = waitForState(connection, 'offline', 2000);
      const stopping = engine.stop();
      expect(await offline).toMatchObject({ status: 'offline' });
      await stopping;
      const back = waitForState(connection, 'connected', 15_000);
      await engine.start();
      expect((await back).status).toBe('connected');
      expect(Array.isArray(await listContainers(connection.client(), true))).toBe(true);
    } finally {
      connection.close();
      await destroyThrowawayEngine(engine);
    }
  });
});
