import { deviceArg, hostAccessOf, type HostAccessConfig } from './host-access';
import { runSpec, type MountSpec, type PortMapping, type RunSpec } from './run-schema';

/** The parts of `docker inspect` of a container that a `docker run` can say. */
export interface InspectForSpec {
  Name: string;
  Config: {
    Image: string;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | string | null;
    Labels?: Record<string, string> | null;
    Tty?: boolean;
  };
  /** With the settings that give power over the host (privileged, capabilities, devices, pid), for hostAccessOf. */
  HostConfig: HostAccessConfig & {
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    RestartPolicy?: { Name?: string } | null;
    NanoCpus?: number | null;
    Memory?: number | null;
    NetworkMode?: string | null;
    Mounts?: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean }[] | null;
    /** `--tmpfs PATH[:OPTIONS]`: listed neither in Mounts nor in HostConfig.Mounts. */
    Tmpfs?: Record<string, string> | null;
  };
  Mounts?: { Type?: string; Name?: string; Source?: string; Destination?: string; RW?: boolean }[] | null;
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null } | null;
}

/** What the image brings by itself, left out of the command since `docker run` gets it anyway. */
export interface ImageSide {
  env: string[];
  command: string[];
  entrypoint: string[];
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((word, i) => word === b[i]);

function portsOf(bindings: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined): PortMapping[] {
  const ports: PortMapping[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const [port, protocol] = key.split('/');
    for (const binding of list ?? []) {
      ports.push({
        containerPort: Number(port),
        ...(binding.HostPort ? { hostPort: Number(binding.HostPort) } : {}),
        hostIp: binding.HostIp || '0.0.0.0',
        protocol: protocol === 'udp' ? 'udp' : 'tcp',
      });
    }
  }
  return ports;
}

/** Every mount as Cais's recreate keeps it: named and anonymous volumes by name, binds, and tmpfs. */
function mountsOf(info: InspectForSpec): MountSpec[] {
  const mounts: MountSpec[] = [];
  for (const mount of info.Mounts ?? []) {
    const readOnly = mount.RW === false;
    const target = mount.Destination ?? '';
    if (mount.Type === 'volume' && mount.Name) mounts.push({ type: 'volume', source: mount.Name, target, readOnly });
    else if (mount.Type === 'bind' && mount.Source) mounts.push({ type: 'bind', source: mount.Source, target, readOnly });
  }
  for (const mount of info.HostConfig.Mounts ?? []) {
    if (mount.Type === 'tmpfs' && mount.Target && !mounts.some((m) => m.target === mount.Target)) {
      mounts.push({ type: 'tmpfs', target: mount.Target, readOnly: mount.ReadOnly === true });
    }
  }
  return mounts;
}

/** The `--tmpfs` mounts (HostConfig.Tmpfs), with their options as given (e.g. "size=64m,ro"). */
function tmpfsOf(info: InspectForSpec): { target: string; options: string; readOnly: boolean }[] {
  return Object.entries(info.HostConfig.Tmpfs ?? {}).map(([target, options]) => ({
    target,
    options: options ?? '',
    readOnly: (options ?? '').split(',').includes('ro'),
  }));
}

/**
 * The settings of a container that a run spec cannot say and a recreate keeps
 * (it copies the whole HostConfig), among them those that make a container
 * root-equivalent. Empty lists and undefined modes when the engine left them out.
 */
export interface HostSettings {
  privileged: boolean;
  /** As the engine keeps them, e.g. ["SYS_ADMIN", "CAP_NET_ADMIN"]. */
  capAdd: string[];
  /** "/dev/fuse" or "/dev/sda:/dev/xvda:r", as `--device` takes them (deviceArg). */
  devices: string[];
  /** "host", "container:NAME", or undefined for the container's own. */
  pidMode?: string;
  /** "host", "none", "container:NAME", a network name, or undefined for the default one. */
  networkMode?: string;
  /**
   * The `--tmpfs` mounts (HostConfig.Tmpfs), which the run spec's mounts do
   * not list (those come from Mounts and HostConfig.Mounts), options as given.
   */
  tmpfs: { target: string; options: string; readOnly: boolean }[];
  /** Host folders and files mounted into the container. */
  binds: string[];
}

export function hostSettingsFromInspect(info: InspectForSpec): HostSettings {
  // The same reading of HostConfig as the shown commands' (hostAccessOf), so both say the same.
  const access = hostAccessOf(info.HostConfig);
  const network = access.networkMode || undefined;
  return {
    privileged: access.privileged,
    capAdd: access.capAdd,
    devices: access.devices.map(deviceArg),
    pidMode: access.pidMode || undefined,
    networkMode: network && network !== 'default' && network !== 'bridge' ? network : undefined,
    tmpfs: tmpfsOf(info),
    binds: (info.Mounts ?? []).filter((mount) => mount.Type === 'bind' && mount.Source).map((mount) => mount.Source!),
  };
}

/**
 * The run spec of an existing container, for its `docker run`: what it was
 * asked for (published ports as bound when `bound` is set, else as asked),
 * minus what its image gives anyway. Undefined when it cannot be said as a
 * run spec (an unusual image reference, say).
 */
export function runSpecFromInspect(info: InspectForSpec, image: ImageSide, options: { bound?: boolean; name?: string } = {}): RunSpec | undefined {
  const config = info.Config;
  const imageEnv = new Set(image.env);
  const entrypoint = typeof config.Entrypoint === 'string' ? [config.Entrypoint] : (config.Entrypoint ?? undefined);
  const cmd = config.Cmd ?? undefined;
  const keepEntrypoint = entrypoint !== undefined && !same(entrypoint, image.entrypoint);
  const network = info.HostConfig.NetworkMode;
  const candidate: RunSpec = {
    image: config.Image,
    name: options.name ?? info.Name.replace(/^\//, ''),
    env: (config.Env ?? [])
      .filter((pair) => !imageEnv.has(pair))
      .map((pair) => ({ key: pair.slice(0, Math.max(0, pair.indexOf('='))) || pair, value: pair.includes('=') ? pair.slice(pair.indexOf('=') + 1) : '' })),
    ports: portsOf(options.bound && info.NetworkSettings?.Ports ? info.NetworkSettings.Ports : info.HostConfig.PortBindings),
    mounts: mountsOf(info),
    restart: (info.HostConfig.RestartPolicy?.Name || 'no') as RunSpec['restart'],
    labels: Object.entries(config.Labels ?? {}).map(([key, value]) => ({ key, value })),
    tty: config.Tty === true,
    ...(info.HostConfig.NanoCpus ? { cpus: info.HostConfig.NanoCpus / 1e9 } : {}),
    ...(info.HostConfig.Memory ? { memory: info.HostConfig.Memory } : {}),
    ...(network && network !== 'default' && network !== 'bridge' ? { network } : {}),
    ...(keepEntrypoint ? { entrypoint } : {}),
    // A new entrypoint drops the image's command, so the command is said whenever the entrypoint is.
    ...(cmd && (keepEntrypoint || !same(cmd, image.command)) ? { command: cmd } : {}),
  };
  // Bound ports without a host port (not published) are not flags.
  candidate.ports = candidate.ports.filter((port) => !options.bound || port.hostPort !== undefined);
  const parsed = runSpec.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
