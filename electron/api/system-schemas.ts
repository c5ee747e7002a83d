import { z } from 'zod';

export const diskKind = z.enum(['images', 'containers', 'volumes', 'buildCache']);
export type DiskKind = z.infer<typeof diskKind>;

export const engineOverview = z.object({
  engine: z.object({
    name: z.string(),
    version: z.string(),
    apiVersion: z.string(),
    os: z.string(),
    osType: z.string(),
    kernel: z.string(),
    architecture: z.string(),
    cpus: z.number(),
    memoryBytes: z.number(),
    storageDriver: z.string(),
    rootDir: z.string(),
    endpoint: z.string(),
  }),
  containers: z.object({ total: z.number(), running: z.number(), paused: z.number(), stopped: z.number() }),
  images: z.number(),
  volumes: z.number(),
});
export type EngineOverview = z.infer<typeof engineOverview>;

/** One row of `docker system df`: bytes, not the CLI's rounded text. */
export const diskUsageRow = z.object({
  kind: diskKind,
  total: z.number(),
  active: z.number(),
  size: z.number(),
  reclaimable: z.number(),
});
export type DiskUsageRow = z.infer<typeof diskUsageRow>;

/** Something a prune would remove, for the confirmation. */
export const pruneItem = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  /** Volumes only: a name someone chose (kept unless ticked one by one). */
  named: z.boolean(),
});
export type PruneItem = z.infer<typeof pruneItem>;

/** What goes: ids of containers and images, names of volumes, ids of cache records. */
export const pruneSelection = z.strictObject({
  kind: diskKind,
  ids: z.array(z.string().min(1).max(256).regex(/^[\w.:-]+$/)).max(10_000),
});

export const pruneOutcome = z.object({
  removed: z.array(z.string()),
  kept: z.array(z.object({ id: z.string(), reason: z.string() })),
  spaceReclaimed: z.number(),
});
