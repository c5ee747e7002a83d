import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createRouterClient } from '@orpc/server';
import { describe, expect, it } from 'vitest';
import type { EngineConnection } from '../engine/connection';
import { commandFor } from './activity-commands';
import { CANCELLED } from './activity-middleware';
import { router } from './router';

/** An engine whose containers start, and refuse to stop. */
function fakeEngine(): EngineConnection {
  let running = false;
  const docker = {
    getContainer: (id: string) => ({
      inspect: async () => ({ Name: `/${id}`, State: { Running: running, Paused: false } }),
      start: async () => {
        running = true;
      },
      stop: async () => {
        throw Object.assign(new Error(`container ${id} is not running`), { statusCode: 409 });
      },
    }),
    listContainers: async () => [],
  };
  return { client: () => docker, state: { status: 'connected' } } as unknown as EngineConnection;
}

describe('activity log', () => {
  it('records changes in order with their command and outcome; reads and refused input are not recorded', async () => {
    const client = createRouterClient(router, { context: { engine: fakeEngine() } });
    await client.containers.start({ id: 'web' });
    await client.containers.list({ all: true });
    await expect(client.containers.stop({ id: 'web' })).rejects.toThrow();
    await expect(client.containers.start({ id: '-not a name' })).rejects.toThrow();
    const entries = await client.activity.list();
    expect(entries.map((entry) => [entry.command, entry.outcome])).toEqual([
      ['docker start web', 'ok'],
      ['docker stop web', 'failed'],
    ]);
    expect(entries[1].error).toMatch(/not running/);
    expect(entries[0].seq).toBeLessThan(entries[1].seq);
    expect(entries[0].finishedAt).toBeGreaterThanOrEqual(entries[0].startedAt);
  });

  it('names a container by its name, as the menus do, not by the id the screen sent', async () => {
    const id = '0b6573f1aae6'.padEnd(64, 'f');
    const engine = fakeEngine();
    const docker = engine.client() as unknown as { getContainer(id: string): Record<string, unknown> };
    const plain = docker.getContainer;
    docker.getContainer = (asked: string) => {
      const container = plain(asked) as { inspect: () => Promise<Record<string, unknown>> };
      return { ...container, inspect: async () => ({ ...(await container.inspect()), Name: asked === id ? '/web-server' : `/${asked}` }) };
    };
    const client = createRouterClient(router, { context: { engine } });
    await client.containers.start({ id });
    await expect(client.containers.stop({ id })).rejects.toThrow();
    const entries = await client.activity.list();
    expect(entries.map((entry) => entry.command)).toEqual(['docker start web-server', 'docker stop web-server']);
  });

  it('keeps one log per engine connection', async () => {
    const first = createRouterClient(router, { context: { engine: fakeEngine() } });
    const second = createRouterClient(router, { context: { engine: fakeEngine() } });
    await first.containers.start({ id: 'web' });
    expect(await second.activity.list()).toEqual([]);
  });
});

