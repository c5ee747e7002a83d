import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Remote engines for real, on 127.0.0.1: Debian's sshd in front of the test
 * engine (its DOCKER_HOST set with SetEnv, so `docker system dial-stdio` on the
 * "remote" side reaches the test engine), a client home of the test's own
 * (~/.ssh with keys, config and known_hosts, so the user's files are never
 * touched), and a TLS endpoint with client certificates (socat in front of
 * the engine's socket, certificates made by openssl).
 */

export const SSHD = '/usr/sbin/sshd';

/** Why ssh engines cannot be tested here, or undefined when they can. */
export function sshTestsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'the ssh tests need Linux';
  if (process.getuid?.() !== 0) return 'the ssh tests run sshd and bind-mount a home: they need root';
  for (const program of [SSHD, '/usr/bin/ssh', '/usr/bin/ssh-keygen', '/usr/bin/ssh-agent', '/usr/bin/unshare']) {
    if (!fs.existsSync(program)) return `${program} is not installed (apt-get install openssh-server openssh-client util-linux)`;
  }
  return undefined;
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

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A key pair made by ssh-keygen; returns the public key's line. */
export function makeKey(file: string, type = 'ed25519'): string {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'cais-test', '-f', file], { stdio: 'ignore' });
  return fs.readFileSync(`${file}.pub`, 'utf8').trim();
}

/** "type base64" of a public key line. */
export function keyPart(publicLine: string): string {
  return publicLine.split(/\s+/).slice(0, 2).join(' ');
}

export interface SshServer {
  port: number;
  /** The server's host key, as "ssh-ed25519 AAAA…". */
  hostKey: string;
  /** As ssh prints it: SHA256:… */
  hostFingerprint: string;
  /** Lets a public key log in (as any user that exists: root here). */
  authorize(publicLine: string): void;
  stop(): Promise<void>;
}

/**
 * sshd on 127.0.0.1 with its own host key and authorized keys. `withoutDocker`
 * makes a remote where `docker` is not on PATH.
 */
