import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../api/schemas';
import { CommandConn } from '../engine/command-conn';
import { EngineConnection } from '../engine/connection';
import { fromHost } from '../engine/endpoint';
import { realHostFacts } from '../engine/host-facts';
import { sshFailure } from '../engine/ssh-transport';
import { spawn } from 'node:child_process';
import { router } from './router';

/**
 * Whatever an engine connection carries (a socket that closes mid-answer,
 * garbage, a half-close, an HTTP server that is not Docker, an ssh command
 * that writes nonsense), the host answers with a reason or an error code and
 * keeps serving; an uncaught error here would fail the run (Vitest reports it).
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-faults-'));
const servers: net.Server[] = [];
const connections: EngineConnection[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  for (const connection of connections) connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const VERSION = JSON.stringify({ Version: '27.0.0', ApiVersion: '1.47', Os: 'linux', Components: [] });

type Behaviour = (socket: net.Socket, request: string) => void;

/** A unix socket "engine" that answers /version properly and does `behaviour` for everything else. */
function hostileEngine(behaviour: Behaviour, versionToo = false): Promise<string> {
  const socketPath = path.join(dir, `engine-${servers.length}.sock`);
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    let request = '';
    socket.on('data', (chunk) => {
      request += chunk.toString('latin1');
      if (!request.includes('\r\n\r\n')) return;
      const line = request.split('\r\n')[0];
      request = '';
      if (!versionToo && / \/(v[\d.]+\/)?version /.test(line)) {
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${VERSION.length}\r\n\r\n${VERSION}`);
        return;
      }
      if (!versionToo && / \/(v[\d.]+\/)?events/.test(line)) {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'); // and nothing more
        return;
      }
      behaviour(socket, line);
    });
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(socketPath, () => resolve(socketPath)));
}

const closesMidAnswer: Behaviour = (socket) => {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n[{"Id":"abc","Na');
  socket.destroy();
};
const garbage: Behaviour = (socket) => {
  socket.write(Buffer.from([0, 255, 13, 10, 13, 10, 1, 2, 3, 0x48, 0x54, 0x54, 0x50, 0xfe]));
  socket.end();
};
const halfCloses: Behaviour = (socket) => socket.end();
const chunkedNonsense: Behaviour = (socket) => {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\x01\x00\x00\x00\xff\xff\xff\xffhi\r\n');
  setTimeout(() => socket.destroy(), 20);
};
const wrongJson: Behaviour = (socket) => {
  const body = '{"not":"a list"';
  socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
};

function settled(connection: EngineConnection, status: ConnectionState['status']): Promise<ConnectionState> {
  return new Promise((resolve) => {
    if (connection.state.status === status) return resolve(connection.state);
    const listener = (state: ConnectionState) => {
      if (state.status !== status) return;
      connection.off('state', listener);
      resolve(state);
    };
    connection.on('state', listener);
  });
}

function apiFor(host: string): { api: RouterClient<typeof router>; connection: EngineConnection } {
  const facts = realHostFacts();
  const connection = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: host } });
  connections.push(connection);
  return { api: createRouterClient(router, { context: { engine: connection } }), connection };
}

/** Runs a call or a stream to its end (or 5 s); resolves with the error code it ended with ('ok' without one). */
async function outcome(work: (signal: AbortSignal) => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  // A call whose answer was cut off mid-body may never settle (dockerode); that is not a crash: it is reported, not awaited.
  const stalled = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('stalled'), 6000)));
  try {
    return await Promise.race([stalled, runToEnd(work)]);
  } finally {
    clearTimeout(timer);
  }
}

async function runToEnd(work: (signal: AbortSignal) => Promise<unknown>): Promise<string> {
  try {
    const result = await work(AbortSignal.timeout(5000));
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      for await (const item of result as AsyncIterable<unknown>) void item;
    }
    return 'ok';
  } catch (error) {
    return String((error as { code?: string }).code ?? (error as Error).message);
  }
}

describe('a host that never falls over, whatever the engine connection carries', () => {
  it.each([
    ['closes mid-answer', closesMidAnswer],
    ['sends garbage', garbage],
    ['half-closes without answering', halfCloses],
    ['sends nonsense in a chunked stream', chunkedNonsense],
    ['sends JSON of the wrong shape', wrongJson],
  ] as const)('an engine that %s: each call fails with a code, and the host keeps serving', { timeout: 60_000 }, async (_name, behaviour) => {
    const socketPath = await hostileEngine(behaviour);
    const { api, connection } = apiFor(`unix://${socketPath}`);
    void connection.start();
    await settled(connection, 'connected');
    const calls = [
      (signal: AbortSignal) => api.containers.list({ all: true }, { signal }),
      (signal: AbortSignal) => api.containers.inspect({ id: 'abc' }, { signal }),
      (signal: AbortSignal) => api.containers.logs({ id: 'abc', tail: 10, timestamps: false, follow: true }, { signal }),
      (signal: AbortSignal) => api.containers.stats({ id: 'abc' }, { signal }),
      (signal: AbortSignal) => api.system.diskUsage({}, { signal }),
    ];
    for (const call of calls) {
      // Each ends (or stalls), with an answer or an error code; none ends the process (Vitest fails the run on an uncaught error).
      expect(typeof (await outcome(call))).toBe('string');
    }
    // Still serving: a call that needs no engine answers.
    expect(await api.settings.get({})).toMatchObject({ settings: expect.any(Object) });
  });

  it.each([
    ['closes mid-answer', closesMidAnswer, /refused|timeout|not-docker/],
    ['sends garbage', garbage, /not-docker/],
    ['half-closes without answering', halfCloses, /refused/],
    ['answers as a web page', ((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>')) as Behaviour, /not-docker/],
    ['answers 404', ((socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found')) as Behaviour, /not-docker/],
  ] as const)('an engine whose /version %s: offline with a reason, never a crash', async (_name, behaviour, reason) => {
    const socketPath = await hostileEngine(behaviour, true);
    const { connection } = apiFor(`unix://${socketPath}`);
    void connection.start();
    const state = await settled(connection, 'offline');
    expect(state.status).toBe('offline');
    expect(state.status === 'offline' && state.reason).toMatch(reason);
  });
});

describe('engines.test against a server that is not Docker', () => {
  let web: http.Server | undefined;
  afterEach(() => web?.close());

  it('a plain HTTP server: a reason with its sentence (not-docker), never a validation error', async () => {
    web = http.createServer((_req, res) => res.end('<!doctype html><title>a web site</title>'));
    await new Promise<void>((resolve) => web!.listen(0, '127.0.0.1', resolve));
    const port = (web.address() as net.AddressInfo).port;
    const { api } = apiFor('unix:///nonexistent.sock');
    const added = await api.engines.add({ name: 'Web site', host: `tcp://127.0.0.1:${port}` });
    const result = await api.engines.test({ id: added.id });
    expect(result).toMatchObject({ ok: false, reason: 'not-docker' });
    expect(result.ok === false && result.detail).toMatch(/not a Docker engine/);
  });
});

describe('a command as a connection (what carries ssh://)', () => {
  /** An agent whose connections are `sh -c script`: stdin and stdout as a socket. */
  function commandAgent(script: string): http.Agent {
    const agent = new http.Agent({ keepAlive: true, timeout: 5000 });
    (agent as unknown as { createConnection: () => CommandConn }).createConnection = () =>
      new CommandConn(spawn('sh', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] }), sshFailure);
    return agent;
  }

  function get(agent: http.Agent, timeoutMs = 5000): Promise<{ status?: number; body: string; error?: string }> {
    return new Promise((resolve) => {
      const request = http.request({ host: 'docker', path: '/version', agent, timeout: timeoutMs }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body }));
        response.on('error', (error) => resolve({ body, error: error.message }));
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => resolve({ body: '', error: `${(error as { reason?: string }).reason ?? ''} ${error.message}` }));
      request.end();
    });
  }

  it("is a socket to Node's HTTP client (timeouts, keep-alive, unref): an answer comes back", async () => {
    const agent = commandAgent(`head -c 0; printf 'HTTP/1.1 200 OK\\r\\nContent-Length: ${VERSION.length}\\r\\n\\r\\n%s' '${VERSION}'; sleep 1`);
    expect(await get(agent)).toMatchObject({ status: 200, body: VERSION });
    agent.destroy();
  });

  it.each([
    ['writes garbage and exits', "printf '\\001\\377garbage\\r\\n\\r\\n'"],
    ['exits at once', 'exit 0'],
    ['half-closes its output and keeps running', 'exec 1>&-; sleep 3'],
    ['dies mid-answer', "printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 100\\r\\n\\r\\n{\"Ver'; kill -9 $$"],
    ['fails as ssh does', "echo 'ssh: connect to host 127.0.0.1 port 1: Connection refused' >&2; exit 255"],
  ])('a command that %s: an error for the request, nothing thrown', async (_name, script) => {
    const agent = commandAgent(script);
    const result = await get(agent, 2000);
    expect(result.error ?? `status ${result.status}`).toBeTruthy();
    agent.destroy();
  });

  it('an ssh that cannot even be started (a NUL byte in its environment): an error for the request, nothing thrown', async () => {
    const resolved = fromHost('ssh://me@engine.example', 'custom');
    const { probeEngine } = await import('../engine/engine-probe');
    const result = await probeEngine(resolved, { PATH: process.env.PATH, BROKEN: 'a\u0000b' });
    expect(result.ok).toBe(false);
  });

  it('an ssh failure carries its reason to the engine connection', async () => {
    const agent = commandAgent("echo 'Permission denied (publickey).' >&2; exit 255");
    const result = await get(agent);
    expect(result.error).toMatch(/ssh-auth|Permission denied/);
    agent.destroy();
    // And the same through a real EngineConnection whose ssh is that script.
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    fs.writeFileSync(path.join(bin, 'ssh'), "#!/bin/sh\necho 'Permission denied (publickey).' >&2\nexit 255\n", { mode: 0o755 });
    const facts = realHostFacts();
    const connection = new EngineConnection({ ...facts, env: { ...facts.env, PATH: `${bin}:${facts.env.PATH}` } });
    connections.push(connection);
    void connection.useEndpoint(fromHost('ssh://me@engine.example', 'custom'));
    expect(await settled(connection, 'offline')).toMatchObject({ reason: 'ssh-auth', trouble: 'remote-setup' });
  });
});