describe('commandFor', () => {
  it('builds docker commands from inputs, quoting what the shell would split', () => {
    expect(commandFor(['containers', 'remove'], { id: 'a'.repeat(64), force: true, removeAnonymousVolumes: true })).toBe('docker rm -f -v aaaaaaaaaaaa');
    expect(commandFor(['containers', 'rename'], { id: 'old', name: 'new' })).toBe('docker rename old new');
    expect(commandFor(['images', 'tag'], { source: 'app:1', target: '127.0.0.1:5000/app:1' })).toBe('docker tag app:1 127.0.0.1:5000/app:1');
    expect(commandFor(['containers', 'updateLimits'], { id: 'web', memory: 64 * 1024 * 1024, cpus: null })).toBe('docker update --memory 64m --memory-swap 128m web');
    expect(commandFor(['images', 'build'], { context: '/src/my app', dockerfile: 'Dockerfile', tag: 'app:2', buildArgs: [] })).toBe("docker build -t app:2 '/src/my app'");
    expect(commandFor(['images', 'build'], { context: '/src/', dockerfile: 'web.Dockerfile', buildArgs: [{ name: 'A', value: 'b c' }] })).toBe(
      "docker build -f /src/web.Dockerfile --build-arg 'A=b c' /src",
    );
    expect(commandFor(['volumes', 'create'], { name: 'data' })).toBe('docker volume create data');
  });

  it('uses the run form\'s own docker run', () => {
    const spec = { image: 'busybox', name: 'web', env: [{ key: 'A', value: 'b c' }], ports: [], mounts: [], restart: 'no', labels: [], tty: false };
    expect(commandFor(['containers', 'run'], spec)).toBe("docker run -d --name web -e 'A=b c' busybox");
  });

  it('says the host ports a quick run really published, once the engine chose them', () => {
    const output = { id: 'x', name: 'web', ports: [{ containerPort: 80, hostPort: 32768, hostIp: '127.0.0.1', protocol: 'tcp' }] };
    expect(commandFor(['containers', 'quickRun'], { image: 'nginx' }, output)).toBe('docker run -d --name web -p 127.0.0.1:32768:80 nginx');
  });

  it('records a recreate as the commands that repeat it, and a comment until the new container exists', () => {
    const spec = { image: 'busybox', env: [{ key: 'A', value: '1' }], ports: [], mounts: [], restart: 'no', labels: [], tty: false, command: ['sleep', '60'] };
    expect(commandFor(['containers', 'recreate'], { id: 'web', env: [], ports: [], mounts: [] }, { id: 'n', name: 'web', wasRunning: true, spec })).toBe(
      [
        'docker create --name web-cais-new -e A=1 busybox sleep 60',
        'docker rename web web-old',
        'docker rename web-cais-new web',
        'docker stop web-old',
        'docker start web',
        'docker rm web-old',
      ].join(' && \\\n  '),
    );
    expect(commandFor(['volumes', 'attach'], { container: 'web', mount: {} })).toMatch(/^# Cais recreated web/);
  });

  it('records volume backups as the busybox tar that writes the same archive', () => {
    expect(commandFor(['volumes', 'backup'], { name: 'data', destination: '/home/ana/Cais backups/data.tar.gz' })).toBe(
      "docker run --rm -v data:/data:ro -v '/home/ana/Cais backups:/backup' busybox tar czf /backup/data.tar.gz -C /data .",
    );
  });

  it('writes what a prune actually removed once known', () => {
    expect(commandFor(['system', 'prune'], { kind: 'volumes', ids: ['a', 'b'] }, { removed: ['a'] })).toBe('docker volume rm a');
    expect(commandFor(['system', 'prune'], { kind: 'volumes', ids: ['a', 'b'] })).toBe('docker volume rm a b');
  });

  it('records nothing for reads', () => {
    for (const path of [['containers', 'list'], ['containers', 'inspect'], ['images', 'list'], ['system', 'diskUsage'], ['containers', 'logs']]) {
      expect(commandFor(path, { id: 'x', all: true })).toBeUndefined();
    }
  });
});

describe('activity of streams', () => {
  /** An engine whose pull sends one progress line and then waits (a slow download). */
  function slowPullEngine(): EngineConnection {
    const docker = {
      createImage: async () => {
        const stream = new PassThrough();
        stream.write(`${JSON.stringify({ status: 'Downloading', id: 'abc', progressDetail: { current: 1, total: 10 } })}\n`);
        return stream;
      },
    };
    return { client: () => docker, state: { status: 'connected' } } as unknown as EngineConnection;
  }

  it('a stream closed before its end is recorded as cancelled, not done', async () => {
    const client = createRouterClient(router, { context: { engine: slowPullEngine() } });
    const stream = await client.images.pull({ reference: '127.0.0.1:5000/app:v1' });
    for await (const event of stream) {
      expect(event.type).toBe('progress');
      break;
    }
    const [entry] = await client.activity.list();
    expect(entry).toMatchObject({ command: 'docker pull 127.0.0.1:5000/app:v1', outcome: 'failed', error: CANCELLED });
  });

  it('a stream that fails, by an error or by its last event, is recorded as failed with the reason', async () => {
    const docker = {
      createImage: async () => PassThrough.from([`${JSON.stringify({ errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' })}\n`]),
      buildImage: async () => PassThrough.from([`${JSON.stringify({ stream: 'Step 1/2 : FROM scratch\n' })}\n`, `${JSON.stringify({ error: 'something broke' })}\n`]),
    };
    const engine = { client: () => docker, state: { status: 'connected' } } as unknown as EngineConnection;
    const client = createRouterClient(router, { context: { engine } });
    await expect((async () => {
      for await (const event of await client.images.pull({ reference: '127.0.0.1:5000/app:v1' })) void event;
    })()).rejects.toThrow();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-activity-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY x /x\n');
    const events = [];
    for await (const event of await client.images.build({ context: dir, dockerfile: 'Dockerfile', buildArgs: [] })) events.push(event);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(events.at(-1)).toMatchObject({ type: 'failed' });
    const entries = await client.activity.list();
    expect(entries.map((entry) => [entry.procedure, entry.outcome])).toEqual([
      ['images.pull', 'failed'],
      ['images.build', 'failed'],
    ]);
    expect(entries[0].error).toMatch(/manifest unknown/);
    expect(entries[1].error).toMatch(/something broke/);
  });
});
