import { z } from 'zod';

/** A call that takes nothing: no input, or an empty object (anything else is refused). */
export const noInput = z.strictObject({}).optional();

/** Names and paths never need a NUL byte: the engine and the file system would cut the text at it. */
export const hasNoNul = (value: string): boolean => !value.includes('\0');

/** No "." or ".." step (either separator): a path that means what it says, and stays where it points. */
export const hasNoDotSteps = (value: string): boolean => value.split(/[\\/]/).every((step) => step !== '.' && step !== '..');

/** Slash-separated steps (image names): none empty, "." or "..", since the engine's URLs carry them as path steps. */
export const hasPlainSteps = (value: string): boolean => value.split('/').every((step) => step !== '' && step !== '.' && step !== '..');

/** An absolute path (POSIX or Windows) on the machine that runs Cais, without "." or ".." steps. */
export const hostPath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (value) => (value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value)) && hasNoNul(value) && hasNoDotSteps(value),
    'must be an absolute path without . or .. steps',
  );

/** Docker object ids and names: hex ids, or names as the engine allows them. */
export const containerRef = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be a container id or name');

export const containerRefInput = z.strictObject({ id: containerRef });

/** Container names as the engine accepts them: at least two characters. */
export const containerName = z
  .string()
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'must start with a letter or digit and use only letters, digits, _ . -');

export const endpointSchema = z.object({
  kind: z.enum(['unix', 'npipe', 'tcp', 'ssh']),
  address: z.string(),
  source: z.enum(['DOCKER_HOST', 'context', 'default', 'socket', 'custom']),
  contextName: z.string().optional(),
  tls: z.boolean(),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const offlineReason = z.enum([
  'not-found',
  'permission-denied',
  'refused',
  'timeout',
  'unreachable',
  /** The engine's host name does not resolve. */
  'dns',
  /** ssh:// engines: no OpenSSH client on this computer. */
  'ssh-missing',
  /** ssh:// engines: the server refused every key (none, or the agent is empty). */
  'ssh-auth',
  /** ssh:// engines: a key file named in ~/.ssh/config (IdentityFile) does not exist, and no other key was accepted. */
  'ssh-key-missing',
  /** ssh:// engines: the server's key is not in known_hosts yet (the user may trust it). */
  'ssh-host-unknown',
  /** ssh:// engines: the server's key differs from the known one (refused). */
  'ssh-host-changed',
  /** ssh:// engines: logged in, but the remote machine has no `docker` command. */
  'ssh-no-docker',
  /** ssh:// engines: the remote docker command cannot reach its engine. */
  'ssh-engine-down',
  /** ssh:// engines: the remote user may not use the remote engine. */
  'ssh-engine-permission',
  /** TLS: the engine's certificate is not signed by the CA given. */
  'tls-ca',
  /** TLS: a certificate has expired or is not valid yet. */
  'tls-expired',
  /** TLS: the engine's certificate is for another name. */
  'tls-name',
  /** TLS: the engine refused Cais's client certificate. */
  'tls-client-refused',
  /** TLS: a certificate or key file is missing. */
  'tls-files-missing',
  /** TLS: a certificate or key file cannot be used (not PEM, key does not match). */
  'tls-files-invalid',
  /** Something answers at the address, but it is not a Docker engine. */
  'not-docker',
]);
export type OfflineReason = z.infer<typeof offlineReason>;

/** What the user has to fix, derived from the reason and the machine (see engine-trouble.ts). */
export const engineTrouble = z.enum(['not-installed', 'not-running', 'permission-denied', 'remote-unreachable', 'remote-setup', 'remote-no-engine']);
export type EngineTrouble = z.infer<typeof engineTrouble>;

/**
 * What an engine may lack behind the Docker API (see engine/engine-capabilities.ts):
 * containerUpdate: POST /containers/{id}/update (docker update: limits and restart policy in place);
 * buildCache: a build cache in /system/df and POST /build/prune;
 * imageDiskUsage: the images' size on disk in /system/df (LayersSize);
 * plainHttpLoopbackRegistry: pull and push from a plain-HTTP registry on 127.0.0.0/8 without configuration.
 */
export const engineFeature = z.enum(['containerUpdate', 'buildCache', 'imageDiskUsage', 'plainHttpLoopbackRegistry', 'volumeArchiveOwners']);
export type EngineFeature = z.infer<typeof engineFeature>;

/** An ssh server's key that is not known yet, offered to the user to trust (as ssh asks). */
export const hostKeyOffer = z.object({
  /** The name the key is known under in known_hosts: host, or [host]:port. */
  knownAs: z.string(),
  /** Key type, e.g. ssh-ed25519. */
  type: z.string(),
  /** As ssh shows it: SHA256:… */
  fingerprint: z.string(),
});
export type HostKeyOffer = z.infer<typeof hostKeyOffer>;

export const connectionState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connecting'), endpoint: endpointSchema.nullable() }),
  z.object({
    status: z.literal('connected'),
    endpoint: endpointSchema,
    engineVersion: z.string(),
    apiVersion: z.string(),
    os: z.string(),
    /** Docker, or Podman's Docker-compatible service. */
    product: z.enum(['Docker', 'Podman']),
    /** Features this engine does not support, which the UI disables with an explanation. */
    unsupported: z.array(engineFeature),
    platform: z.enum(['linux', 'darwin', 'win32', 'other']),
  }),
  z.object({
    status: z.literal('offline'),
    endpoint: endpointSchema.nullable(),
    reason: offlineReason,
    trouble: engineTrouble,
    detail: z.string(),
    platform: z.enum(['linux', 'darwin', 'win32', 'other']),
    nextRetryMs: z.number(),
    /** With reason ssh-host-unknown: the key the server shows, when it could be read. */
    hostKey: hostKeyOffer.optional(),
  }),
]);
export type ConnectionState = z.infer<typeof connectionState>;

