import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { removeQuietly } from '../../e2e/support/image-fixtures';
import { startRegistry, type LocalRegistry } from '../../e2e/support/registry';
import { testCipher } from '../../e2e/support/test-cipher';
import { TEST_IMAGE } from '../../e2e/support/test-engine';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { CREDENTIALS_FILE, CredentialStore } from '../settings/credential-store';
import { router } from './router';


/** Registry logins against the real test engine and an htpasswd-protected registry on 127.0.0.1. */
describe('registry login (real engine, protected registry)', () => {
  const docker = testDocker();
  const user = { username: 'cais-user', password: `pw-${randomBytes(12).toString('hex')}` };
  let engine: EngineConnection;
  let registry: LocalRegistry;
  let api: RouterClient<typeof router>;
  let dataDir: string;

  beforeAll(async () => {
    const facts = realHostFacts();
    engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
    await engine.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-cred-'));
    const credentials = new CredentialStore({ file: path.join(dataDir, CREDENTIALS_FILE), cipher: testCipher() });
    api = createRouterClient(router, { context: { engine, credentials } });
    registry = await startRegistry({ user });
  });
  afterAll(async () => {
    engine?.close();
    await registry?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
    const events: T[] = [];
    for await (const event of stream) events.push(event);
    return events;
  }

  async function failure(work: () => Promise<unknown>): Promise<{ code: string; message: string; data?: Record<string, unknown> }> {
    try {
      await work();
    } catch (error) {
      return error as { code: string; message: string; data?: Record<string, unknown> };
    }
    return { code: 'no error', message: '' };
  }

  it('refuses a wrong password in words, and an unreachable registry in others; nothing is kept', async () => {
    const wrong = await failure(() => api.registries.login({ registry: registry.address, username: user.username, password: 'not-the-password' }));
    expect(wrong.code).toBe('LOGIN_REFUSED');
    expect(wrong.message).toMatch(/401|unauthorized/i);
    const unknown = await failure(() => api.registries.login({ registry: registry.address, username: 'nobody', password: user.password }));
    expect(unknown.code).toBe('LOGIN_REFUSED');
    const unreachable = await failure(() => api.registries.login({ registry: '127.0.0.1:1', username: user.username, password: user.password }));
    expect(unreachable.code).toBe('REGISTRY_UNREACHABLE');
    expect((await api.registries.list()).logins).toEqual([]);
  });

  it('a push fails without a login, succeeds after it; logging out takes it away again', async () => {
    const repo = `${registry.address}/cais-test/${uniqueName('private')}`;
    await api.images.tag({ source: TEST_IMAGE, target: `${repo}:v1` });

    const refused = await failure(async () => collect(await api.images.push({ reference: `${repo}:v1` })));
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.data).toEqual({ registry: registry.address });
    expect((await api.images.catalog({ registry: registry.address, term: '' })).state).toBe('unauthorized');

    expect(await api.registries.login({ registry: registry.address, username: user.username, password: user.password })).toEqual({
      registry: registry.address,
      username: user.username,
    });
    const listed = await api.registries.list();
    expect(listed).toEqual({ keeping: 'keychain', logins: [{ registry: registry.address, username: user.username }] });
    expect(JSON.stringify(listed)).not.toContain(user.password);

    const events = await collect(await api.images.push({ reference: `${repo}:v1` }));
    expect(events.at(-1)).toMatchObject({ type: 'done', reference: `${repo}:v1` });
    const catalog = await api.images.catalog({ registry: registry.address, term: repo.split('/').at(-1)! });
    expect(catalog).toMatchObject({ state: 'ok', repositories: [{ name: repo.slice(registry.address.length + 1), tags: ['v1'] }] });

    // And back: a pull with the stored login.
    await removeQuietly(docker, `${repo}:v1`);
    const pulled = await collect(await api.images.pull({ reference: `${repo}:v1` }));
    expect(pulled.at(-1)).toMatchObject({ type: 'done' });

    // The file on disk holds the sealed password only.
    const file = fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), 'utf8');
    expect(file).toContain(user.username);
    expect(file).not.toContain(user.password);
    expect(file).not.toContain(Buffer.from(user.password).toString('base64'));

    expect(await api.registries.logout({ registry: registry.address })).toEqual({ removed: true });
    expect(fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), 'utf8')).not.toContain(user.username);
    await removeQuietly(docker, `${repo}:v1`);
    const again = await failure(async () => collect(await api.images.pull({ reference: `${repo}:v1` })));
    expect(again.code).toBe('UNAUTHORIZED');

    // Nothing the app recorded carries the password.
    expect(JSON.stringify(await api.activity.list())).not.toContain(user.password);
    expect((await api.activity.list()).map((entry) => entry.command)).toContain(`docker login ${registry.address} -u ${user.username} --password-stdin`);
  });

  it('a build whose FROM is in the protected registry uses the stored login', async () => {
    const base = `${registry.address}/cais-test/${uniqueName('base')}:v1`;
    await api.registries.login({ registry: registry.address, username: user.username, password: user.password });
    await api.images.tag({ source: TEST_IMAGE, target: base });
    await collect(await api.images.push({ reference: base }));
    await removeQuietly(docker, base);
    const dir = fs.mkdtempSync(path.join(dataDir, 'ctx-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${base}\nRUN echo built-from-private\n`);
    const events = await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', buildArgs: [] }));
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    await removeQuietly(docker, (events.at(-1) as { id: string }).id);
    await removeQuietly(docker, base);
    await api.registries.logout({ registry: registry.address });
    // Without the login the same FROM is refused.
    const refused = await collect(await api.images.build({ context: dir, dockerfile: 'Dockerfile', buildArgs: [] }));
    expect(refused.at(-1)).toMatchObject({ type: 'failed', message: expect.stringMatching(/no basic auth credentials|unauthorized/i) });
  });
});
