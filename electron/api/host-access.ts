import { z } from 'zod';

/**
 * The settings that give a container power over the host: privileged mode,
 * added or dropped capabilities, host devices, the host's process or network
 * namespace. Recreating a container keeps them, so the commands Cais shows
 * for it say them too.
 */
export const deviceMapping = z.strictObject({
  pathOnHost: z.string().min(1).max(4096),
  pathInContainer: z.string().max(4096),
  cgroupPermissions: z.string().max(8),
});
export type DeviceMapping = z.infer<typeof deviceMapping>;

const capability = z.string().min(1).max(64);

export const hostAccess = z.strictObject({
  privileged: z.boolean(),
  capAdd: z.array(capability).max(100),
  capDrop: z.array(capability).max(100),
  devices: z.array(deviceMapping).max(100),
  /** '' (its own), 'host', or 'container:NAME'. */
  pidMode: z.string().max(300),
  /** As the engine says it: 'default', 'bridge', 'host', 'none', a network, 'container:NAME'. */
  networkMode: z.string().max(300),
});
export type HostAccess = z.infer<typeof hostAccess>;

export const NO_HOST_ACCESS: HostAccess = { privileged: false, capAdd: [], capDrop: [], devices: [], pidMode: '', networkMode: '' };

/** The raw HostConfig fields behind HostAccess, as `docker inspect` gives them. */
export interface HostAccessConfig {
  Privileged?: boolean | null;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  Devices?: { PathOnHost?: string; PathInContainer?: string; CgroupPermissions?: string }[] | null;
  PidMode?: string | null;
  NetworkMode?: string | null;
}

export function hostAccessOf(hostConfig: HostAccessConfig): HostAccess {
  return {
    privileged: hostConfig.Privileged === true,
    capAdd: hostConfig.CapAdd ?? [],
    capDrop: hostConfig.CapDrop ?? [],
    devices: (hostConfig.Devices ?? [])
      .filter((device) => device.PathOnHost)
      .map((device) => ({
        pathOnHost: device.PathOnHost ?? '',
        pathInContainer: device.PathInContainer || device.PathOnHost || '',
        cgroupPermissions: device.CgroupPermissions || 'rwm',
      })),
    pidMode: hostConfig.PidMode ?? '',
    networkMode: hostConfig.NetworkMode ?? '',
  };
}

/** One device as `--device` takes it: "/dev/fuse", or "/dev/sda:/dev/xvda:r" when it differs inside or in permissions. */
export function deviceArg(device: DeviceMapping): string {
  const inside = device.pathInContainer || device.pathOnHost;
  const permissions = device.cgroupPermissions || 'rwm';
  return inside === device.pathOnHost && permissions === 'rwm' ? device.pathOnHost : `${device.pathOnHost}:${inside}:${permissions}`;
}

/**
 * The `docker run`/`docker create` words for these settings (unquoted). The
 * network is left to the run spec's own --network, which says it already.
 */
export function hostAccessArgs(access: Partial<HostAccess> | undefined): string[] {
  if (!access) return [];
  const args: string[] = [];
  if (access.privileged) args.push('--privileged');
  for (const cap of access.capAdd ?? []) args.push('--cap-add', cap);
  for (const cap of access.capDrop ?? []) args.push('--cap-drop', cap);
  for (const device of access.devices ?? []) args.push('--device', deviceArg(device));
  if (access.pidMode) args.push('--pid', access.pidMode);
  return args;
}
