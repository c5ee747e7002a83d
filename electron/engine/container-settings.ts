import type Docker from 'dockerode';
import type { MountSpec, PortMapping } from '../api/run-schema';
import { recreateContainer, type RecreateResult } from './container-recreate';

export interface SettingsChange {
  env: { key: string; value: string }[];
  ports: PortMapping[];
  mounts: MountSpec[];
}

/**
 * Applies new environment, ports and storage through the safe recreate: the
 * new container is made first from the full current configuration (command,
 * entrypoint, labels, limits, networks), and the old one stays on failure.
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
    plan.options.HostConfig = { ...plan.options.HostConfig, PortBindings: bindings };
    plan.mounts = change.mounts.map((mount) =>
      mount.type === 'tmpfs'
        ? { Type: 'tmpfs', Source: '', Target: mount.target, ReadOnly: mount.readOnly }
        : { Type: mount.type, Source: mount.source, Target: mount.target, ReadOnly: mount.readOnly },
    );
  });
}