export const publishedPort = z.object({
  privatePort: z.number(),
  publicPort: z.number().optional(),
  hostIp: z.string().optional(),
  protocol: z.string(),
});
export type PublishedPort = z.infer<typeof publishedPort>;

export const containerSummary = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.string(),
  status: z.string(),
  created: z.number(),
  ports: z.array(publishedPort),
});
export type ContainerSummary = z.infer<typeof containerSummary>;

/** One event of how a container's run ended (kill with its signal, stop, oom, die). */
export const endEvent = z.object({ action: z.string(), signal: z.string().optional() });
export type EndEvent = z.infer<typeof endEvent>;

export const engineEvent = z.object({
  type: z.string(),
  action: z.string(),
  id: z.string(),
  time: z.number(),
});
export type EngineEvent = z.infer<typeof engineEvent>;

export const logLine = z.object({ stream: z.enum(['stdout', 'stderr']), text: z.string() });

export const statsSample = z.object({
  time: z.number(),
  cpuPercent: z.number(),
  memoryUsage: z.number(),
  memoryLimit: z.number(),
  networkRx: z.number(),
  networkTx: z.number(),
  blockRead: z.number(),
  blockWrite: z.number(),
  pids: z.number(),
});
export type StatsSample = z.infer<typeof statsSample>;

export const terminalEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), session: z.string() }),
  z.object({ kind: z.literal('output'), data: z.string() }),
  z.object({ kind: z.literal('exit'), code: z.number().nullable() }),
]);

/** A shell inside the container: a bare name on its PATH or an absolute path. */
export const shellCommand = z
  .string()
  .max(256)
  .regex(/^(\/[\w./-]+|[\w.-]+)$/, 'must be a shell name or an absolute path')
  .refine(hasNoDotSteps, 'must be a shell name or an absolute path');
export const terminalSize = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(500) };
