import type Docker from 'dockerode';

/** Podman's mark in every container's environment (its containers.conf default). */
const PODMAN_MARK = 'container=podman';
/** What Podman adds to every container's environment, and re-adds to a new one. */
const PODMAN_ENV = new Set([PODMAN_MARK, 'TERM=xterm', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
/** Podman's default tmpfs options, written out in full in its inspect. */
const PODMAN_TMPFS_DEFAULTS = new Set(['rw', 'rprivate', 'nosuid', 'nodev', 'tmpcopyup']);

/**
 * A container's inspect without what Podman adds by itself: its environment
 * marks, HOSTNAME, and its default tmpfs options. Recreating from them, or showing them as
 * `-e` and `--tmpfs` options, would claim the user set them; Podman adds them
 * again to any new container, so leaving them out changes nothing there. On
 * Docker (no mark), the inspect is returned as it is.
 */
export function withoutPodmanAdditions<T extends Pick<Docker.ContainerInspectInfo, 'Config' | 'HostConfig'>>(info: T): T {
  if (!info.Config?.Env?.includes(PODMAN_MARK)) return info;
  const tmpfs = info.HostConfig?.Tmpfs as Record<string, string> | undefined;
  // Podman also writes the container's host name into HOSTNAME; copied, it would name the old container.
  const hostname = `HOSTNAME=${info.Config.Hostname}`;
  return {
    ...info,
    Config: { ...info.Config, Env: info.Config.Env.filter((pair) => !PODMAN_ENV.has(pair) && pair !== hostname) },
    HostConfig: {
      ...info.HostConfig,
      ...(tmpfs && {
        Tmpfs: Object.fromEntries(
          Object.entries(tmpfs).map(([target, options]) => [
            target,
            options
              .split(',')
              .filter((option) => option && !PODMAN_TMPFS_DEFAULTS.has(option))
              .join(','),
          ]),
        ),
      }),
    },
  };
}
