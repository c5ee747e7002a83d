import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SeenRequest {
  method: string;
  url: string;
}

export interface CountingProxy {
  /** A DOCKER_HOST (unix://…) that reaches the upstream engine through the proxy. */
  host: string;
  /** Every request that went through, in order of arrival. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Upstream = { socketPath: string } | { host: string; port: number };

function upstreamOf(dockerHost: string): Upstream {
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port) };
}

function connectUpstream(upstream: Upstream): net.Socket {
  return 'socketPath' in upstream ? net.connect(upstream.socketPath) : net.connect(upstream.port, upstream.host);
}

/**
 * An HTTP proxy on a unix socket in front of a Docker engine that records
 * every request, so a test can tell whether a call reached the engine.
 * Streams (events, logs) and hijacked connections (attach, exec) pass through.
 */
export async function startCountingProxy(dockerHost: string): Promise<CountingProxy> {
  const upstream = upstreamOf(dockerHost);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-proxy-'));
  const socketPath = path.join(dir, 'engine.sock');
  const requests: SeenRequest[] = [];
  const spliced = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '?', url: req.url ?? '' });
    const forward = http.request({ ...upstream, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      // A stream (events) may stay silent for long: its client needs the headers now.
      res.flushHeaders();
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });

  // Attach and exec upgrade the connection: replay the head, then splice the sockets.
  server.on('upgrade', (req, client: net.Socket, head) => {
    requests.push({ method: req.method ?? '?', url: req.url ?? '' });
    const engine = connectUpstream(upstream);
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    engine.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) engine.write(head);
    engine.pipe(client).pipe(engine);
    for (const socket of [client, engine]) {
      spliced.add(socket);
      socket.on('close', () => spliced.delete(socket));
    }
    engine.on('error', () => client.destroy());
    client.on('error', () => engine.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });

  return {
    host: `unix://${socketPath}`,
    requests,
    close: async () => {
      for (const socket of spliced) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
