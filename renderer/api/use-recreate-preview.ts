import { useQuery } from '@tanstack/react-query';
import { runSpecFromInspect, type InspectForSpec } from '../../electron/api/container-spec';
import { recreateCommands } from '../../electron/api/docker-commands';
import { hostAccessOf } from '../../electron/api/host-access';
import type { RunSpec } from '../../electron/api/run-schema';
import { orpc } from './client';

/**
 * The docker steps (create, rename, stop, start, rm) that recreating a
 * container with `edit` applied would run, shown before the user confirms.
 * The same builder writes the activity log once it has happened. Undefined
 * while the container or its image is being read, or if the change cannot be
 * said as `docker run` flags.
 */
export function useRecreatePreview(containerId: string | undefined, edit: ((current: RunSpec, imageEnv: Set<string>) => RunSpec) | undefined): string | undefined {
  const inspect = useQuery({ ...orpc.containers.inspect.queryOptions({ input: { id: containerId ?? '' } }), enabled: Boolean(containerId && edit) });
  const info = inspect.data as (InspectForSpec & { State?: { Running?: boolean } }) | undefined;
  const image = info?.Config.Image;
  const imageSide = useQuery({ ...orpc.containers.imageDefaults.queryOptions({ input: { image: image ?? '' } }), enabled: Boolean(image && edit) });
  if (!edit || !info || !imageSide.data) return undefined;
  const name = info.Name.replace(/^\//, '');
  const current = runSpecFromInspect(info, imageSide.data, { name });
  if (!current) return undefined;
  return recreateCommands({ name, wasRunning: info.State?.Running === true, spec: edit(current, new Set(imageSide.data.env)), access: hostAccessOf(info.HostConfig) });
}
