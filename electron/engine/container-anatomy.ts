import fs from 'node:fs';
import type Docker from 'dockerode';
import { namespaceKinds, type ContainerAnatomy } from '../api/anatomy-contract';
import { engineList } from './engine-answer';

const MAX_CHANGES = 500;
const CHANGE_KIND = ['changed', 'added', 'deleted'] as const;

/** What the host's /proc says about a process; injected so tests can fake it. */
export interface ProcView {
  read(file: string): string | undefined;
  link(file: string): string | undefined;
}

export const realProc: ProcView = {
  read: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  link: (file) => {
    try {
      return fs.readlinkSync(file);
    } catch {
      return undefined;
    }
  },
};

/**
 * The container's process is visible here only when Cais runs on the
 * engine's own host: /proc/<pid>/cgroup then names the container's id.
 */
export function readNamespaces(pid: number, containerId: string, proc: ProcView): Pick<ContainerAnatomy, 'hostView' | 'namespaces' | 'cgroupPath'> {
  const cgroup = pid > 0 ? proc.read(`/proc/${pid}/cgroup`) : undefined;
  if (!cgroup || !cgroup.includes(containerId)) return { hostView: 'elsewhere', namespaces: [] };
  const namespaces = namespaceKinds.flatMap((kind) => {
    const id = proc.link(`/proc/${pid}/ns/${kind}`);
    if (!id) return [];
    // The host's init is the reference; when its links are hidden from us, Cais's own process is.
    const host = proc.link(`/proc/1/ns/${kind}`) ?? proc.link(`/proc/self/ns/${kind}`);
    return [{ kind, id, sharedWithHost: id === host }];
  });
  const cgroupPath = cgroup.split('\n').find((line) => line.includes(containerId))?.split(':').slice(2).join(':');
  return { hostView: 'local', namespaces, cgroupPath };
}

export interface Inspect {
  Id: string;
  Name: string;
  Image: string;
  Config: { Hostname: string; Image: string };
  State: { Running: boolean; Pid: number };
  HostConfig: { Memory?: number; NanoCpus?: number; CpuQuota?: number; CpuPeriod?: number; PidsLimit?: number | null; NetworkMode?: string; IpcMode?: string; PidMode?: string; UTSMode?: string };
  GraphDriver?: { Name: string; Data?: Record<string, string> | null };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[];
  NetworkSettings: {
    Networks?: Record<string, { IPAddress: string; Gateway: string; MacAddress: string }> | null;
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
  };
}

export interface StatsOnce {
  memory_stats?: { usage?: number; limit?: number };
  pids_stats?: { current?: number };
  cpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
}

function cpuPercent(stats: StatsOnce): number | undefined {
  const cpu = stats.cpu_stats;
  const pre = stats.precpu_stats;
  if (!cpu?.cpu_usage?.total_usage || !pre?.cpu_usage?.total_usage || !cpu.system_cpu_usage || !pre.system_cpu_usage) return undefined;
  const delta = cpu.cpu_usage.total_usage - pre.cpu_usage.total_usage;
  const system = cpu.system_cpu_usage - pre.system_cpu_usage;
  return system > 0 ? (delta / system) * (cpu.online_cpus ?? 1) * 100 : undefined;
}

/** Modes the engine sets on namespaces: "host" means the container shares the host's. */
function modeOf(info: Inspect, kind: string): string | undefined {
  const modes: Record<string, string | undefined> = {
    net: info.HostConfig?.NetworkMode,
    ipc: info.HostConfig?.IpcMode,
    pid: info.HostConfig?.PidMode,
    uts: info.HostConfig?.UTSMode,
  };
  return modes[kind] || undefined;
}

