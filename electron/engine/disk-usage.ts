import type { DiskUsageRow, PruneItem } from '../api/system-schemas';

/** The parts of GET /system/df that disk usage needs. */
export interface SystemDf {
  LayersSize?: number;
  Images?: { Id: string; RepoTags?: string[] | null; Size: number; SharedSize: number; Containers: number }[] | null;
  Containers?: { Id: string; Names?: string[]; State: string; SizeRw?: number }[] | null;
  Volumes?: { Name: string; UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache?: { ID: string; Description?: string; Size: number; InUse: boolean; Shared: boolean }[] | null;
}

const ACTIVE_STATES = new Set(['running', 'paused', 'restarting']);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The rows of `docker system df`, computed as the docker CLI computes them
 * (cli/command/formatter/disk_usage.go), so both show the same numbers.
 */
export function summarizeDiskUsage(df: SystemDf): DiskUsageRow[] {
  const images = df.Images ?? [];
  const imagesSize = df.LayersSize ?? 0;
  const usedByContainers = images.filter((image) => image.Containers > 0);
  const inUse = sum(usedByContainers.filter((i) => i.Size !== -1 && i.SharedSize !== -1).map((i) => i.Size - i.SharedSize));

  const containers = df.Containers ?? [];
  const idle = containers.filter((container) => !ACTIVE_STATES.has(container.State));

  const volumes = df.Volumes ?? [];
  const volumeSize = (volume: (typeof volumes)[number]) => Math.max(volume.UsageData?.Size ?? 0, 0);
  const unused = volumes.filter((volume) => (volume.UsageData?.RefCount ?? 0) === 0);

  const cache = df.BuildCache ?? [];
  const own = cache.filter((record) => !record.Shared);

  return [
    { kind: 'images', total: images.length, active: usedByContainers.length, size: imagesSize, reclaimable: Math.max(imagesSize - inUse, 0) },
    {
      kind: 'containers',
      total: containers.length,
      active: containers.length - idle.length,
      size: sum(containers.map((c) => c.SizeRw ?? 0)),
      reclaimable: sum(idle.map((c) => c.SizeRw ?? 0)),
    },
    {
      kind: 'volumes',
      total: volumes.length,
      active: volumes.length - unused.length,
      size: sum(volumes.map(volumeSize)),
      reclaimable: sum(unused.map(volumeSize)),
    },
    {
      kind: 'buildCache',
      total: cache.length,
      active: cache.filter((record) => record.InUse).length,
      size: sum(own.map((record) => record.Size)),
      reclaimable: sum(own.filter((record) => !record.InUse).map((record) => record.Size)),
    },
  ];
}

/** Anonymous volumes get a 64-hex name from the engine; any other name was chosen by someone. */
export function isAnonymousVolume(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

/** What a prune of each kind would remove, from the same /system/df answer. */
export function pruneCandidates(df: SystemDf, kind: DiskUsageRow['kind']): PruneItem[] {
  switch (kind) {
    case 'containers':
      return (df.Containers ?? [])
        .filter((container) => !ACTIVE_STATES.has(container.State))
        .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), size: c.SizeRw ?? 0, named: false }));
    case 'images':
      // Dangling: no tag left. One still used by a container stays (docker image prune keeps it too).
      return (df.Images ?? [])
        .filter((image) => image.Containers <= 0 && (image.RepoTags ?? []).every((tag) => tag === '<none>:<none>'))
        .map((image) => ({ id: image.Id, name: image.Id.replace(/^sha256:/, '').slice(0, 12), size: image.Size, named: false }));
    case 'volumes':
      return (df.Volumes ?? [])
        .filter((volume) => (volume.UsageData?.RefCount ?? 0) === 0)
        .map((v) => ({ id: v.Name, name: v.Name, size: Math.max(v.UsageData?.Size ?? 0, 0), named: !isAnonymousVolume(v.Name) }));
    case 'buildCache':
      return (df.BuildCache ?? [])
        .filter((record) => !record.InUse && !record.Shared)
        .map((record) => ({ id: record.ID, name: record.Description || record.ID, size: record.Size, named: false }));
  }
}
