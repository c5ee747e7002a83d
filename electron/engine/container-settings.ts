import type Docker from 'dockerode';
import type { MountSpec, PortMapping } from '../api/run-schema';
import { recreateContainer, type MountConfig, type RecreateResult } from './container-recreate';

export interface SettingsChange {
  env: { key: string; value: string }[];
  ports: PortMapping[];
  mounts: MountSpec[];
}

/** A mount as the request says it, with the options of the mount it was at that target (propagation, tmpfs size…), which the request cannot say. */
function withCurrentOptions(mount: MountSpec, current: MountConfig | undefined): MountConfig {
  if (mount.type === 'tmpfs') {
    return { Type: 'tmpfs', Source: '', Target: mount.target, ReadOnly: mount.readOnly, ...(current?.Type === 'tmpfs' && current.TmpfsOptions ? { TmpfsOptions: current.TmpfsOptions } : {}) };
  }
  const same = current?.Type === mount.type && current.Source === mount.source;
  return {
    Type: mount.type,
    Source: mount.source,
    Target: mount.target,
    ReadOnly: mount.readOnly,
    ...(same && current.BindOptions ? { BindOptions: current.BindOptions } : {}),
    ...(same && current.VolumeOptions ? { VolumeOptions: current.VolumeOptions } : {}),
  };
}

/**
 * Applies new environment, ports and storage through the safe recreate: the
 * new container is made first from the full current configuration (command,
 * entrypoint, labels, limits, networks), and the old one stays on failure.
 * Mounts keep what the request cannot carry: a bind's propagation, a tmpfs's
 * size and mode, and a `--tmpfs` (HostConfig.Tmpfs) stays one, with its options.
 */
export function changeSettings(docker: Docker, id: string, change: SettingsChange): Promise<RecreateResult> {
  return recreateContainer(docker, id, (plan) => {
    plan.options.Env = change.env.map((variable) => `${variable.key}=${variable.value}`);
    const exposed: Record<string, object> = { ...(plan.options.ExposedPorts ?? {}) };
    const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
    for (const port of change.ports) {
      const key = `${port.containerPort}/${port.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort ? String(port.hostPort) : '' });
    }
    plan.options.ExposedPorts = exposed;
    const oldTmpfs: Record<string, string> = plan.options.HostConfig?.Tmpfs ?? {};
    const tmpfs: Record<string, string> = {};
    const current = new Map(plan.mounts.map((mount) => [mount.Target, mount]));
    plan.mounts = [];
    for (const mount of change.mounts) {
      if (mount.type === 'tmpfs' && Object.hasOwn(oldTmpfs, mount.target)) tmpfs[mount.target] = oldTmpfs[mount.target];
      else plan.mounts.push(withCurrentOptions(mount, current.get(mount.target)));
    }
    plan.options.HostConfig = { ...plan.options.HostConfig, PortBindings: bindings, Tmpfs: tmpfs };
  });
}
