import type { RunDraft } from '../run/run-draft';
import { EMPTY_DRAFT } from '../run/run-draft';
import type { InspectInfo } from './ContainerDetails';

/** The parts of a container that need a new container to change, as the run form's draft. */
export function draftFromInspect(info: InspectInfo): RunDraft {
  const ports = Object.entries(info.HostConfig.PortBindings ?? {}).flatMap(([key, bindings]) => {
    const [containerPort, protocol] = key.split('/');
    return (bindings ?? []).map((binding) => ({
      containerPort,
      hostPort: binding.HostPort ?? '',
      hostIp: binding.HostIp || '0.0.0.0',
      protocol: protocol === 'udp' ? ('udp' as const) : ('tcp' as const),
    }));
  });
  return {
    ...EMPTY_DRAFT,
    image: info.Config.Image,
    env: (info.Config.Env ?? []).map((entry) => {
      const [key, ...rest] = entry.split('=');
      return { key, value: rest.join('=') };
    }),
    ports,
    mounts: mountsOf(info),
  };
}

/**
 * Every mount, tmpfs ones included: the engine does not always list in
 * `Mounts` a tmpfs given as HostConfig.Mounts, and never one given as
 * `--tmpfs` (HostConfig.Tmpfs). A mount left out here would be dropped on save.
 */
function mountsOf(info: InspectInfo): RunDraft['mounts'] {
  const mounts: RunDraft['mounts'] = (info.Mounts ?? [])
    .filter((m) => m.Type === 'volume' || m.Type === 'bind' || m.Type === 'tmpfs')
    .map((mount) => ({
      type: mount.Type as 'volume' | 'bind' | 'tmpfs',
      source: mount.Type === 'volume' ? (mount.Name ?? '') : mount.Type === 'bind' ? mount.Source : '',
      target: mount.Destination,
      readOnly: !mount.RW,
    }));
  const listed = new Set(mounts.map((mount) => mount.target));
  const add = (target: string, readOnly: boolean) => {
    if (listed.has(target)) return;
    listed.add(target);
    mounts.push({ type: 'tmpfs', source: '', target, readOnly });
  };
  for (const mount of info.HostConfig.Mounts ?? []) if (mount.Type === 'tmpfs' && mount.Target) add(mount.Target, Boolean(mount.ReadOnly));
  for (const [target, options] of Object.entries(info.HostConfig.Tmpfs ?? {})) add(target, options.split(',').includes('ro'));
  return mounts;
}
