import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';

export interface LocalRegistry {
  /** host:port, as used in image references (e.g. 127.0.0.1:5123/name:tag). */
  address: string;
  stop(): Promise<void>;
}

/** A registry that wants this user name and password (HTTP Basic, checked against an htpasswd file). */
export interface RegistryUser {
  username: string;
  password: string;
}

/**
 * The network namespace of the test engine's dockerd when it differs from
 * ours (CAIS_TEST_NETNS=1 starts it under `unshare --net`), else undefined.
 * Found from DOCKER_HOST's folder, where the throwaway engine keeps dockerd.pid.
 */
export function engineNetworkNamespace(dockerHost = process.env.DOCKER_HOST): string | undefined {
  if (!dockerHost?.startsWith('unix://')) return undefined;
  const pidFile = path.join(path.dirname(dockerHost.slice('unix://'.length)), 'dockerd.pid');
  try {
    const pid = fs.readFileSync(pidFile, 'utf8').trim();
    const theirs = `/proc/${pid}/ns/net`;
    return fs.readlinkSync(theirs) === fs.readlinkSync('/proc/self/ns/net') ? undefined : theirs;
  } catch {
    return undefined;
  }
}

/** Runs inside the engine's namespace: 127.0.0.1:PORT there → a unix socket (not namespaced). */
const INNER_FORWARDER = `
const net = require('node:net');
const [port, socketPath] = process.argv.slice(-2);
net.createServer((c) => {
  const u = net.connect(socketPath);
  c.on('error', () => u.destroy()); u.on('error', () => c.destroy());
  c.pipe(u).pipe(c);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
`;

/**
 * Makes host:port of a registry listening on our 127.0.0.1 answer at the very
 * same address inside the engine's network namespace, so one image reference
 * (127.0.0.1:PORT/name) works for the engine (pull, push) and for this process
 * (the app's catalog fetch). Two hops: a TCP listener in the engine's
 * namespace → a unix socket in the registry's folder → our 127.0.0.1:PORT.
 */
export async function bridgeIntoNamespace(netns: string, port: number, dir: string): Promise<() => Promise<void>> {
  const socketPath = path.join(dir, 'bridge.sock');
  const outer = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    outer.once('error', reject);
    outer.listen(socketPath, () => resolve());
  });
  // A fresh namespace's loopback is down until someone brings it up.
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
    inner.once('exit', (code) => reject(new Error(`registry bridge exited with ${code}: ${stderr.slice(-500)}`)));
  });
  return async () => {
    if (inner.exitCode === null) {
      const gone = new Promise((resolve) => inner.once('exit', resolve));
      inner.kill('SIGTERM');
      await gone;
    }
    await new Promise((resolve) => outer.close(resolve));
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The registry's htpasswd line: bcrypt, the only hash it accepts. */
export function htpasswdLine(user: RegistryUser): string {
  return `${user.username}:${bcrypt.hashSync(user.password, 6)}\n`;
}

/**
 * Starts Debian's docker-registry on 127.0.0.1 with its own storage folder;
 * with `user`, every request needs that login (htpasswd auth).
 * The engine trusts 127.0.0.0/8 registries over plain HTTP by default.
 * When the test engine runs in a network namespace of its own
 * (CAIS_TEST_NETNS=1), the same address is bridged into that namespace, so
 * the engine and this process both reach the registry at `address`.
 */
export async function startRegistry(options: { user?: RegistryUser } = {}): Promise<LocalRegistry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-reg-'));
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const config = path.join(dir, 'config.yml');
  const auth: string[] = [];
  if (options.user) {
    const htpasswd = path.join(dir, 'htpasswd');
    fs.writeFileSync(htpasswd, htpasswdLine(options.user), { mode: 0o600 });
    auth.push('auth:', '  htpasswd:', '    realm: cais-test', `    path: ${htpasswd}`);
  }
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      'storage:',
      `  filesystem: { rootdirectory: ${path.join(dir, 'data')} }`,
      '  delete: { enabled: true }',
      'http:',
      `  addr: ${address}`,
      ...auth,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr.slice(-1000)}`);
    try {
      const response = await fetch(`http://${address}/v2/`);
      // A protected registry answers its base endpoint with 401: it is up.
      if (response.ok || (options.user && response.status === 401)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`docker-registry did not answer on ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const netns = engineNetworkNamespace();
  let unbridge: (() => Promise<void>) | undefined;
  try {
    if (netns) unbridge = await bridgeIntoNamespace(netns, port, dir);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    address,
    stop: async () => {
      await unbridge?.();
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