export async function startSshServer(options: { engineSocket: string; withoutDocker?: boolean }): Promise<SshServer> {
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation folder
  const dir = tempDir('cais-sshd-');
  const port = await freePort();
  const hostKeyFile = path.join(dir, 'host_ed25519');
  const hostKey = keyPart(makeKey(hostKeyFile));
  const authorized = path.join(dir, 'authorized_keys');
  fs.writeFileSync(authorized, '', { mode: 0o600 });
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKeyFile}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${authorized}`,
    'PermitRootLogin yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'PrintMotd no',
    `SetEnv DOCKER_HOST=unix://${options.engineSocket}`,
    ...(options.withoutDocker ? ['ForceCommand PATH=/nonexistent; eval "$SSH_ORIGINAL_COMMAND"'] : []),
  ];
  const configFile = path.join(dir, 'sshd_config');
  fs.writeFileSync(configFile, `${config.join('\n')}\n`);
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start:\n${log}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code}:\n${log}`));
    });
  });
  child.stderr!.resume();
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKeyFile}.pub`]).toString().split(/\s+/)[1];
  return {
    port,
    hostKey,
    hostFingerprint: fingerprint,
    authorize: (publicLine) => fs.appendFileSync(authorized, `${publicLine}\n`),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SshClientHome {
  /** The client's home: .ssh/ in it holds config, keys and known_hosts. */
  home: string;
  sshDir: string;
  /**
   * The environment for Cais's engine connection: HOME, and a PATH whose
   * `ssh` is OpenSSH run in a mount namespace where the account's home is
   * this one (OpenSSH reads ~ from the account, not from HOME).
   */
  env: Record<string, string | undefined>;
  /** Writes ~/.ssh/known_hosts with these lines. */
  knownHosts(lines: string[]): void;
  readKnownHosts(): string;
  writeConfig(text: string): void;
  /** A new key pair in ~/.ssh (or elsewhere); returns its public line. */
  newKey(name?: string, dir?: string): { file: string; publicLine: string };
  /** An ssh agent holding the given key; SSH_AUTH_SOCK goes into env. */
  startAgent(keyFile: string): Promise<void>;
  remove(): Promise<void>;
}

export function makeClientHome(): SshClientHome {
  const home = tempDir('cais-ssh-home-');
  const sshDir = path.join(home, '.ssh');
  fs.mkdirSync(sshDir, { mode: 0o700 });
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin);
  const accountHome = os.userInfo().homedir;
  const wrapper = path.join(bin, 'ssh');
  fs.writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      '# OpenSSH reads ~ from the account: give it the test home, in a mount namespace of its own.',
      `exec unshare --mount --propagation private -- sh -c 'mount --bind "$0" "$1" && shift && exec /usr/bin/ssh "$@"' '${home}' '${accountHome}' "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  let agent: ChildProcess | undefined;
  const env: Record<string, string | undefined> = {
    HOME: home,
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    SSH_AUTH_SOCK: undefined,
    DOCKER_CONTEXT: undefined,
    DOCKER_TLS_VERIFY: undefined,
    DOCKER_CERT_PATH: undefined,
    DOCKER_CONFIG: path.join(home, '.docker'),
  };
  return {
    home,
    sshDir,
    env,
    knownHosts: (lines) => fs.writeFileSync(path.join(sshDir, 'known_hosts'), lines.map((line) => `${line}\n`).join(''), { mode: 0o600 }),
    readKnownHosts: () => {
      try {
        return fs.readFileSync(path.join(sshDir, 'known_hosts'), 'utf8');
      } catch {
        return '';
      }
    },
    writeConfig: (text) => fs.writeFileSync(path.join(sshDir, 'config'), text, { mode: 0o600 }),
    newKey: (name = 'id_ed25519', where = sshDir) => {
      const file = path.join(where, name);
      return { file, publicLine: makeKey(file) };
    },
    startAgent: async (keyFile) => {
      const socket = path.join(home, 'agent.sock');
      agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
      const deadline = Date.now() + 10_000;
      while (!fs.existsSync(socket)) {
        if (Date.now() > deadline) throw new Error('ssh-agent did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      execFileSync('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
      env.SSH_AUTH_SOCK = socket;
    },
    remove: async () => {
      if (agent && agent.exitCode === null) {
        const exited = new Promise((resolve) => agent!.once('exit', resolve));
        agent.kill();
        await exited;
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A known_hosts line for a server on 127.0.0.1:port. */
export function knownHostLine(port: number, key: string): string {
  return `[127.0.0.1]:${port} ${key}`;
}

export interface TlsEndpoint {
  port: number;
  /** A DOCKER_CERT_PATH with ca.pem, cert.pem and key.pem that the endpoint accepts. */
  goodCerts: string;
  /** The same client certificate, but a ca.pem of another CA (which did not sign the server). */
  wrongCaCerts: string;
  /** ca.pem and cert.pem, no key.pem. */
  missingKeyCerts: string;
  stop(): Promise<void>;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl. */
function makeCertificates(dir: string): void {
  const days = ['-days', '2'];
  for (const ca of ['ca', 'other-ca']) {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${ca}-key.pem`, '-out', `${ca}.pem`, '-subj', `/CN=Cais test ${ca}`, ...days], dir);
  }
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  fs.writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, ext] of [['server', 'server.ext'], ['client', 'client.ext']]) {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-extfile', ext, ...days], dir);
  }
}

function certFolder(dir: string, name: string, files: Record<string, string>): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  for (const [target, source] of Object.entries(files)) fs.copyFileSync(path.join(dir, source), path.join(folder, target));
  return folder;
}

/** socat: TLS with client certificates (verify=1) on 127.0.0.1:PORT, in front of the engine's socket. */
export async function startTlsEndpoint(engineSocket: string): Promise<TlsEndpoint> {
  const dir = tempDir('cais-tls-');
  makeCertificates(dir);
  const port = await freePort();
  const child = spawn(
    'socat',
    [
      `openssl-listen:${port},bind=127.0.0.1,reuseaddr,fork,cert=${path.join(dir, 'server.pem')},key=${path.join(dir, 'server-key.pem')},cafile=${path.join(dir, 'ca.pem')},verify=1`,
      `unix-connect:${engineSocket}`,
    ],
    { stdio: ['ignore', 'ignore', process.env.CAIS_TEST_SOCAT_LOG ? 'inherit' : 'ignore'] },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('socat did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    goodCerts: certFolder(dir, 'good', { 'ca.pem': 'ca.pem', 'cert.pem': 'client.pem', 'key.pem': 'client-key.pem' }),
    wrongCaCerts: certFolder(dir, 'wrong-ca', { 'ca.pem': 'other-ca.pem', 'cert.pem': 'client.pem', 'key.pem': 'client-key.pem' }),
    missingKeyCerts: certFolder(dir, 'missing-key', { 'ca.pem': 'ca.pem', 'cert.pem': 'client.pem' }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
