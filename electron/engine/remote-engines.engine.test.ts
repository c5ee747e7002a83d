import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { buildRandomImage, pushTo, removeQuietly } from '../../e2e/support/image-fixtures';
import { startRegistry, type LocalRegistry } from '../../e2e/support/registry';
import {
  keyPart,
  knownHostLine,
  makeClientHome,
  makeKey,
  sshTestsUnavailable,
  startSshServer,
  startTlsEndpoint,
  type SshClientHome,
  type SshServer,
  type TlsEndpoint,
} from '../../e2e/support/ssh-server';
import { TEST_LABEL } from '../../e2e/support/test-engine';
import type { ConnectionState } from '../api/schemas';
import { EngineConnection } from './connection';
import { TerminalSessions } from './container-exec';
import { streamLogs } from './container-logs';
import { streamStats } from './container-stats';
import { fromHost, resolveEndpoint } from './endpoint';
import { probeEngine } from './engine-probe';
import { realHostFacts } from './host-facts';
import { pullImage } from './image-transfer';
import { parseReference } from './image-reference';
import { trustHostKey } from './ssh-host-keys';

const unavailable = sshTestsUnavailable();
if (unavailable) console.warn(`remote engine tests skipped: ${unavailable}`);
const engineSocket = (process.env.DOCKER_HOST ?? '').replace(/^unix:\/\//, '');

function connectionWith(env: Record<string, string | undefined>): EngineConnection {
  const facts = realHostFacts();
  return new EngineConnection({ ...facts, home: env.HOME ?? facts.home, env: { ...facts.env, ...env } });
}

function settled(connection: EngineConnection, timeoutMs = 60_000): Promise<ConnectionState> {
  return new Promise((resolve, reject) => {
    const done = (state: ConnectionState) => state.status !== 'connecting';
    if (done(connection.state)) return resolve(connection.state);
    const timer = setTimeout(() => reject(new Error(`still ${connection.state.status} after ${timeoutMs} ms`)), timeoutMs);
    const listener = (state: ConnectionState) => {
      if (!done(state)) return;
      clearTimeout(timer);
      connection.off('state', listener);
      resolve(state);
    };
    connection.on('state', listener);
  });
}

/** Probes DOCKER_HOST=host through a client home, as Settings → Test does. */
function probe(client: SshClientHome, host: string) {
  const facts = realHostFacts();
  const env = { ...facts.env, ...client.env };
  return probeEngine(resolveEndpoint({ ...facts, env: { ...env, DOCKER_HOST: host } }), env);
}

describe.skipIf(Boolean(unavailable))('ssh:// engines through the system OpenSSH client', () => {
  const docker = testDocker();
  let server: SshServer;
  let noDocker: SshServer;
  const homes: SshClientHome[] = [];
  const connections: EngineConnection[] = [];

  function clientHome(): SshClientHome {
    const home = makeClientHome();
    homes.push(home);
    return home;
  }

  /** A home whose ~/.ssh/id_ed25519 logs in and whose known_hosts knows the server. */
  function keyFileHome(target = server): SshClientHome {
    const home = clientHome();
    target.authorize(home.newKey().publicLine);
    home.knownHosts([knownHostLine(target.port, target.hostKey)]);
    return home;
  }

  async function connected(env: Record<string, string | undefined>): Promise<EngineConnection> {
    const connection = connectionWith(env);
    connections.push(connection);
    void connection.start();
    const state = await settled(connection);
    expect(state, JSON.stringify(state)).toMatchObject({ status: 'connected' });
    return connection;
  }

  beforeAll(async () => {
    server = await startSshServer({ engineSocket });
    noDocker = await startSshServer({ engineSocket, withoutDocker: true });
  });
  afterAll(async () => {
    for (const connection of connections) connection.close();
    for (const home of homes) await home.remove();
    await server?.stop();
    await noDocker?.stop();
  });

  it('with a key file only (no agent): connects and lists the same containers as the engine', async () => {
    const container = await createTestContainer(docker);
    const home = keyFileHome();
    const connection = await connected({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
    expect(connection.state).toMatchObject({ endpoint: { kind: 'ssh', address: `root@127.0.0.1:${server.port}` } });
    const names = (await connection.client().listContainers({ all: true })).map((c) => c.Id);
    expect(names).toContain(container.id);
  });

  it('with the ssh agent only (no key file in ~/.ssh)', async () => {
    const home = clientHome();
    const elsewhere = fs.mkdtempSync(path.join(home.home, 'keys-'));
    const key = home.newKey('agent_key', elsewhere);
    server.authorize(key.publicLine);
    home.knownHosts([knownHostLine(server.port, server.hostKey)]);
    await home.startAgent(key.file);
    fs.rmSync(elsewhere, { recursive: true });
    const connection = await connected({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
    expect((await connection.client().version()).ApiVersion).toMatch(/^\d+\.\d+$/);
  });

  it('with a ~/.ssh/config Host alias that sets HostName, Port, User and IdentityFile', async () => {
    const home = clientHome();
    const key = home.newKey('alias_key');
    server.authorize(key.publicLine);
    home.knownHosts([knownHostLine(server.port, server.hostKey)]);
    home.writeConfig(`Host cais-remote\n  HostName 127.0.0.1\n  Port ${server.port}\n  User root\n  IdentityFile ~/.ssh/alias_key\n  IdentitiesOnly yes\n`);
    const connection = await connected({ ...home.env, DOCKER_HOST: 'ssh://cais-remote' });
    expect(connection.state).toMatchObject({ endpoint: { kind: 'ssh', address: 'cais-remote' } });
  });

  it('an unknown host is refused until its key, shown with its fingerprint, is trusted; then it connects', async () => {
    const home = clientHome();
    server.authorize(home.newKey().publicLine);
    const host = `ssh://root@127.0.0.1:${server.port}`;
    const first = await probe(home, host);
    expect(first).toMatchObject({ ok: false, reason: 'ssh-host-unknown', hostKey: { fingerprint: server.hostFingerprint, knownAs: `[127.0.0.1]:${server.port}` } });
    expect(home.readKnownHosts()).toBe('');

    // A fingerprint other than the one the server shows is never written.
    const resolved = fromHost(host, 'DOCKER_HOST');
    const env = { ...realHostFacts().env, ...home.env };
    await expect(trustHostKey(resolved.ssh!, env, home.home, 'SHA256:' + 'A'.repeat(43))).rejects.toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    expect(home.readKnownHosts()).toBe('');

    await trustHostKey(resolved.ssh!, env, home.home, server.hostFingerprint);
    // Hashed as Debian's ssh_config asks (HashKnownHosts yes), and ssh itself finds it.
    expect(home.readKnownHosts()).toMatch(/^\|1\|\S+\|\S+ ssh-ed25519 \S+\n$/);
    const found = execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${server.port}`, '-f', path.join(home.sshDir, 'known_hosts')]).toString();
    expect(found).toContain(server.hostKey.split(' ')[1]);
    expect(await probe(home, host)).toMatchObject({ ok: true });
  });

  it('an unknown host seen by the live connection offers its key, and trusting it connects', async () => {
    const home = clientHome();
    server.authorize(home.newKey().publicLine);
    const connection = connectionWith({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
    connections.push(connection);
    void connection.start();
    const state = await settled(connection);
    expect(state).toMatchObject({ status: 'offline', reason: 'ssh-host-unknown', trouble: 'remote-setup', hostKey: { fingerprint: server.hostFingerprint } });
    await connection.trustHostKey(server.hostFingerprint);
    expect(connection.state.status).toBe('connected');
  });

  it('a changed host key is refused, and the reason says so', async () => {
    const home = clientHome();
    server.authorize(home.newKey().publicLine);
    const impostor = keyPart(makeKey(path.join(home.home, 'impostor')));
    home.knownHosts([knownHostLine(server.port, impostor)]);
    const result = await probe(home, `ssh://root@127.0.0.1:${server.port}`);
    expect(result).toMatchObject({ ok: false, reason: 'ssh-host-changed' });
    expect(result.ok === false && result.detail).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED/);
  });

  it('a user the server does not know: authentication refused', async () => {
    const home = keyFileHome();
    const result = await probe(home, `ssh://cais-no-such-user@127.0.0.1:${server.port}`);
    expect(result).toMatchObject({ ok: false, reason: 'ssh-auth' });
  });

  it('an IdentityFile in ~/.ssh/config that does not exist: the missing key file is named', async () => {
    const home = clientHome();
    home.knownHosts([knownHostLine(server.port, server.hostKey)]);
    home.writeConfig(`Host cais-lost-key\n  HostName 127.0.0.1\n  Port ${server.port}\n  User root\n  IdentityFile ~/.ssh/moved_away\n  IdentitiesOnly yes\n`);
    const result = await probe(home, 'ssh://cais-lost-key');
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, reason: 'ssh-key-missing' });
  });

  it('no key at all (no key file, no agent): authentication refused', async () => {
    const home = clientHome();
    home.knownHosts([knownHostLine(server.port, server.hostKey)]);
    expect(await probe(home, `ssh://root@127.0.0.1:${server.port}`)).toMatchObject({ ok: false, reason: 'ssh-auth' });
  });

  it('a remote machine without docker: says docker is missing there', async () => {
    const home = keyFileHome(noDocker);
    const result = await probe(home, `ssh://root@127.0.0.1:${noDocker.port}`);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, reason: 'ssh-no-docker' });
  });

  it('no ssh client on PATH: says so', async () => {
    const home = keyFileHome();
    const result = await probe({ ...home, env: { ...home.env, PATH: path.join(home.home, 'empty-bin') } }, `ssh://root@127.0.0.1:${server.port}`);
    expect(result).toMatchObject({ ok: false, reason: 'ssh-missing' });
  });

  it('a port where nothing listens: connection refused', async () => {
    const home = keyFileHome();
    expect(await probe(home, 'ssh://root@127.0.0.1:1')).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('a host name that does not resolve: DNS failure', async () => {
    const home = keyFileHome();
    expect(await probe(home, 'ssh://root@cais-no-such-host.invalid')).toMatchObject({ ok: false, reason: 'dns' });
  });

  describe('streams over ssh, as over a socket', () => {
    let connection: EngineConnection;
    let registry: LocalRegistry;
    beforeAll(async () => {
      const home = keyFileHome();
      connection = await connected({ ...home.env, DOCKER_HOST: `ssh://root@127.0.0.1:${server.port}` });
      registry = await startRegistry();
    });
    afterAll(async () => {
      await registry?.stop();
    });

    it('follows logs', async () => {
      const container = await createTestContainer(docker, { Cmd: ['sh', '-c', "trap 'exit 0' TERM; i=0; while :; do i=$((i+1)); echo line$i; sleep 0.1 & wait $!; done"] });
      await container.start();
      const controller = new AbortController();
      const seen: string[] = [];
      for await (const lines of streamLogs(connection.client(), container.id, { tail: 10, timestamps: false, follow: true }, controller.signal)) {
        seen.push(...lines.map((line) => line.text));
        if (seen.some((text) => text.includes('line5'))) controller.abort();
      }
      expect(seen.join('\n')).toContain('line5');
    });

    it('streams live stats', async () => {
      const container = await createTestContainer(docker);
      await container.start();
      const controller = new AbortController();
      let samples = 0;
      for await (const sample of streamStats(connection.client(), container.id, controller.signal)) {
        expect(sample.memoryUsage).toBeGreaterThanOrEqual(0);
        samples += 1;
        if (samples === 2) controller.abort();
      }
      expect(samples).toBe(2);
    });

    it('runs a terminal (an attached exec, both directions)', async () => {
      const container = await createTestContainer(docker);
      await container.start();
      const sessions = new TerminalSessions();
      const controller = new AbortController();
      let output = '';
      for await (const event of sessions.open(connection.client(), container.id, 'sh', { cols: 80, rows: 24 }, controller.signal)) {
        if (event.kind === 'ready') sessions.write(event.session, 'echo over-$((40+2))-ssh\n');
        if (event.kind === 'output') output += event.data;
        if (output.includes('over-42-ssh')) controller.abort();
      }
      expect(output).toContain('over-42-ssh');
    });

    it('pulls an image with progress', async () => {
      const reference = `${registry.address}/cais-test/${uniqueName('ssh-pull')}:v1`;
      await buildRandomImage(docker, reference, [300_000]);
      await pushTo(docker, reference, registry.address);
      await removeQuietly(docker, reference);
      const parsed = parseReference(reference);
      if (!parsed.ok) throw new Error(parsed.problem);
      const events = [];
      for await (const event of pullImage(connection.client(), parsed.reference)) events.push(event);
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      const image = await docker.getImage(reference).inspect();
      expect(image.Id).toMatch(/^sha256:/);
      await removeQuietly(docker, reference);
    });
  });
});

describe.skipIf(Boolean(unavailable))('tcp:// engines with TLS client certificates', () => {
  let tls: TlsEndpoint;
  beforeAll(async () => {
    tls = await startTlsEndpoint(engineSocket);
  });
  afterAll(async () => {
    await tls?.stop();
  });

  function tlsConnection(certPath: string): EngineConnection {
    return connectionWith({ DOCKER_HOST: `tcp://127.0.0.1:${tls.port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath, DOCKER_CONTEXT: undefined });
  }

  it('the right certificates list the containers', async () => {
    const container = await createTestContainer(testDocker());
    const connection = tlsConnection(tls.goodCerts);
    void connection.start();
    const state = await settled(connection);
    try {
      expect(state, JSON.stringify(state)).toMatchObject({ status: 'connected', endpoint: { kind: 'tcp', tls: true } });
      const ids = (await connection.client().listContainers({ all: true, filters: { label: [TEST_LABEL] } })).map((c) => c.Id);
      expect(ids).toContain(container.id);
    } finally {
      connection.close();
    }
  });

  it('a CA that did not sign the engine certificate: the reason names the CA', async () => {
    const connection = tlsConnection(tls.wrongCaCerts);
    void connection.start();
    const state = await settled(connection);
    connection.close();
    expect(state, JSON.stringify(state)).toMatchObject({ status: 'offline', reason: 'tls-ca', trouble: 'remote-setup' });
  });

  it('a missing key.pem: the reason names the missing file', async () => {
    const connection = tlsConnection(tls.missingKeyCerts);
    void connection.start();
    const state = await settled(connection);
    connection.close();
    expect(state).toMatchObject({ status: 'offline', reason: 'tls-files-missing' });
    expect(state.status === 'offline' && state.detail).toContain(path.join(tls.missingKeyCerts, 'key.pem'));
  });

  it('no client certificate at all: the engine refused it', async () => {
    const certs = fs.mkdtempSync(path.join(tls.goodCerts, '..', 'ca-only-'));
    fs.copyFileSync(path.join(tls.goodCerts, 'ca.pem'), path.join(certs, 'ca.pem'));
    const facts = realHostFacts();
    const resolved = fromHost(`tcp://127.0.0.1:${tls.port}`, 'custom', { ca: fs.readFileSync(path.join(certs, 'ca.pem'), 'utf8') });
    const result = await probeEngine(resolved, facts.env);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, reason: 'tls-client-refused' });
  });
});
