import { createRouterClient } from '@orpc/server';
import { describe, expect, it } from 'vitest';
import type { EngineConnection } from '../engine/connection';
import { router } from './router';

const PASSWORD = 's3cret-Pa55';

/** An engine whose POST /auth accepts alice with PASSWORD and refuses anything else as Docker does. */
function fakeEngine(seen: unknown[] = []): EngineConnection {
  const docker = {
    checkAuth: async (body: { username: string; password: string; serveraddress: string }) => {
      seen.push(body);
      if (body.serveraddress === '127.0.0.1:1') {
        throw Object.assign(new Error('(HTTP code 500) server error'), {
          statusCode: 500,
          json: { message: 'Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused' },
        });
      }
      if (body.username !== 'alice' || body.password !== PASSWORD) {
        throw Object.assign(new Error('(HTTP code 401) unexpected'), {
          statusCode: 401,
          json: { message: `login attempt to http://${body.serveraddress}/v2/ failed with status: 401 Unauthorized` },
        });
      }
      return { Status: 'Login Succeeded' };
    },
  };
  return { client: () => docker, state: { status: 'connected' } } as unknown as EngineConnection;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

describe('registries router', () => {
  it('logs in through the engine, lists host and user only, and logs out', async () => {
    const seen: unknown[] = [];
    const api = createRouterClient(router, { context: { engine: fakeEngine(seen) } });
    expect(await api.registries.list()).toEqual({ keeping: 'memory-web', logins: [] });
    expect(await api.registries.login({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD })).toEqual({ registry: '127.0.0.1:5000', username: 'alice' });
    expect(seen).toEqual([{ username: 'alice', password: PASSWORD, serveraddress: '127.0.0.1:5000' }]);
    const listed = await api.registries.list();
    expect(listed).toEqual({ keeping: 'memory-web', logins: [{ registry: '127.0.0.1:5000', username: 'alice' }] });
    expect(JSON.stringify(listed)).not.toContain(PASSWORD);
    expect(await api.registries.logout({ registry: '127.0.0.1:5000' })).toEqual({ removed: true });
    expect((await api.registries.list()).logins).toEqual([]);
  });

  it('a wrong password is LOGIN_REFUSED and keeps nothing; an unreachable registry says so', async () => {
    const api = createRouterClient(router, { context: { engine: fakeEngine() } });
    expect(await codeOf(api.registries.login({ registry: '127.0.0.1:5000', username: 'alice', password: 'wrong' }))).toBe('LOGIN_REFUSED');
    expect(await codeOf(api.registries.login({ registry: '127.0.0.1:1', username: 'alice', password: PASSWORD }))).toBe('REGISTRY_UNREACHABLE');
    expect((await api.registries.list()).logins).toEqual([]);
  });

  it('Docker Hub by any of its names is one login at index.docker.io/v1/', async () => {
    const seen: { serveraddress: string }[] = [];
    const api = createRouterClient(router, { context: { engine: fakeEngine(seen) } });
    expect(await api.registries.login({ registry: 'registry-1.docker.io', username: 'alice', password: PASSWORD })).toEqual({ registry: 'docker.io', username: 'alice' });
    expect(seen[0].serveraddress).toBe('https://index.docker.io/v1/');
  });

  it('the activity log shows docker login with --password-stdin and never the password, even when refused', async () => {
    const api = createRouterClient(router, { context: { engine: fakeEngine() } });
    await api.registries.login({ registry: '127.0.0.1:5000', username: 'alice', password: PASSWORD });
    await codeOf(api.registries.login({ registry: '127.0.0.1:5000', username: 'alice', password: 'wrong-one' }));
    await api.registries.logout({ registry: '127.0.0.1:5000' });
    const entries = await api.activity.list();
    expect(entries.map((entry) => [entry.command, entry.outcome])).toEqual([
      ['docker login 127.0.0.1:5000 -u alice --password-stdin', 'ok'],
      ['docker login 127.0.0.1:5000 -u alice --password-stdin', 'failed'],
      ['docker logout 127.0.0.1:5000', 'ok'],
    ]);
    const everything = JSON.stringify(entries);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('wrong-one');
  });

  it('refuses a user name with a colon or a registry that is not host[:port]', async () => {
    const api = createRouterClient(router, { context: { engine: fakeEngine() } });
    expect(await codeOf(api.registries.login({ registry: '127.0.0.1:5000', username: 'a:b', password: PASSWORD }))).toBe('BAD_REQUEST');
    expect(await codeOf(api.registries.login({ registry: 'http://x/', username: 'alice', password: PASSWORD }))).toBe('BAD_REQUEST');
  });
});
