import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ConnectionState, Endpoint } from '../api/schemas';
import { EngineConnection } from './connection';
import type { HostFacts } from './endpoint';
import { diagnoseTrouble, engineInstalled } from './engine-trouble';
import { classifyConnectionError } from './errors';

function facts(files: string[], overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    env: { PATH: '/usr/local/bin:/usr/bin' },
    home: '/home/ana',
    platform: 'linux',
    exists: (file) => files.includes(file),
    readText: () => undefined,
    ...overrides,
  };
}

const unixSocket: Endpoint = { kind: 'unix', address: '/var/run/docker.sock', source: 'default', tls: false };
const tcp: Endpoint = { kind: 'tcp', address: '10.0.0.5:2376', source: 'DOCKER_HOST', tls: true };
const ssh: Endpoint = { kind: 'ssh', address: 'ana@build:22', source: 'context', tls: false };

describe('engineInstalled', () => {
  it('finds docker, dockerd or podman on PATH', () => {
    expect(engineInstalled(facts(['/usr/bin/docker']))).toBe(true);
    expect(engineInstalled(facts(['/usr/local/bin/podman']))).toBe(true);
    expect(engineInstalled(facts([]))).toBe(false);
  });

  it('knows the desktop apps of macOS and Windows, and Windows PATH syntax', () => {
    expect(engineInstalled(facts(['/Applications/Docker.app'], { platform: 'darwin' }))).toBe(true);
    expect(engineInstalled(facts(['/Applications/Docker.app'], { platform: 'linux' }))).toBe(false);
    const windows = facts(['C:\\Tools\\podman.exe'], { platform: 'win32', env: { Path: 'C:\\Windows;C:\\Tools' } });
    expect(engineInstalled(windows)).toBe(true);
  });
});

describe('diagnoseTrouble', () => {
  it('no socket and no engine program: not installed', () => {
    expect(diagnoseTrouble('not-found', unixSocket, facts([]))).toBe('not-installed');
  });

  it('no socket but docker is on PATH: installed, not running', () => {
    expect(diagnoseTrouble('not-found', unixSocket, facts(['/usr/bin/dockerd']))).toBe('not-running');
  });

  it('a socket that refuses or times out: not running, whatever is installed', () => {
    expect(diagnoseTrouble('refused', unixSocket, facts([]))).toBe('not-running');
    expect(diagnoseTrouble('timeout', unixSocket, facts(['/usr/bin/docker']))).toBe('not-running');
  });

  // As root the test cannot make a socket it may not open (root bypasses file
  // modes), so the permission case is checked from the error the OS gives a user.
  it('a socket the user may not open: permission denied', () => {
    const eacces = Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' });
    expect(diagnoseTrouble(classifyConnectionError(eacces), unixSocket, facts(['/usr/bin/docker']))).toBe('permission-denied');
  });

  it('tcp or ssh endpoints that do not answer: remote unreachable, never "not installed"', () => {
    for (const reason of ['not-found', 'refused', 'timeout', 'unreachable', 'permission-denied'] as const) {
      expect(diagnoseTrouble(reason, tcp, facts([]))).toBe('remote-unreachable');
      expect(diagnoseTrouble(reason, ssh, facts([]))).toBe('remote-unreachable');
    }
  });
});

/** The first offline state a connection reports for these facts. */
async function firstOffline(hostFacts: HostFacts): Promise<Extract<ConnectionState, { status: 'offline' }>> {
  const connection = new EngineConnection(hostFacts);
  const offline = new Promise<ConnectionState>((resolve) =>
    connection.on('state', (state) => state.status === 'offline' && resolve(state)),
  );
  void connection.start();
  try {
    return (await offline) as Extract<ConnectionState, { status: 'offline' }>;
  } finally {
    connection.close();
  }
}

describe('EngineConnection reports the trouble', () => {
  it('a missing socket with no engine program on PATH: not installed', async () => {
    const state = await firstOffline(facts([], { env: { DOCKER_HOST: 'unix:///nonexistent/cais/docker.sock', PATH: '/nonexistent' } }));
    expect(state).toMatchObject({ reason: 'not-found', trouble: 'not-installed' });
  });

  it('a tcp endpoint on a closed port: remote unreachable', async () => {
    // Take a free port and close it again, so nothing listens there.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const state = await firstOffline(facts([], { env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` } }));
    expect(state).toMatchObject({ reason: 'refused', trouble: 'remote-unreachable', endpoint: { kind: 'tcp' } });
  });
});
