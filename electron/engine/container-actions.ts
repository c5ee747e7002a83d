import type Docker from 'dockerode';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** One lifecycle action; the engine's own checks decide what is allowed. */
export async function runContainerAction(docker: Docker, id: string, action: ContainerAction): Promise<void> {
  const container = docker.getContainer(id);
  // dockerode resolves with the (empty) response body; callers get nothing.
  const run: Record<ContainerAction, () => Promise<unknown>> = {
    start: () => container.start(),
    stop: () => container.stop(),
    restart: () => container.restart(),
    pause: () => container.pause(),
    unpause: () => container.unpause(),
    kill: () => container.kill(),
  };
  await run[action]();
}

export interface RemovalPreview {
  name: string;
  running: boolean;
  /** Named volumes: never removed with the container. */
  namedVolumes: string[];
  /** Anonymous volumes: removed only when the user asks. */
  anonymousVolumes: string[];
  /** Host folders mounted in: never touched. */
  hostFolders: string[];
}

/** An anonymous volume's name is a 64-hex id the engine generated. */
export function isAnonymousVolumeName(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

/** What removing a container would take with it, so the confirmation can name it. */
export async function previewRemoval(docker: Docker, id: string): Promise<RemovalPreview> {
  const info = await docker.getContainer(id).inspect();
  const volumes = info.Mounts.filter((mount) => mount.Type === 'volume' && mount.Name);
  return {
    name: info.Name.replace(/^\//, ''),
    running: info.State.Running,
    namedVolumes: volumes.filter((m) => !isAnonymousVolumeName(m.Name!)).map((m) => m.Name!),
    anonymousVolumes: volumes.filter((m) => isAnonymousVolumeName(m.Name!)).map((m) => m.Name!),
    hostFolders: info.Mounts.filter((mount) => mount.Type === 'bind').map((mount) => mount.Source),
  };
}

/**
 * Removes a container. `v` makes the engine remove its anonymous volumes
 * only: named volumes always survive, which is the point of naming them.
 */
export async function removeContainer(
  docker: Docker,
  id: string,
  options: { force: boolean; removeAnonymousVolumes: boolean },
): Promise<void> {
  await docker.getContainer(id).remove({ force: options.force, v: options.removeAnonymousVolumes });
}

export async function renameContainer(docker: Docker, id: string, name: string): Promise<void> {
  await docker.getContainer(id).rename({ name });
}

export interface LimitChange {
  cpus?: number | null;
  memory?: number | null;
  restart?: 'no' | 'always' | 'unless-stopped' | 'on-failure';
}

/**
 * What `docker update` changes in place, with no new container: CPU and
 * memory limits and the restart policy. null removes a limit.
 */
export async function updateLimits(docker: Docker, id: string, change: LimitChange): Promise<void> {
  const body: Record<string, unknown> = {};
  if (change.cpus !== undefined) body.NanoCpus = change.cpus === null ? 0 : Math.round(change.cpus * 1e9);
  if (change.memory !== undefined) {
    body.Memory = change.memory ?? 0;
    // Swap must stay at least the memory limit; twice it is what docker run sets by default.
    body.MemorySwap = change.memory === null ? -1 : change.memory * 2;
  }
  if (change.restart) body.RestartPolicy = { Name: change.restart === 'no' ? '' : change.restart };
  await docker.getContainer(id).update(body);
}
