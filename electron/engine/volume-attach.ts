import type Docker from 'dockerode';
import { splitShellWords } from '../api/shell-words';
import type { ContainerMounts, MountSpec } from '../api/volumes-schemas';
import { CodedError } from './coded-error';
import { recreateContainer, withMount, withoutMount, type MountConfig, type RecreateResult } from './container-recreate';
import { HELPER_LABEL } from './volume-helper';
import { requireVolume } from './volumes';

export function mountConfig(spec: MountSpec): MountConfig {
  if (spec.kind === 'tmpfs') return { Type: 'tmpfs', Target: spec.target, ReadOnly: spec.readOnly } as MountConfig;
  return { Type: spec.kind, Source: spec.source, Target: spec.target, ReadOnly: spec.readOnly };
}

async function checkSource(docker: Docker, spec: MountSpec): Promise<void> {
  if (spec.kind === 'volume') await requireVolume(docker, spec.source);
  if (spec.kind === 'bind' && !spec.source.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(spec.source)) {
    throw new CodedError('BAD_REQUEST', 'A host folder must be an absolute path.', undefined, 400);
  }
}

/** Adds (or replaces, at the same path) a mount by safe recreate; every other setting and mount stays. */
export async function attachMount(docker: Docker, container: string, spec: MountSpec): Promise<RecreateResult> {
  await checkSource(docker, spec);
  return recreateContainer(docker, container, (plan) => {
    plan.mounts = withMount(plan.mounts, mountConfig(spec));
  });
}

export async function detachMount(docker: Docker, container: string, target: string): Promise<RecreateResult> {
  return recreateContainer(docker, container, (plan) => {
    if (!plan.mounts.some((mount) => mount.Target === target)) {
      throw new CodedError('NOT_FOUND', `Nothing is mounted at ${target}.`, undefined, 404);
    }
    plan.mounts = withoutMount(plan.mounts, target);
  });
}

/** Each container (helpers excluded) with its mounts, for the attach picker. */
export async function listContainerMounts(docker: Docker): Promise<ContainerMounts[]> {
  const containers = await docker.listContainers({ all: true });
  return containers
    .filter((container) => !container.Labels?.[HELPER_LABEL])
    .map((container) => ({
      id: container.Id,
      name: (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
      state: container.State,
      image: container.Image,
      mounts: (container.Mounts ?? []).map((mount) => ({
        kind: mount.Type,
        source: mount.Type === 'volume' ? (mount.Name ?? '') : mount.Source,
        target: mount.Destination,
        readOnly: !mount.RW,
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Local images a new container can start from (tags only; Cais' helper excluded). */
export async function listImageTags(docker: Docker): Promise<string[]> {
  const images = await docker.listImages();
  return images
    .filter((image) => !image.Labels?.[HELPER_LABEL])
    .flatMap((image) => image.RepoTags ?? [])
    .filter((tag) => tag !== '<none>:<none>')
    .sort();
}

/**
 * Splits a typed command into the container's words, with the one splitter
 * the shown command uses too (shell-words.ts): quotes and backslashes as a
 * shell reads them, and nothing ever expanded or run (`;`, `$(…)` stay words).
 */
export function splitCommand(line: string): string[] {
  try {
    return splitShellWords(line);
  } catch {
    throw new CodedError('BAD_REQUEST', 'The command has an unclosed quote.', undefined, 400);
  }
}

/** `docker run -d -v NAME:TARGET IMAGE [COMMAND]`: a new container with the volume, started. */
export async function runWithVolume(
  docker: Docker,
  input: { name: string; image: string; containerName?: string; target: string; readOnly: boolean; command: string },
): Promise<{ id: string; name: string; state: string; exitCode: number }> {
  await requireVolume(docker, input.name);
  const cmd = input.command.trim() ? splitCommand(input.command) : undefined;
  const container = await docker.createContainer({
    Image: input.image,
    name: input.containerName,
    Cmd: cmd,
    HostConfig: { Mounts: [{ Type: 'volume', Source: input.name, Target: input.target, ReadOnly: input.readOnly }] },
  });
  await container.start();
  // What the engine says after the start, not what was hoped: a short command has often already exited.
  const info = await container.inspect();
  return { id: container.id, name: info.Name.replace(/^\//, ''), state: info.State.Status, exitCode: info.State.ExitCode };
}
