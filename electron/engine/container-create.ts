import type Docker from 'dockerode';
import { runSpecFromInspect } from '../api/container-spec';
import { hostAccessOf, type HostAccess, type HostAccessConfig } from '../api/host-access';
import type { ImageDefaults, PortMapping, RunSpec } from '../api/run-schema';

/** The engine's create options for a run spec, as `docker run` would send them. */
export function toCreateOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort ? String(port.hostPort) : '' });
  }
  // docker run's --entrypoint takes one word and the rest goes before the command: Cais stores it the
  // same way, so the container is exactly the one its shown `docker run` makes.
  const [entrypoint, ...entrypointRest] = spec.entrypoint ?? [];
  const command = spec.entrypoint && (entrypointRest.length || spec.command) ? [...entrypointRest, ...(spec.command ?? [])] : spec.command;
  return {
    name: spec.name,
    Image: spec.image,
    Cmd: command,
    Entrypoint: spec.entrypoint ? [entrypoint ?? ''] : undefined,
    Env: spec.env.map((variable) => `${variable.key}=${variable.value}`),
    Labels: Object.fromEntries(spec.labels.map((entry) => [entry.key, entry.value])),
    ExposedPorts: exposed,
    Tty: spec.tty,
    OpenStdin: spec.tty,
    HostConfig: {
      PortBindings: bindings,
      Mounts: spec.mounts.map((mount) =>
        mount.type === 'tmpfs'
          ? { Type: 'tmpfs' as const, Source: '', Target: mount.target, ReadOnly: mount.readOnly }
          : { Type: mount.type, Source: mount.source, Target: mount.target, ReadOnly: mount.readOnly },
      ),
      RestartPolicy: { Name: spec.restart === 'no' ? '' : spec.restart },
      NanoCpus: spec.cpus ? Math.round(spec.cpus * 1e9) : undefined,
      Memory: spec.memory,
      NetworkMode: spec.network,
    },
  };
}

/**
 * Creates and starts a container. If starting fails (a port already in use,
 * a command that does not exist), the container just created is removed, so
 * nothing half-made is left behind.
 */
export async function runContainer(docker: Docker, spec: RunSpec): Promise<{ id: string; name: string }> {
  const container = await docker.createContainer(toCreateOptions(spec));
  try {
    await container.start();
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  const info = await container.inspect();
  return { id: container.id, name: info.Name.replace(/^\//, '') };
}

export async function imageDefaultsOf(docker: Docker, image: string): Promise<ImageDefaults> {
  const info = await docker.getImage(image).inspect();
  const config = info.Config ?? ({} as Docker.ImageInspectInfo['Config']);
  return {
    exposedPorts: Object.keys(config.ExposedPorts ?? {}).map((key) => {
      const [port, protocol] = key.split('/');
      return { port: Number(port), protocol: protocol === 'udp' ? 'udp' : 'tcp' };
    }),
    command: config.Cmd ?? [],
    entrypoint: typeof config.Entrypoint === 'string' ? [config.Entrypoint] : (config.Entrypoint ?? []),
    env: config.Env ?? [],
    volumes: Object.keys(config.Volumes ?? {}),
  };
}

/** "nginx:1.27" → "nginx", "127.0.0.1:5000/team/api@sha256:…" → "api". */
export function baseNameOf(image: string): string {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.split('/').pop() ?? 'container';
  const name = last.split(':')[0].replace(/[^a-zA-Z0-9_.-]/g, '-');
  return /^[a-zA-Z0-9]/.test(name) ? name : `c${name}`;
}

/** The first of name, name-2, name-3… that no container has. */
export function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * One click from an image to a running container: a free name from the
 * image, its exposed ports published on 127.0.0.1 to ports the engine picks.
 */
export async function quickRun(docker: Docker, image: string): Promise<{ id: string; name: string; ports: PortMapping[] }> {
  const defaults = await imageDefaultsOf(docker, image);
  const existing = await docker.listContainers({ all: true });
  const taken = new Set(existing.flatMap((c) => c.Names.map((n) => n.replace(/^\//, ''))));
  const created = await runContainer(docker, {
    image,
    name: freeName(baseNameOf(image), taken),
    env: [],
    ports: defaults.exposedPorts.map((p) => ({ containerPort: p.port, hostIp: '127.0.0.1', protocol: p.protocol })),
    mounts: [],
    restart: 'no',
    labels: [],
    tty: false,
  });
  // The host ports the engine chose, so the activity log can say them.
  const spec = await runSpecOf(docker, created.id, { bound: true }).catch(() => undefined);
  return { ...created, ports: spec?.ports ?? [] };
}

/**
 * A container as a run spec, for its `docker run` (see runSpecFromInspect).
 * `bound`: published ports as the engine bound them, not as asked.
 */
export async function runSpecOf(docker: Docker, id: string, options: { bound?: boolean } = {}): Promise<RunSpec | undefined> {
  return (await containerSpecOf(docker, id, options)).spec;
}

/** The run spec of a container and what it has that gives it power over the host: all its commands say. */
export async function containerSpecOf(docker: Docker, id: string, options: { bound?: boolean } = {}): Promise<{ spec?: RunSpec; access: HostAccess }> {
  const info = await docker.getContainer(id).inspect();
  const defaults = await imageDefaultsOf(docker, info.Config.Image).catch(() => ({ env: [], command: [], entrypoint: [] }));
  return { spec: runSpecFromInspect(info as never, defaults, options), access: hostAccessOf(info.HostConfig as HostAccessConfig) };
}
