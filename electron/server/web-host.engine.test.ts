import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import type { Contract } from '../api/contract';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { startWebHost, type WebHost } from './web-host';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');

let host: WebHost;
const engine = new EngineConnection({ ...realHostFacts(), env: { ...process.env } });
const base = () => `http://127.0.0.1:${host.port}`;

/** Opens a socket and resolves with the HTTP status it was refused with, or 101. */
function socketStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', reject);
  });
}

async function rpcClient(): Promise<{ client: ContractRouterClient<Contract>; socket: WebSocket }> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, {
    headers: { origin: base() },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { client: createORPCClient(new RPCLink({ websocket: socket as never })), socket };
}

beforeAll(async () => {
  await engine.start();
  host = await startWebHost({ engine, staticDir });
});
afterAll(async () => {
  await host.close();
  engine.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

describe('web host refusals', () => {
  it('listens on 127.0.0.1 and prints a URL with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses HTTP requests without the token or with a wrong one', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base()}/`, { headers: { cookie: 'cais_token=wrong' } })).status).toBe(401);
  });

  it('trades the token for an HttpOnly cookie and then serves the app', async () => {
    const first = await fetch(host.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base()}/`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Cais</title>');
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    expect((await fetch(host.url, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    // fetch() may not set Host, so speak HTTP directly, as a DNS-rebinding page would arrive.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.get(host.url, { headers: { host: `evil.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(403);
  });

  it('closes sockets without the right token or from a foreign Origin', async () => {
    const rpc = `ws://127.0.0.1:${host.port}/rpc`;
    expect(await socketStatus(rpc, { origin: base() })).toBe(401);
    expect(await socketStatus(`${rpc}?token=wrong`, { origin: base() })).toBe(401);
    expect(await socketStatus(`${rpc}?token=${host.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await socketStatus(`${rpc}?token=${host.token}`, { origin: base() })).toBe(101);
    expect(await socketStatus(rpc, { origin: base(), cookie: `cais_token=${host.token}` })).toBe(101);
  });

  it('will not listen beyond loopback unless asked to', async () => {
    await expect(startWebHost({ engine, staticDir, host: '0.0.0.0' })).rejects.toThrow(/allow-remote/);
  });
});

describe('calls over the socket', () => {
  it('lists the engine containers through the router', async () => {
    const docker = testDocker();
    const container = await createTestContainer(docker);
    const { client, socket } = await rpcClient();
    try {
      const list = await client.containers.list({ all: true });
      expect(list.map((c) => c.id)).toContain(container.id);
    } finally {
      socket.close();
    }
  });

  it('rejects bad input with a validation error before it reaches the engine', async () => {
    const docker = testDocker();
    const container = await createTestContainer(docker);
    const { client, socket } = await rpcClient();
    const bad: unknown[] = [
      { id: 42 },
      { id: container.id, extra: true },
      { id: 'x'.repeat(10_000) },
      { id: `${container.id}; rm -rf /` },
      {},
      null,
    ];
    try {
      for (const input of bad) {
        const error = await client.containers.start(input as never).then(
          () => undefined,
          (failure: unknown) => failure as { code?: string; message?: string },
        );
        expect(error?.code, JSON.stringify(input).slice(0, 80)).toBe('BAD_REQUEST');
        expect(error?.message).toMatch(/validation/i);
      }
      // None of those reached the engine: the container was never started.
      expect((await docker.getContainer(container.id).inspect()).State.Status).toBe('created');
    } finally {
      socket.close();
    }
  });

  it('turns an engine refusal into a coded error with the engine text', async () => {
    const { client, socket } = await rpcClient();
    try {
      const error = await client.containers.start({ id: 'no-such-container-cais' }).catch((failure: unknown) => failure as { code?: string; message?: string });
      expect(error?.code).toBe('NOT_FOUND');
      expect(error?.message).toMatch(/no such container/i);
    } finally {
      socket.close();
    }
  });

  it('stopping a container that is already stopped is a coded refusal with the engine text', async () => {
    const docker = testDocker();
    const container = await createTestContainer(docker);
    const { client, socket } = await rpcClient();
    try {
      const error = await client.containers.stop({ id: container.id }).catch((failure: unknown) => failure as { code?: string });
      expect(error?.code).toBe('NOT_MODIFIED');
      const started = await client.containers.start({ id: container.id }).then(() => 'ok');
      expect(started).toBe('ok');
      const again = await client.containers.start({ id: container.id }).catch((failure: unknown) => failure as { code?: string });
      expect(again?.code).toBe('NOT_MODIFIED');
    } finally {
      socket.close();
    }
  });
});
