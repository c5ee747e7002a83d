import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DockerOptions } from 'dockerode';
import type { Endpoint } from '../api/schemas';
import type { SshTarget } from './ssh-target';

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
  /** dockerode's options; for ssh:// the transport is added where a client is made (engine-client.ts). */
  options: DockerOptions;
  /** ssh:// engines: what the system's ssh client is asked to reach. */
  ssh?: SshTarget;
  /** TLS files that were expected but could not be read (named, e.g. "key: /path/key.pem"). */
  tlsMissing?: string[];
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
    return fromHost(host, 'DOCKER_HOST', tls ? readTls(facts, certDir, true) : undefined);
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
  /** Files expected but not readable, e.g. "key: /home/me/.docker/key.pem". */
  missing?: string[];
}

/**
 * The ca.pem, cert.pem and key.pem of a folder. A client certificate needs
 * its key and the other way round; `requireCa` (DOCKER_TLS_VERIFY) needs the CA.
 */
export function readTls(facts: HostFacts, dir: string, requireCa = false): TlsMaterial {
  const file = (name: string) => path.join(dir, `${name}.pem`);
  const material: TlsMaterial = {
    ca: facts.readText(file('ca')),
    cert: facts.readText(file('cert')),
    key: facts.readText(file('key')),
  };
  const missing: string[] = [];
  if (requireCa && material.ca === undefined) missing.push(`ca: ${file('ca')}`);
  if (material.key !== undefined && material.cert === undefined) missing.push(`cert: ${file('cert')}`);
  if (material.cert !== undefined && material.key === undefined) missing.push(`key: ${file('key')}`);
  if (requireCa && material.cert === undefined && material.key === undefined) missing.push(`cert: ${file('cert')}`, `key: ${file('key')}`);
  return missing.length ? { ...material, missing } : material;
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
    const { missing, ...material } = tls ?? {};
    return {
      endpoint: { ...base, kind: 'tcp', address: `${url.hostname}:${port}`, tls: useTls },
      options: { protocol: useTls ? 'https' : 'http', host: url.hostname, port, ...material },
      ...(missing?.length ? { tlsMissing: missing } : {}),
    };
  }
  if (url.protocol === 'ssh:') {
    const port = url.port ? Number(url.port) : undefined;
    const user = decodeURIComponent(url.username) || undefined;
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    // Never let an address be read as an ssh option.
    if (!hostname || hostname.startsWith('-') || user?.startsWith('-')) throw new Error(`Not a usable ssh address: ${host}`);
    return {
      endpoint: { ...base, kind: 'ssh', address: `${user ? `${user}@` : ''}${url.hostname}${port ? `:${port}` : ''}`, tls: false },
      // The transport is the user's ssh client, added where a client is made.
      options: { protocol: 'http', host: 'docker', port: 80 },
      ssh: { host: hostname, port, user },
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
  const tls = facts.exists(path.join(tlsDir, 'ca.pem')) || facts.exists(path.join(tlsDir, 'cert.pem')) || facts.exists(path.join(tlsDir, 'key.pem'))
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
