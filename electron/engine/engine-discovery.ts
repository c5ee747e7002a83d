import path from 'node:path';
import type { CustomEngine, EngineEntry } from '../api/settings-schemas';
import { candidateSockets, configDir, fromHost, readTls, type HostFacts, type ResolvedEndpoint, type TlsMaterial } from './endpoint';

/** A listed engine and how to reach it (options stay in the main process). */
export interface FoundEngine {
  entry: EngineEntry;
  resolved?: ResolvedEndpoint;
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string } };
}

function found(id: string, name: string, source: EngineEntry['source'], make: () => ResolvedEndpoint, fallbackAddress: string): FoundEngine {
  try {
    const resolved = make();
    const { kind, address, tls } = resolved.endpoint;
    resolved.endpoint = { ...resolved.endpoint, source };
    return { entry: { id, name, source, kind, address, tls }, resolved };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { entry: { id, name, source, kind: 'unix', address: fallbackAddress, tls: false, problem } };
  }
}

/** Every Docker context in ~/.docker/contexts/meta, with its TLS material when it has some. */
function dockerContexts(facts: HostFacts): FoundEngine[] {
  const dir = path.join(configDir(facts), 'contexts');
  const digests = facts.listDir?.(path.join(dir, 'meta')) ?? [];
  const engines: FoundEngine[] = [];
  for (const digest of digests.sort()) {
    let meta: ContextMeta;
    try {
      meta = JSON.parse(facts.readText(path.join(dir, 'meta', digest, 'meta.json')) ?? '');
    } catch {
      continue; // not a context folder
    }
    const name = meta.Name ?? digest;
    const host = meta.Endpoints?.docker?.Host;
    if (!host) continue;
    const tlsDir = path.join(dir, 'tls', digest, 'docker');
    const hasTls = ['ca.pem', 'cert.pem', 'key.pem'].some((file) => facts.exists(path.join(tlsDir, file)));
    engines.push(found(`context:${name}`, name, 'context', () => fromHost(host, 'context', hasTls ? readTls(facts, tlsDir) : undefined, name), host));
  }
  return engines;
}

/** A custom engine's TLS files are read when it is used; one that cannot be read is named when it is tested or used. */
export function resolveCustom(engine: CustomEngine, facts: HostFacts): ResolvedEndpoint {
  let tls: TlsMaterial | undefined;
  if (engine.tls) {
    tls = {};
    const missing: string[] = [];
    for (const part of ['ca', 'cert', 'key'] as const) {
      const text = facts.readText(engine.tls[part]);
      if (text === undefined) missing.push(`${part}: ${engine.tls[part]}`);
      else tls[part] = text;
    }
    if (missing.length) tls.missing = missing;
  }
  return fromHost(engine.host, 'custom', tls, engine.name);
}

/**
 * The engines on this machine, in the order the docker CLI would prefer
 * them: DOCKER_HOST, every context, the usual sockets that exist, then the
 * ones the user added. Ids are stable across starts, so the choice can be saved.
 */
export function discoverEngines(facts: HostFacts, custom: CustomEngine[] = []): FoundEngine[] {
  const engines: FoundEngine[] = [];
  const host = facts.env.DOCKER_HOST?.trim();
  if (host) {
    const tls = facts.env.DOCKER_TLS_VERIFY ? readTls(facts, facts.env.DOCKER_CERT_PATH || configDir(facts), true) : undefined;
    engines.push(found('env:DOCKER_HOST', 'DOCKER_HOST', 'DOCKER_HOST', () => fromHost(host, 'DOCKER_HOST', tls), host));
  }
  engines.push(...dockerContexts(facts));
  for (const socket of candidateSockets(facts)) {
    if (!facts.exists(socket)) continue;
    const scheme = facts.platform === 'win32' ? 'npipe://' : 'unix://';
    engines.push(found(`socket:${socket}`, '', 'socket', () => fromHost(`${scheme}${socket}`, 'socket'), socket));
  }
  for (const engine of custom) {
    engines.push(found(engine.id, engine.name, 'custom', () => resolveCustom(engine, facts), engine.host));
  }
  return engines;
}
