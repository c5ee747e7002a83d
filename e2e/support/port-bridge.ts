import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { engineNetworkNamespace } from './registry';

/** Runs inside the engine's namespace: a unix socket (not namespaced) → 127.0.0.1:PORT there. */
const INNER_FORWARDER = `
const net = require('node:net');
const [port, socketPath] = process.argv.slice(-2);
net.createServer((c) => {
  const u = net.connect(Number(port), '127.0.0.1');
  c.on('error', () => u.destroy()); u.on('error', () => c.destroy());
  c.pipe(u).pipe(c);
}).listen(socketPath, () => console.log('ready'));
`;

/** A TCP port free on our 127.0.0.1 right now. */
export async function freeLocalPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Makes a port the engine publishes on its 127.0.0.1 answer at the same
 * address here, where the browser runs, when the test engine lives in a
 * network namespace of its own (CAIS_TEST_NETNS=1); a no-op otherwise. So
 * `http://127.0.0.1:PORT`, as Cais' port link shows it, reaches the container.
 */
export async function bridgePublishedPort(port: number): Promise<() => Promise<void>> {
  const netns = engineNetworkNamespace();
  if (!netns) return async () => undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-port-bridge-'));
  const socketPath = path.join(dir, 'out.sock');
  await new Promise<void>((resolve, reject) =>
    spawn('nsenter', [`--net=${netns}`, 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' }).once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`could not bring up loopback in ${netns} (exit ${code})`)),
    ),
  );
  const inner = spawn('nsenter', [`--net=${netns}`, process.execPath, '-e', INNER_FORWARDER, '--', String(port), socketPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  inner.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    inner.stdout.once('data', () => resolve());
    inner.once('exit', (code) => reject(new Error(`port bridge exited with ${code}: ${stderr.slice(-500)}`)));
  });
  const outer = net.createServer((client) => {
    const upstream = net.connect(socketPath);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    outer.once('error', reject);
    outer.listen(port, '127.0.0.1', () => resolve());
  });
  return async () => {
    await new Promise((resolve) => outer.close(resolve));
    inner.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
