import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { openRpcSocket } from '../../e2e/support/rpc-socket';
import type { Contract } from '../api/contract';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { startWebHost, type WebHost } from './web-host';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');

let host: WebHost;
const engine = new EngineConnection({ ...realHostFacts(), env: { ...process.env } });

async function rpcClient(): Promise<{ client: ContractRouterClient<Contract>; socket: WebSocket }> {
  const socket = await openRpcSocket(host.launchUrl());
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

// Signing in and refusals: web-host.test.ts (no engine needed).
describe('web host', () => {
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
