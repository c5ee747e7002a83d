import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DockerOptions } from 'dockerode';
import type { Endpoint } from '../api/schemas';

/** What endpoint discovery may look at; injected so the rules are testable. */
export interface HostFacts {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
  readText(file: string): string | undefined;
  /** Names in a folder ([] when it is missing); used to list every Docker context. */
  listDir?(dir: string): string[];
}

export interface ResolvedEndpoint {
  endpoint: Endpoint;
  options: DockerOptions;
}

/**
 * Finds the engine the way the docker CLI does: DOCKER_HOST, then the
 * current context (DOCKER_CONTEXT or config.json), then the usual sockets.
 */
export function resolveEndpoint(facts: HostFacts): ResolvedEndpoint {
  const host = facts.env.DOCKER_HOST?.trim();
  if (host) {
    const tls = Boolean(facts.env.DOCKER_TLS_VERIFY);
    const certDir = facts.env.DOCKER_CERT_PATH || configDir(facts);
    return fromHost(host, 'DOCKER_HOST', tls ? readTls(facts, certDir) : undefined);
  }
  const fromContext = resolveContext(facts);
  if (fromContext) return fromContext;
  return defaultSocket(facts);
}

export function configDir(facts: HostFacts): string {
  return facts.env.DOCKER_CONFIG || path.join(facts.home, '.docker');
}

export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
}

export function readTls(facts: HostFacts, dir: string): TlsMaterial {
  return {
    ca: facts.readText(path.join(dir, 'ca.pem')),
    cert: facts.readText(path.join(dir, 'cert.pem')),
    key: facts.readText(path.join(dir, 'key.pem')),
  };
}

/** Parses a docker host URL (unix://, npipe://, tcp://, ssh://). */
export function fromHost(
  host: string,
  source: Endpoint['source'],
  tls?: TlsMaterial,
  contextName?: string,
): ResolvedEndpoint {
  const base = { source, contextName };
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    return { endpoint: { ...base, kind: 'unix', address: socketPath, tls: false }, options: { socketPath } };
  }
  if (host.startsWith('npipe://')) {
    const socketPath = host.slice('npipe://'.length).replaceAll('/', '\\');
    return { endpoint: { ...base, kind: 'npipe', address: socketPath, tls: false }, options: { socketPath } };
  }
  const url = new URL(host);
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const useTls = Boolean(tls) || url.protocol === 'https:';
    const port = Number(url.port || (useTls ? 2376 : 2375));
    return {
      endpoint: { ...base, kind: 'tcp', address: `${url.hostname}:${port}`, tls: useTls },
      options: { protocol: useTls ? 'https' : 'http', host: url.hostname, port, ...(tls ?? {}) },
    };
  }
  if (url.protocol === 'ssh:') {
    const port = Number(url.port || 22);
    const user = decodeURIComponent(url.username);
    return {
      endpoint: { ...base, kind: 'ssh', address: `${user ? `${user}@` : ''}${url.hostname}:${port}`, tls: false },
      options: { protocol: 'ssh', host: url.hostname, port, username: user || undefined },
    };
  }
  throw new Error(`Unsupported DOCKER_HOST scheme: ${url.protocol}`);
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

function resolveContext(facts: HostFacts): ResolvedEndpoint | undefined {
  const dir = configDir(facts);
  let name = facts.env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const config = parseJson<{ currentContext?: string }>(facts.readText(path.join(dir, 'config.json')));
    name = config?.currentContext;
  }
  if (!name || name === 'default') return undefined;
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = parseJson<ContextMeta>(facts.readText(path.join(dir, 'contexts', 'meta', digest, 'meta.json')));
  const host = meta?.Endpoints?.docker?.Host;
  if (!host) return undefined;
  const tlsDir = path.join(dir, 'contexts', 'tls', digest, 'docker');
  const tls = facts.exists(path.join(tlsDir, 'ca.pem')) || facts.exists(path.join(tlsDir, 'cert.pem'))
    ? readTls(facts, tlsDir)
    : undefined;
  return fromHost(host, 'context', tls, name);
}

/** The usual places an engine listens, per OS, in the order we try them. */
export function candidateSockets(facts: HostFacts): string[] {
  const home = facts.home;
  const runtime = facts.env.XDG_RUNTIME_DIR;
  if (facts.platform === 'win32') {
    return ['\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\podman-machine-default'];
  }
  if (facts.platform === 'darwin') {
    return [
      '/var/run/docker.sock',
      path.join(home, '.docker/run/docker.sock'),
      path.join(home, '.colima/default/docker.sock'),
      path.join(home, '.rd/docker.sock'),
      path.join(home, '.orbstack/run/docker.sock'),
      path.join(home, '.local/share/containers/podman/machine/podman.sock'),
    ];
  }
  return [
    '/var/run/docker.sock',
    ...(runtime ? [path.join(runtime, 'docker.sock')] : []),
    path.join(home, '.docker/desktop/docker.sock'),
    ...(runtime ? [path.join(runtime, 'podman/podman.sock')] : []),
    '/run/podman/podman.sock',
  ];
}

function defaultSocket(facts: HostFacts): ResolvedEndpoint {
  const candidates = candidateSockets(facts);
  const found = candidates.find((file) => facts.exists(file)) ?? candidates[0];
  const kind = facts.platform === 'win32' ? 'npipe' : 'unix';
  return {
    endpoint: { kind, address: found, source: 'default', tls: false },
    options: { socketPath: found },
  };
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/**
 * ssh:// engines authenticate through the user's ssh agent, as the docker CLI
 * does; dockerode only adds it when it parses DOCKER_HOST itself.
 */
export function withSshAgent(options: DockerOptions, env: Record<string, string | undefined>): DockerOptions {
  if (options.protocol !== 'ssh' || options.sshOptions || !env.SSH_AUTH_SOCK) return options;
  return { ...options, sshOptions: { agent: env.SSH_AUTH_SOCK } };
}