export async function containerAnatomy(docker: Docker, id: string, proc: ProcView = realProc): Promise<ContainerAnatomy> {
  const container = docker.getContainer(id);
  const info = (await container.inspect()) as unknown as Inspect;
  const running = Boolean(info.State?.Running);
  const [history, changes, stats, version] = await Promise.all([
    docker.getImage(info.Image).history() as Promise<unknown>,
    // A container that changed no file: Docker answers an empty body (a Buffer here), Podman null.
    container.changes() as Promise<unknown>,
    running ? (container.stats({ stream: false }) as Promise<StatsOnce>) : Promise.resolve(undefined),
    docker.version() as Promise<{ Os?: string }>,
  ]);
  const seen = readNamespaces(running ? (info.State?.Pid ?? 0) : 0, info.Id, proc);
  return anatomyOf(info, { history, changes, stats, version }, seen);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const optionalNum = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Builds the anatomy from the engine's answers, each normalised: a missing,
 * null or odd field becomes an empty value instead of failing the output schema.
 */
export function anatomyOf(
  info: Inspect,
  answers: { history: unknown; changes: unknown; stats: StatsOnce | undefined; version: { Os?: string } | undefined },
  seen: Pick<ContainerAnatomy, 'hostView' | 'namespaces' | 'cgroupPath'>,
): ContainerAnatomy {
  const running = Boolean(info.State?.Running);
  const host = info.HostConfig ?? {};
  const cpus = host.NanoCpus ? host.NanoCpus / 1e9 : host.CpuQuota && host.CpuPeriod ? host.CpuQuota / host.CpuPeriod : 0;
  const history = engineList<{ CreatedBy?: string; Size?: number }>(answers.history);
  const allChanges = engineList<{ Path?: string; Kind?: number }>(answers.changes).filter((change) => typeof change?.Path === 'string');
  const stats = answers.stats;
  return {
    name: text(info.Name).replace(/^\//, ''),
    running,
    hostPid: running ? num(info.State?.Pid) : 0,
    hostname: text(info.Config?.Hostname),
    ...seen,
    namespaces: seen.namespaces.map((ns) => ({ ...ns, mode: modeOf(info, ns.kind) })),
    limits: {
      memoryBytes: num(host.Memory),
      memoryUsage: optionalNum(stats?.memory_stats?.usage),
      cpus,
      cpuPercent: stats ? cpuPercent(stats) : undefined,
      pidsLimit: host.PidsLimit && host.PidsLimit > 0 ? host.PidsLimit : 0,
      pids: optionalNum(stats?.pids_stats?.current),
    },
    storage: {
      driver: text(info.GraphDriver?.Name),
      image: text(info.Config?.Image),
      // The history is newest first; a learner reads a stack from the bottom.
      layers: history.map((layer) => ({ createdBy: text(layer?.CreatedBy), size: num(layer?.Size) })).reverse(),
      writableDir: info.GraphDriver?.Data?.UpperDir || undefined,
      changes: allChanges.slice(0, MAX_CHANGES).map((change) => ({ path: change.Path as string, kind: CHANGE_KIND[change.Kind ?? 0] ?? 'changed' })),
      changesTruncated: allChanges.length > MAX_CHANGES,
    },
    mounts: engineList<Inspect['Mounts'][number]>(info.Mounts).map((mount) => ({
      type: text(mount.Type),
      name: mount.Name || undefined,
      source: text(mount.Source),
      destination: text(mount.Destination),
      readWrite: Boolean(mount.RW),
    })),
    network: {
      mode: text(host.NetworkMode),
      networks: Object.entries(info.NetworkSettings?.Networks ?? {}).map(([name, net]) => ({
        name,
        ipAddress: text(net?.IPAddress),
        gateway: text(net?.Gateway),
        macAddress: text(net?.MacAddress),
      })),
      ports: Object.entries(info.NetworkSettings?.Ports ?? {}).flatMap(([port, bindings]) =>
        engineList<{ HostIp?: string; HostPort?: string }>(bindings).map((binding) => ({ container: port, hostIp: text(binding?.HostIp), hostPort: text(binding?.HostPort) })),
      ),
    },
    engineOs: text(answers.version?.Os),
  };
}
