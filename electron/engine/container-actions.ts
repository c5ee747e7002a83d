import type Docker from 'dockerode';
import { limitUpdateBody, type LimitChange } from '../api/docker-commands';
import { CodedError } from './coded-error';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/**
 * Actions that Docker refuses (304) when the container is already in that state,
 * and Podman does silently: checked first, so the window says the same on both.
 */
const ALREADY: Partial<Record<ContainerAction, (state: Docker.ContainerInspectInfo['State']) => boolean>> = {
  start: (state) => state.Running && !state.Paused,
  stop: (state) => !state.Running,
};

/** One lifecycle action; the engine's own checks decide what else is allowed. */
export async function runContainerAction(docker: Docker, id: string, action: ContainerAction): Promise<void> {
  const container = docker.getContainer(id);
  const already = ALREADY[action];
  if (already && already((await container.inspect()).State)) {
    throw new CodedError('NOT_MODIFIED', `Container ${id} is already ${action === 'stop' ? 'stopped' : 'running'}.`, { action });
  }
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

/**
 * What `docker update` changes in place, with no new container: CPU and
 * memory limits and the restart policy, sent as the command Cais shows for it
 * says (limitUpdateBody). The engine cannot take a limit away in place (it
 * ignores a zero), so asking for none where one is set is refused in words
 * rather than reported as done.
 */
export async function updateLimits(docker: Docker, id: string, change: LimitChange): Promise<void> {
  const container = docker.getContainer(id);
  if (change.cpus === null || change.memory === null) {
    const { HostConfig } = await container.inspect();
    const stays = [...(change.cpus === null && HostConfig.NanoCpus ? ['cpus'] : []), ...(change.memory === null && HostConfig.Memory ? ['memory'] : [])];
    if (stays.length) {
      throw new CodedError('LIMIT_NOT_REMOVABLE', 'The engine cannot remove a CPU or memory limit from an existing container, only change it.', { limits: stays }, 400);
    }
  }
  const body = limitUpdateBody(change);
  if (Object.keys(body).length) await container.update(body);
}
