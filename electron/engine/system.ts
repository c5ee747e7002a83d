import type Docker from 'dockerode';
import type { Endpoint } from '../api/schemas';
import type { DiskKind, DiskUsageRow, EngineOverview, PruneItem } from '../api/system-schemas';
import { pruneCandidates, summarizeDiskUsage, type SystemDf } from './disk-usage';
import { errorText } from './errors';

interface EngineInfo {
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  DockerRootDir?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
}

export function describeEndpoint(endpoint: Endpoint): string {
  const scheme = endpoint.kind === 'tcp' ? (endpoint.tls ? 'tcp+tls' : 'tcp') : endpoint.kind;
  return `${scheme}://${endpoint.address}`;
}

/** docker info and docker version in one answer, with the dashboard's counts. */
export async function engineOverview(docker: Docker, endpoint: Endpoint): Promise<EngineOverview> {
  const [info, version, volumes, images] = (await Promise.all([docker.info(), docker.version(), docker.listVolumes(), docker.listImages()])) as [
    EngineInfo,
    { Version: string; ApiVersion: string },
    { Volumes?: unknown[] | null },
    unknown[],
  ];
  return {
    engine: {
      name: info.Name ?? '',
      version: version.Version,
      apiVersion: version.ApiVersion,
      os: info.OperatingSystem ?? '',
      osType: info.OSType ?? '',
      kernel: info.KernelVersion ?? '',
      architecture: info.Architecture ?? '',
      cpus: info.NCPU ?? 0,
      memoryBytes: info.MemTotal ?? 0,
      storageDriver: info.Driver ?? '',
      rootDir: info.DockerRootDir ?? '',
      endpoint: describeEndpoint(endpoint),
    },
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    // As `docker images` and `docker system df` count them; docker info's "Images" also counts intermediate build images.
    images: images.length,
    volumes: volumes.Volumes?.length ?? 0,
  };
}

/**
 * GET /system/df. The engine refuses a second one while one runs ("a disk
 * usage operation is already running"), as when the dashboard refreshes
 * during a prune: wait briefly and ask again.
 */
async function systemDf(docker: Docker): Promise<SystemDf> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await docker.df()) as SystemDf;
    } catch (error) {
      if (attempt >= 20 || !/already running/i.test(errorText(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function diskUsage(docker: Docker): Promise<DiskUsageRow[]> {
  return summarizeDiskUsage(await systemDf(docker));
}

export async function prunePreview(docker: Docker, kind: DiskKind): Promise<PruneItem[]> {
  return pruneCandidates(await systemDf(docker), kind);
}

export interface PruneOutcome {
  removed: string[];
  kept: { id: string; reason: string }[];
  spaceReclaimed: number;
}

/**
 * Removes exactly the items the user saw and confirmed, each only if it still
 * qualifies now (a container started meanwhile, a volume used meanwhile stays).
 * Never a blanket `prune`: what goes is what was listed.
 */
export async function pruneExactly(docker: Docker, kind: DiskKind, ids: string[]): Promise<PruneOutcome> {
  const candidates = new Map(pruneCandidates(await systemDf(docker), kind).map((item) => [item.id, item]));
  const outcome: PruneOutcome = { removed: [], kept: [], spaceReclaimed: 0 };
  const eligible = ids.filter((id) => {
    if (candidates.has(id)) return true;
    outcome.kept.push({ id, reason: 'no longer unused' });
    return false;
  });
  if (kind === 'buildCache') {
    if (eligible.length === 0) return outcome;
    // The builder removes cache records by id filter; it reports which went.
    const result = (await docker.pruneBuilder({ filters: { id: eligible } } as never)) as unknown as { CachesDeleted?: string[] | null; SpaceReclaimed?: number };
    outcome.removed = result.CachesDeleted ?? [];
    outcome.spaceReclaimed = result.SpaceReclaimed ?? 0;
    return outcome;
  }
  for (const id of eligible) {
    try {
      if (kind === 'containers') await docker.getContainer(id).remove();
      else if (kind === 'images') await docker.getImage(id).remove();
      else await docker.getVolume(id).remove();
      outcome.removed.push(id);
      outcome.spaceReclaimed += candidates.get(id)?.size ?? 0;
    } catch (error) {
      outcome.kept.push({ id, reason: (error as { json?: { message?: string } }).json?.message ?? errorText(error) });
    }
  }
  return outcome;
}
